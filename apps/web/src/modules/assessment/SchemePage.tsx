import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';
import { ExportButton } from '../../components/ExportButton';
import { LoadMore } from '../../components/LoadMore';
import { PageLoading } from '../../components/PageLoading';
import { QueryError } from '../../components/QueryError';
import {
  schemeKeys,
  useResults,
  useScheme,
  type History,
  type ResultItem,
  type Scheme,
  type ScoreSheet,
} from './assessment-api';
import { SchemeEditor } from './SchemeEditor';

/** Recent periods to offer for computing: the last 12 months or the last 8 quarters, China time. */
function recentPeriods(type: 'month' | 'quarter'): string[] {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const out: string[] = [];
  for (let i = 0; i < (type === 'month' ? 12 : 8); i++) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (type === 'month' ? i : i * 3), 1));
    out.push(
      type === 'month'
        ? `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
        : `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`,
    );
  }
  return out;
}

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;

function HistoryModal({
  schemeId,
  item,
  onClose,
}: {
  schemeId: string;
  item: ResultItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const h = useQuery({
    queryKey: ['assessment', 'history', schemeId, item.assesseeId],
    queryFn: () =>
      api<History>(`/api/assessment/schemes/${schemeId}/history`, { query: { assesseeId: item.assesseeId } }),
  });
  return (
    <Modal open footer={null} onCancel={onClose} title={`${item.name} · ${t('assessment.history')}`}>
      <Table
        size="small"
        rowKey="period"
        loading={h.isLoading}
        dataSource={h.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('assessment.period'), dataIndex: 'period' },
          { title: t('assessment.total'), dataIndex: 'total', render: (v: number | null) => v ?? '—' },
          { title: t('assessment.rank'), render: (_, r) => (r.rank ? `${r.rank} / ${r.of}` : '—') },
          {
            title: t('assessment.published'),
            render: (_, r) =>
              r.published ? (
                <Tag color="green">{t('assessment.published')}</Tag>
              ) : (
                <Tag>{t('assessment.unpublished')}</Tag>
              ),
          },
        ]}
      />
    </Modal>
  );
}

function ResultsTab({ scheme, period }: { scheme: Scheme; period: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const results = useResults(scheme.id, period);
  const [history, setHistory] = useState<ResultItem | null>(null);
  const first = results.data?.pages[0];
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const publish = useMutation({
    mutationFn: (on: boolean) =>
      api(`/api/assessment/schemes/${scheme.id}/periods/${period}/${on ? 'publish' : 'unpublish'}`, {
        method: 'POST',
        body: { version: first!.period.version },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: schemeKeys.all }),
    onError: (e) => void message.error(errorMessage(t, e)),
  });
  if (results.isError)
    return (results.error as { status?: number }).status === 404 ? (
      <Empty description={t('assessment.noResults')} />
    ) : (
      <QueryError error={results.error} onRetry={() => void results.refetch()} />
    );
  if (!first) return <PageLoading />;
  const published = first.period.published;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {first.mayPublish ? (
          <Popconfirm
            title={published ? t('assessment.unpublishConfirm') : t('assessment.publishConfirm')}
            onConfirm={() => publish.mutate(!published)}
          >
            <Switch
              checked={published}
              loading={publish.isPending}
              checkedChildren={t('assessment.published')}
              unCheckedChildren={t('assessment.unpublished')}
              data-testid="publish-toggle"
            />
          </Popconfirm>
        ) : (
          <Tag color={published ? 'green' : 'default'}>
            {published ? t('assessment.published') : t('assessment.unpublished')}
          </Tag>
        )}
        <Typography.Text type="secondary">{t('assessment.of', { n: first.rankedCount })}</Typography.Text>
        <ExportButton
          path={`/api/assessment/schemes/${scheme.id}/periods/${period}/results/export`}
          query={{}}
          baseName={`assessment-${period}`}
          testId="results-export"
        />
      </Space>
      <Table<ResultItem>
        rowKey="assesseeId"
        size="middle"
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        data-testid="results-table"
        columns={[
          {
            title: t('assessment.rank'),
            width: 70,
            render: (_, r) => (r.rank ? <Tag color={r.rank <= 3 ? 'gold' : 'blue'}>{r.rank}</Tag> : '—'),
          },
          { title: t('assessment.assessee'), dataIndex: 'name' },
          {
            title: t('assessment.total'),
            render: (_, r) => <Typography.Text strong>{r.total ?? '—'}</Typography.Text>,
          },
          ...first.indicators.map((ind) => ({
            title: `${ind.name}（${ind.weight}）`,
            render: (_: unknown, r: ResultItem) => {
              const it = r.details.items.find((x) => x.indicatorId === ind.id);
              if (!it) return '—';
              return (
                <span title={it.comment ?? ''}>
                  {it.score ?? '—'}
                  <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                    {ind.kind === 'computed'
                      ? pct(it.value)
                      : it.value !== null
                        ? `${it.value}/${ind.maxScore}`
                        : ''}
                  </Typography.Text>
                </span>
              );
            },
          })),
          {
            title: t('assessment.history'),
            render: (_, r) => (
              <Button size="small" type="link" onClick={() => setHistory(r)}>
                {t('assessment.history')}
              </Button>
            ),
          },
        ]}
      />
      <LoadMore
        shown={items.length}
        hasMore={!!results.hasNextPage}
        loading={results.isFetchingNextPage}
        onLoadMore={() => void results.fetchNextPage()}
      />
      {history && <HistoryModal schemeId={scheme.id} item={history} onClose={() => setHistory(null)} />}
    </>
  );
}

function ScoringTab({ scheme, period }: { scheme: Scheme; period: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const sheet = useQuery({
    queryKey: schemeKeys.scores(scheme.id, period),
    retry: false,
    queryFn: () => api<ScoreSheet>(`/api/assessment/schemes/${scheme.id}/periods/${period}/scores`),
  });
  const [edits, setEdits] = useState<Record<string, { score?: number | null; comment?: string }>>({});
  const save = useMutation({
    mutationFn: () => {
      const scores = Object.entries(edits).flatMap(([key, e]) => {
        const [assesseeId, indicatorId] = key.split(':');
        const row = sheet.data!.rows.find((r) => r.assesseeId === assesseeId)!;
        const cur = row.scores.find((s) => s.indicatorId === indicatorId)!;
        const score = e.score !== undefined ? e.score : cur.score;
        if (score === null || score === undefined) return [];
        return [{ assesseeId, indicatorId, score, comment: e.comment ?? cur.comment }];
      });
      return api(`/api/assessment/schemes/${scheme.id}/periods/${period}/scores`, {
        method: 'PUT',
        body: { scores },
      });
    },
    onSuccess: () => {
      setEdits({});
      void message.success(t('assessment.saved'));
      void qc.invalidateQueries({ queryKey: schemeKeys.all });
    },
    onError: (e) => void message.error(errorMessage(t, e)),
  });
  if (sheet.isError) return <Empty description={t('assessment.noResults')} />;
  if (!sheet.data) return <PageLoading />;
  if (!sheet.data.indicators.length) return <Empty description={t('assessment.noManual')} />;
  const locked = sheet.data.period.published;
  return (
    <>
      {locked && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('assessment.publishedLocked')} />
      )}
      <Table
        rowKey="assesseeId"
        size="small"
        pagination={false}
        dataSource={sheet.data.rows}
        columns={[
          { title: t('assessment.assessee'), dataIndex: 'name', width: 160 },
          ...sheet.data.indicators.flatMap((ind) => [
            {
              title: `${ind.name}（${t('assessment.maxScore')} ${ind.maxScore}）`,
              render: (_: unknown, r: ScoreSheet['rows'][number]) => {
                const key = `${r.assesseeId}:${ind.id}`;
                const cur = r.scores.find((s) => s.indicatorId === ind.id)!;
                return (
                  <InputNumber
                    min={0}
                    max={ind.maxScore}
                    disabled={locked}
                    value={edits[key]?.score !== undefined ? edits[key]?.score : cur.score}
                    onChange={(v) => setEdits({ ...edits, [key]: { ...edits[key], score: v } })}
                  />
                );
              },
            },
            {
              title: t('assessment.comment'),
              render: (_: unknown, r: ScoreSheet['rows'][number]) => {
                const key = `${r.assesseeId}:${ind.id}`;
                const cur = r.scores.find((s) => s.indicatorId === ind.id)!;
                return (
                  <Input
                    maxLength={1000}
                    disabled={locked}
                    value={edits[key]?.comment ?? cur.comment}
                    onChange={(e) =>
                      setEdits({ ...edits, [key]: { ...edits[key], comment: e.target.value } })
                    }
                  />
                );
              },
            },
            {
              title: t('assessment.assessor'),
              render: (_: unknown, r: ScoreSheet['rows'][number]) =>
                r.scores.find((s) => s.indicatorId === ind.id)?.assessor ?? '—',
            },
          ]),
        ]}
      />
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        disabled={locked || !Object.keys(edits).length}
        loading={save.isPending}
        onClick={() => save.mutate()}
      >
        {t('assessment.saveScores')}
      </Button>
    </>
  );
}

export default function SchemePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const scheme = useScheme(id);
  const [picked, setPicked] = useState<string | undefined>();
  const [editing, setEditing] = useState(false);
  const compute = useMutation({
    mutationFn: (p: string) =>
      api(`/api/assessment/schemes/${id}/periods/${p}/compute`, { method: 'POST', body: {} }),
    onSuccess: () => {
      void message.success(t('assessment.computeDone'));
      void qc.invalidateQueries({ queryKey: schemeKeys.all });
    },
    onError: (e) => void message.error(errorMessage(t, e)),
  });
  if (scheme.isError) return <QueryError error={scheme.error} onRetry={() => void scheme.refetch()} />;
  if (!scheme.data) return <PageLoading />;
  const s = scheme.data;
  const known = new Map(s.periods.map((p) => [p.period, p]));
  const options = s.mayManage
    ? [...new Set([...s.periods.map((p) => p.period), ...recentPeriods(s.periodType)])].sort().reverse()
    : s.periods.map((p) => p.period);
  const period = picked ?? s.periods[0]?.period;
  return (
    <Card
      title={s.name}
      extra={
        s.mayManage && (
          <Button onClick={() => setEditing(true)} data-testid="scheme-edit">
            {t('assessment.editScheme')}
          </Button>
        )
      }
    >
      <Descriptions size="small" column={4} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('assessment.org')}>{s.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.period')}>
          {t(`assessment.periodTypes.${s.periodType}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.assessee')}>
          {t(`assessment.assesseeKinds.${s.assesseeKind}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.indicators')}>
          {s.indicators.map((i) => `${i.name} ${i.weight}`).join('，')}
        </Descriptions.Item>
      </Descriptions>
      {!options.length ? (
        <Empty description={t('assessment.noPeriods')} />
      ) : (
        <>
          <Space style={{ marginBottom: 16 }}>
            <Select
              style={{ width: 200 }}
              value={period}
              placeholder={t('assessment.choosePeriod')}
              onChange={setPicked}
              data-testid="period-select"
              options={options.map((p) => ({
                value: p,
                label: `${p}${known.get(p)?.published ? ` · ${t('assessment.published')}` : known.has(p) ? ` · ${t('assessment.computed')}` : ''}`,
              }))}
            />
            {s.mayManage && period && !known.get(period)?.published && (
              <Button
                type="primary"
                loading={compute.isPending}
                onClick={() => compute.mutate(period)}
                data-testid="compute"
              >
                {t('assessment.compute')}
              </Button>
            )}
          </Space>
          {period && (
            <Tabs
              items={[
                {
                  key: 'results',
                  label: t('assessment.results'),
                  children: <ResultsTab scheme={s} period={period} />,
                },
                ...(can('assessment.score') && known.has(period)
                  ? [
                      {
                        key: 'scoring',
                        label: t('assessment.scoring'),
                        children: <ScoringTab scheme={s} period={period} />,
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </>
      )}
      {editing && <SchemeEditor scheme={s} onClose={() => setEditing(false)} />}
    </Card>
  );
}

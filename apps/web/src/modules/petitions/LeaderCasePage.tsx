import { useState } from 'react';
import { App, Button, Card, Descriptions, Input, Select, Space, Timeline, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../app/auth';
import { QueryError } from '../../components/QueryError';
import { PageLoading } from '../../components/PageLoading';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';
import { formatTime } from '../../lib/time';
import { post, useLeaderCase, type LeaderCaseDetail } from './cases-api';
import { CaseStatus } from './LeaderCaseBoardPage';
import type { PetitionItem } from './petition-api';

/** Find a petition by its number to add it to the case. */
function AddPetition({ c, onDone }: { c: LeaderCaseDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['petitions', 'pick', q],
    queryFn: () => api<{ items: PetitionItem[] }>('/api/petitions', { query: { q, limit: 10 } }),
    enabled: q.length >= 2,
  });
  return (
    <Select
      showSearch
      style={{ width: 240 }}
      placeholder={t('petitionCases.page.addPlaceholder')}
      filterOption={false}
      onSearch={setQ}
      options={(found.data?.items ?? []).map((p) => ({ value: p.id, label: p.number }))}
      onChange={(petitionId: string) =>
        void post(`/api/petitions/leader-cases/${c.id}/petitions`, { version: c.version, petitionId })
          .then(onDone)
          .catch((err: unknown) => void message.error(errorMessage(t, err)))
      }
      data-testid="case-add-petition"
    />
  );
}

/** One 领导包案: its petitions, plan, progress reports and the leader's actions while it is open. */
export default function LeaderCasePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const q = useLeaderCase(id);
  const queryClient = useQueryClient();
  const canLead = useCan('petition.leader');
  const [text, setText] = useState('');
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const refresh = () => {
    setText('');
    void queryClient.invalidateQueries({ queryKey: ['petitions', 'leader-cases'] });
  };
  const act = (path: string, body: Record<string, unknown>) =>
    void post(`/api/petitions/leader-cases/${c.id}${path}`, { version: c.version, ...body })
      .then(() => {
        void message.success(t('petitionCases.page.saved'));
        refresh();
      })
      .catch((err: unknown) => void message.error(errorMessage(t, err)));
  const p = (k: 'plan' | 'since' | 'petitions' | 'progress' | 'noProgress' | 'closingNote') =>
    t(`petitionCases.page.${k}`);
  return (
    <Card
      title={
        <Space wrap>
          <Link to="/petitions/leader-cases">{t('petitionCases.board.title')}</Link>
          <Typography.Text strong>
            {c.leaderName} · {c.title ?? t('petitionCases.page.title')}
          </Typography.Text>
          <span data-testid="case-status">
            <CaseStatus c={c} />
          </span>
        </Space>
      }
      data-testid="leader-case-page"
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('petitionCases.board.target')}>{c.targetDate}</Descriptions.Item>
        <Descriptions.Item label={p('since')}>{formatTime(c.since, 'YYYY-MM-DD')}</Descriptions.Item>
        <Descriptions.Item label={t('petitionCases.board.progressDue')}>
          {c.progressDue ?? '—'} ({t('petitionCases.page.every', { days: c.progressEveryDays })})
        </Descriptions.Item>
        <Descriptions.Item label={p('petitions')}>
          <Space wrap data-testid="case-petitions">
            {c.petitions.map((x) => (
              <Link key={x.id} to={`/petitions/${x.id}`}>
                {x.number}
              </Link>
            ))}
            {canLead && c.status === 'open' && <AddPetition c={c} onDone={refresh} />}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={p('plan')} span={2}>
          {c.plan ?? t('petitionCases.board.masked')}
        </Descriptions.Item>
        {c.closingNote && (
          <Descriptions.Item label={p('closingNote')} span={2}>
            {c.closingNote}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5}>{p('progress')}</Typography.Title>
      {c.progress.length ? (
        <Timeline
          items={c.progress.map((r) => ({
            children: `${formatTime(r.at, 'YYYY-MM-DD')} ${r.by}：${r.text ?? t('petitionCases.board.masked')}`,
          }))}
        />
      ) : (
        <Typography.Paragraph type="secondary">{p('noProgress')}</Typography.Paragraph>
      )}
      {canLead && c.status === 'open' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            rows={2}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('petitionCases.page.text')}
            data-testid="case-text"
          />
          <Space wrap>
            <Button
              disabled={!text.trim()}
              onClick={() => act('/progress', { text })}
              data-testid="case-report"
            >
              {t('petitionCases.page.report')}
            </Button>
            <Button
              type="primary"
              onClick={() => act('/close', { outcome: 'resolved', ...(text.trim() ? { text } : {}) })}
              data-testid="case-resolve"
            >
              {t('petitionCases.page.resolve')}
            </Button>
            <Button
              danger
              onClick={() => act('/close', { outcome: 'not_resolved', ...(text.trim() ? { text } : {}) })}
            >
              {t('petitionCases.page.notResolved')}
            </Button>
          </Space>
        </Space>
      )}
    </Card>
  );
}

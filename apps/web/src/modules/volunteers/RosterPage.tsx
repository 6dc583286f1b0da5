import { useState } from 'react';
import { App, Button, Card, Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { LeftOutlined, RightOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { QueryError } from '../../components/QueryError';
import { AssignShiftModal } from './AssignShiftModal';
import {
  hhmm,
  shanghaiDay,
  useRoster,
  volunteersApi,
  type RosterPost,
  type RosterShift,
} from './volunteers-api';

const DAY = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
function thisMonday() {
  const today = shanghaiDay(new Date().toISOString());
  const wd = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  return addDays(today, 1 - wd);
}
const span = (g: { start: string; end: string }) =>
  `${shanghaiDay(g.start).slice(5)} ${hhmm(g.start)}–${shanghaiDay(g.end).slice(5)} ${hhmm(g.end)}`;

function ShiftChip({ s, onOpen }: { s: RosterShift; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <div
      role="button"
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={(e) => e.key === 'Enter' && onOpen()}
      data-testid="roster-shift"
      data-understaffed={s.understaffed}
      style={{
        cursor: 'pointer',
        border: `1px solid ${s.understaffed ? '#ff4d4f' : '#d9d9d9'}`,
        background: s.understaffed ? '#fff1f0' : '#f6ffed',
        borderRadius: 4,
        padding: '2px 6px',
        marginBottom: 4,
        fontSize: 12,
      }}
    >
      <div>
        {hhmm(s.start)}–{hhmm(s.end)}{' '}
        {s.understaffed && (
          <Tag color="red" style={{ fontSize: 11, marginInlineEnd: 0 }}>
            {t('volunteers.roster.understaffed')}
          </Tag>
        )}
      </div>
      <div style={{ color: '#595959' }}>{s.assignees.map((a) => a.name).join('、') || '—'}</div>
    </div>
  );
}

/** 排班表: a week × posts; each post with its coverage of the hours it must be manned and the gaps in red. */
export default function RosterPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canPlan = useCan('post.manage');
  const [params, setParams] = useSearchParams();
  const week = params.get('week') ?? thisMonday();
  const roster = useRoster(week);
  const [open, setOpen] = useState<{ shift: RosterShift; post: string } | null>(null);
  const go = (n: number) => setParams({ week: addDays(week, n * 7) });
  const days = Array.from({ length: 7 }, (_, i) => addDays(week, i));

  const columns: TableColumnsType<RosterPost> = [
    {
      title: t('volunteers.nav.posts'),
      key: 'post',
      fixed: 'left',
      width: 220,
      render: (_, p) => (
        <Space direction="vertical" size={2} data-testid="roster-post" style={{ width: '100%' }}>
          <Typography.Text strong>{p.name}</Typography.Text>
          <Progress
            percent={Math.round((p.coverage.rate ?? 0) * 1000) / 10}
            size="small"
            status={p.coverage.gaps.length ? 'exception' : 'success'}
            data-testid="roster-coverage"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('volunteers.roster.coverage')} {p.coverage.coveredHours}/{p.coverage.requiredHours} h
          </Typography.Text>
          {p.coverage.gaps.length ? (
            <div data-testid="roster-gaps">
              {p.coverage.gaps.slice(0, 4).map((g) => (
                <Tag key={g.start} color="red" style={{ fontSize: 11 }}>
                  {span(g)}
                </Tag>
              ))}
              {p.coverage.gaps.length > 4 && <Tag color="red">+{p.coverage.gaps.length - 4}</Tag>}
            </div>
          ) : (
            <Tag color="green">{t('volunteers.roster.noGaps')}</Tag>
          )}
          {canPlan && (
            <Button
              size="small"
              icon={<ThunderboltOutlined />}
              data-testid="roster-generate"
              onClick={async () => {
                const r = await volunteersApi.generate(p.id, week);
                await qc.invalidateQueries({ queryKey: ['volunteers', 'roster'] });
                void message.success(t('volunteers.roster.generated', { n: r.created }));
              }}
            >
              {t('volunteers.roster.generate')}
            </Button>
          )}
        </Space>
      ),
    },
    ...days.map((d) => ({
      title: `${d.slice(5)} ${new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`))}`,
      key: d,
      width: 140,
      render: (_: unknown, p: RosterPost) => (
        <div>
          {p.shifts
            .filter((s) => shanghaiDay(s.start) === d)
            .map((s) => (
              <ShiftChip key={s.id} s={s} onOpen={() => setOpen({ shift: s, post: p.name })} />
            ))}
        </div>
      ),
    })),
  ];

  return (
    <Card
      title={t('volunteers.roster.title')}
      extra={
        <Space>
          <Button
            icon={<LeftOutlined />}
            onClick={() => go(-1)}
            aria-label={t('volunteers.roster.prev')}
            data-testid="roster-prev"
          />
          <Typography.Text data-testid="roster-week">
            {week} – {addDays(week, 6)}
          </Typography.Text>
          <Button
            icon={<RightOutlined />}
            onClick={() => go(1)}
            aria-label={t('volunteers.roster.next')}
            data-testid="roster-next"
          />
        </Space>
      }
    >
      {roster.isError ? (
        <QueryError error={roster.error} onRetry={() => void roster.refetch()} />
      ) : (
        <Table<RosterPost>
          rowKey="id"
          size="small"
          bordered
          loading={roster.isPending}
          pagination={false}
          dataSource={roster.data?.posts ?? []}
          columns={columns}
          scroll={{ x: 220 + 7 * 140 }}
          locale={{ emptyText: <Empty description={t('volunteers.roster.empty')} /> }}
          data-testid="roster-grid"
        />
      )}
      {open && <AssignShiftModal shift={open.shift} postName={open.post} onClose={() => setOpen(null)} />}
    </Card>
  );
}

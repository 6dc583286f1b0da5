import { useMemo, type ReactNode } from 'react';
import { Card, Segmented, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { QueryError } from '../../components/QueryError';
import { ListPage } from '../../kit/ListPage';
import { ReferralPanel } from '../../kit/ReferralPanel';
import { taskKeys, useTaskCounts } from '../home/tasks-api';
import { caseKeys, useInbox } from './case-api';
import type { InboxKind } from './case-types';
import { useCaseColumns } from './case-columns';
import { TaskCards, type TaskCard } from './TaskCards';
import { inboxKindsFor, taskTotal } from './task-kinds';

const CASES = { path: '/api/cases', key: caseKeys.all };
/** The records part's kind in 我的待办 (core/records/referral-tasks.ts): its list is the incoming box. */
const REFERRALS = 'referral.incoming';

/**
 * 我的待办: one card per kind of work this user can have (a department sees accept/handle, a grid worker verify),
 * each with its count, and the referrals sent to the user's unit; the chosen card's work is listed below.
 */
export default function TasksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const inbox = useInbox();
  const tasks = useTaskCounts();
  const kinds = useMemo(() => inboxKindsFor(can), [can]);
  // Shown when the API lists the kind for this user (it may hold referrals of some record type).
  const referrals = tasks.data?.kinds.find((k) => k.kind === REFERRALS);
  const [params, setParams] = useSearchParams();
  const asked = params.get('kind');
  const counts = inbox.data;
  const keys: string[] = [...kinds, ...(referrals ? [REFERRALS] : [])];
  const countOf = (k: string) => (k === REFERRALS ? referrals?.count : counts?.[k as InboxKind]);
  // Without a choice in the URL, open the first kind that has work waiting.
  const chosen = asked && keys.includes(asked) ? asked : (keys.find((k) => (countOf(k) ?? 0) > 0) ?? keys[0]);
  const kind = chosen === REFERRALS ? undefined : (chosen as InboxKind | undefined);
  // 我的 / 本单位: only the cases whose named handler is this user, or the whole unit's.
  const mine = params.get('mine') === '1';
  const query = useMemo(
    // Work waiting on someone: the most pressing deadline first.
    () => ({
      ...(kind === 'overdue'
        ? { slaState: 'overdue', sort: 'deadline' }
        : kind === 'followed'
          ? { followed: 'true', sort: 'deadline' }
          : kind
            ? { task: kind, sort: 'deadline' }
            : {}),
      ...(mine ? { mine: 'true' } : {}),
    }),
    [kind, mine],
  );
  const { columns, renderCard } = useCaseColumns();

  const cards: TaskCard[] = keys.map((k) => ({
    key: k,
    label: k === REFERRALS ? t('kit.referral.card') : t(`task.kind.${k as InboxKind}`),
    count: countOf(k),
    alarm: k === 'overdue',
  }));
  const title = (
    <span>
      {t('task.title')}
      {counts && (
        <Typography.Text
          type="secondary"
          style={{ fontSize: 13, fontWeight: 'normal', marginInlineStart: 12 }}
        >
          {t('task.total', { count: taskTotal(counts, kinds) + (referrals?.count ?? 0) })}
        </Typography.Text>
      )}
    </span>
  );
  const head: ReactNode = inbox.isError ? (
    <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />
  ) : (
    <TaskCards
      cards={cards}
      selected={chosen}
      onSelect={(k) => setParams({ kind: k, ...(mine ? { mine: '1' } : {}) }, { replace: true })}
    />
  );

  if (chosen === REFERRALS)
    return (
      <Card title={title} data-testid="tasks-page">
        {head}
        <Typography.Paragraph type="secondary" data-testid="tasks-list-title">
          {t('kit.referral.inboxHint')}
        </Typography.Paragraph>
        <ReferralPanel
          box="incoming"
          pendingOnly
          title={t('kit.referral.inbox')}
          onAnswered={() => {
            // An accepted transfer brings the case here: its counts and lists change too.
            void queryClient.invalidateQueries({ queryKey: taskKeys.all });
            void queryClient.invalidateQueries({ queryKey: caseKeys.all });
          }}
        />
      </Card>
    );

  return (
    <ListPage
      resource={CASES}
      query={query}
      enabled={!!kind}
      columns={columns}
      renderCard={renderCard}
      emptyText={t('task.empty')}
      testId="tasks-table"
      pageTestId="tasks-page"
      listTitle={
        kind && (
          <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
            <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="tasks-list-title">
              {t(`task.kind.${kind}`)}
            </Typography.Title>
            <Segmented
              data-testid="tasks-scope"
              value={mine ? 'mine' : 'unit'}
              options={[
                { value: 'unit', label: t('case.assignment.scopeUnit') },
                { value: 'mine', label: t('case.assignment.scopeMine') },
              ]}
              onChange={(v) =>
                setParams(
                  { ...(chosen ? { kind: chosen } : {}), ...(v === 'mine' ? { mine: '1' } : {}) },
                  {
                    replace: true,
                  },
                )
              }
            />
          </Space>
        )
      }
      title={title}
    >
      {head}
    </ListPage>
  );
}

import { useMemo, type ReactNode } from 'react';
import { Card, Empty, Segmented, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { QueryError } from '../../components/QueryError';
import { ListPage } from '../../kit/ListPage';
import { ReferralPanel } from '../../kit/ReferralPanel';
import { TaskItemList } from '../home/TaskItemList';
import { taskKeys, useTaskCounts, useTaskList } from '../home/tasks-api';
import { caseKeys, useInbox } from './case-api';
import type { InboxKind } from './case-types';
import { useCaseColumns } from './case-columns';
import { TaskCards, type TaskCard } from './TaskCards';
import { INBOX_KINDS, inboxKindsFor, taskTotal } from './task-kinds';

const CASES = { path: '/api/cases', key: caseKeys.all };
/** The records part's kind in 我的待办 (core/records/referral-tasks.ts): its list is the incoming box. */
const REFERRALS = 'referral.incoming';
const isCaseKind = (k: string): k is InboxKind => (INBOX_KINDS as string[]).includes(k);

/**
 * 我的待办 for every role: one card per kind of work this user can have, whatever module it comes from (a
 * department sees accept/handle, a grid worker verify, a petition handler its petitions to accept), each with
 * its count. The chosen card's work is listed below: case kinds as the case list with its filters, referrals
 * as the incoming box, every other module's kind as the API's list of its items, most pressing first.
 */
export default function TasksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const casesToo = can('case.read');
  const inbox = useInbox(casesToo);
  const tasks = useTaskCounts();
  const caseKinds = useMemo(() => (casesToo ? inboxKindsFor(can) : []), [can, casesToo]);
  // Other modules' kinds as the API counts them for this user (case kinds come from the case inbox; a case
  // kind outside it, such as 回访 case.callback, is listed like another module's).
  const others = (tasks.data?.kinds ?? []).filter(
    (k) => k.module !== 'cases' || !isCaseKind(k.kind.replace(/^case\./, '')),
  );
  const [params, setParams] = useSearchParams();
  const asked = params.get('kind');
  const counts = inbox.data;
  const keys: string[] = [...caseKinds, ...others.map((k) => k.kind)];
  const countOf = (k: string) => (isCaseKind(k) ? counts?.[k] : others.find((o) => o.kind === k)?.count);
  // Without a choice in the URL, open the first kind that has work waiting.
  const chosen = asked && keys.includes(asked) ? asked : (keys.find((k) => (countOf(k) ?? 0) > 0) ?? keys[0]);
  const kind = chosen && isCaseKind(chosen) ? chosen : undefined;
  const otherKind = chosen && !isCaseKind(chosen) && chosen !== REFERRALS ? chosen : undefined;
  const list = useTaskList(otherKind, 20, !!otherKind);
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

  const labels = new Map(others.map((k) => [k.kind, k.label]));
  const cards: TaskCard[] = keys.map((k) => ({
    key: k,
    label: isCaseKind(k)
      ? t(`task.kind.${k}`)
      : k === REFERRALS
        ? t('kit.referral.card')
        : (labels.get(k) ?? k),
    count: countOf(k),
    alarm: k === 'overdue',
  }));
  const total = (counts ? taskTotal(counts, caseKinds) : 0) + others.reduce((sum, k) => sum + k.count, 0);
  const title = (
    <span>
      {t('task.title')}
      {(counts || tasks.data) && (
        <Typography.Text
          type="secondary"
          style={{ fontSize: 13, fontWeight: 'normal', marginInlineStart: 12 }}
          data-testid="tasks-total"
        >
          {t('task.total', { count: total })}
        </Typography.Text>
      )}
    </span>
  );
  const failed = inbox.isError ? inbox : tasks.isError ? tasks : null;
  const head: ReactNode = failed ? (
    <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
  ) : (
    <TaskCards
      cards={cards}
      selected={chosen}
      onSelect={(k) => setParams({ kind: k, ...(mine ? { mine: '1' } : {}) }, { replace: true })}
    />
  );

  if (!kind)
    return (
      <Card title={title} data-testid="tasks-page">
        {head}
        {tasks.data && keys.length === 0 && (
          <Empty description={t('task.inbox.empty')} data-testid="tasks-none" />
        )}
        {chosen === REFERRALS && (
          <>
            <Typography.Paragraph type="secondary" data-testid="tasks-list-title">
              {t('kit.referral.inboxHint')}
            </Typography.Paragraph>
            <ReferralPanel
              box="incoming"
              pendingOnly
              title={t('kit.referral.inbox')}
              onAnswered={() => {
                // An accepted transfer brings the record here: its counts and lists change too.
                void queryClient.invalidateQueries({ queryKey: taskKeys.all });
                void queryClient.invalidateQueries({ queryKey: caseKeys.all });
              }}
            />
          </>
        )}
        {otherKind && (
          <>
            <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="tasks-list-title">
              {labels.get(otherKind)}
            </Typography.Title>
            {list.isError ? (
              <QueryError error={list.error} onRetry={() => void list.refetch()} />
            ) : (
              <TaskItemList list={list} labels={labels} emptyText={t('task.empty')} showKind={false} />
            )}
          </>
        )}
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
            onChange={(v) => setParams({ kind, ...(v === 'mine' ? { mine: '1' } : {}) }, { replace: true })}
          />
        </Space>
      }
      title={title}
    >
      {head}
    </ListPage>
  );
}

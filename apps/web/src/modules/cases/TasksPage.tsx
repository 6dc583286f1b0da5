import { useMemo } from 'react';
import { Card, Col, Row, Skeleton, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { QueryError } from '../../components/QueryError';
import { ListPage } from '../../kit/ListPage';
import { caseKeys, useInbox } from './case-api';
import type { InboxKind } from './case-types';
import { useCaseColumns } from './case-columns';
import { inboxKindsFor, taskTotal } from './task-kinds';

const CASES = { path: '/api/cases', key: caseKeys.all };

/**
 * 我的待办: one card per kind of work this user can have (a department sees accept/handle, a grid worker verify),
 * each with its count; the chosen card's cases are listed below.
 */
export default function TasksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { token } = theme.useToken();
  const inbox = useInbox();
  const kinds = useMemo(() => inboxKindsFor(can), [can]);
  const [params, setParams] = useSearchParams();
  const asked = params.get('kind') as InboxKind | null;
  const counts = inbox.data;
  // Without a choice in the URL, open the first kind that has work waiting.
  const kind: InboxKind | undefined =
    asked && kinds.includes(asked) ? asked : (kinds.find((k) => (counts?.[k] ?? 0) > 0) ?? kinds[0]);
  const query = useMemo(
    // Work waiting on someone: the most pressing deadline first.
    () =>
      kind === 'overdue'
        ? { slaState: 'overdue', sort: 'deadline' }
        : kind
          ? { task: kind, sort: 'deadline' }
          : {},
    [kind],
  );
  const { columns, renderCard } = useCaseColumns();

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
          <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="tasks-list-title">
            {t(`task.kind.${kind}`)}
          </Typography.Title>
        )
      }
      title={
        <span>
          {t('task.title')}
          {counts && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 13, fontWeight: 'normal', marginInlineStart: 12 }}
            >
              {t('task.total', { count: taskTotal(counts, kinds) })}
            </Typography.Text>
          )}
        </span>
      }
    >
      {inbox.isError ? (
        <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {kinds.map((k) => {
            const selected = k === kind;
            const count = counts?.[k];
            const alarm = k === 'overdue' && (count ?? 0) > 0;
            return (
              <Col key={k} xs={12} sm={8} md={6} xl={Math.max(3, Math.floor(24 / kinds.length))}>
                <Card
                  hoverable
                  size="small"
                  onClick={() => setParams({ kind: k }, { replace: true })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      setParams({ kind: k }, { replace: true });
                    }
                  }}
                  tabIndex={0}
                  role="button"
                  aria-pressed={selected}
                  data-testid={`task-card-${k}`}
                  data-count={count ?? ''}
                  style={{
                    borderColor: selected ? token.colorPrimary : undefined,
                    boxShadow: selected ? `0 0 0 1px ${token.colorPrimary}` : undefined,
                    background: selected ? token.colorPrimaryBg : undefined,
                  }}
                >
                  <div style={{ color: token.colorTextSecondary, fontSize: 13 }}>{t(`task.kind.${k}`)}</div>
                  {count === undefined ? (
                    <Skeleton.Button active size="small" />
                  ) : (
                    <div
                      style={{
                        fontSize: 26,
                        fontWeight: 600,
                        lineHeight: 1.3,
                        color: alarm
                          ? token.colorError
                          : count > 0
                            ? token.colorText
                            : token.colorTextQuaternary,
                      }}
                      data-testid={`task-count-${k}`}
                    >
                      {count}
                    </div>
                  )}
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
    </ListPage>
  );
}

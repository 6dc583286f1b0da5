import { useState } from 'react';
import { Badge, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { formatTime } from '../../lib/time';
import { useTaskList, type TaskItem } from './tasks-api';

const SLA_COLOR = { normal: 'default', warning: 'warning', overdue: 'error' } as const;

/**
 * 我的待办 on the home page: the counts of every kind of work that waits for the caller (any module's), and one
 * list, most pressing first; picking a kind narrows the list to it.
 */
export function TaskInbox() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string | undefined>(undefined);
  const list = useTaskList(kind);
  const first = list.data?.pages[0];
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const labels = new Map(first?.kinds.map((k) => [k.kind, k.label]));

  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  // Nobody who could hold a task: no card at all.
  if (first && first.kinds.length === 0) return null;
  return (
    <Card
      title={
        <Space>
          {t('task.inbox.title')}
          {first && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
              {t('task.total', { count: first.total })}
            </Typography.Text>
          )}
        </Space>
      }
      loading={list.isPending}
      data-testid="home-tasks"
    >
      {first && (
        <Segmented
          style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
          value={kind ?? ''}
          onChange={(v) => setKind(v ? String(v) : undefined)}
          options={[
            { value: '', label: <span data-testid="task-kind-all">{t('task.inbox.all')}</span> },
            ...first.kinds.map((k) => ({
              value: k.kind,
              label: (
                <span data-testid={`task-kind-${k.kind}`} data-count={k.count}>
                  {k.label}{' '}
                  <Badge count={k.count} overflowCount={999} size="small" showZero color="#8c8c8c" />
                </span>
              ),
            })),
          ]}
        />
      )}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.inbox.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item: TaskItem) => (
            <List.Item key={`${item.kind}:${item.ownerId}`} data-testid="task-item">
              <Link to={item.url} style={{ display: 'flex', gap: 8, width: '100%', alignItems: 'center' }}>
                <Tag>{labels.get(item.kind) ?? item.kind}</Tag>
                {item.number && <Typography.Text type="secondary">{item.number}</Typography.Text>}
                <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
                  {item.title}
                </Typography.Text>
                {item.dueAt && (
                  <Tag color={SLA_COLOR[item.slaState ?? 'normal']}>
                    {t('task.inbox.due', { at: formatTime(item.dueAt, 'MM-DD HH:mm') })}
                  </Tag>
                )}
              </Link>
            </List.Item>
          )}
        />
      )}
      <LoadMore
        shown={items.length}
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
      />
    </Card>
  );
}

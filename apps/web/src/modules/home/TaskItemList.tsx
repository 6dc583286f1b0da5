import { Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMore } from '../../components/LoadMore';
import { formatTime } from '../../lib/time';
import type { TaskItem, useTaskList } from './tasks-api';

const SLA_COLOR = { normal: 'default', warning: 'warning', overdue: 'error' } as const;

/**
 * The items of 我的待办 of any module, most pressing first, each a link to its record; used by the home page's
 * inbox and by the 我的待办 page for the kinds that are not case kinds.
 */
export function TaskItemList({
  list,
  labels,
  emptyText,
  showKind = true,
}: {
  list: ReturnType<typeof useTaskList>;
  labels: Map<string, string>;
  emptyText: string;
  showKind?: boolean;
}) {
  const { t } = useTranslation();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
      ) : (
        <List
          size="small"
          dataSource={items}
          data-testid="task-items"
          renderItem={(item: TaskItem) => (
            <List.Item key={`${item.kind}:${item.ownerId}`} data-testid="task-item">
              <Link to={item.url} style={{ display: 'flex', gap: 8, width: '100%', alignItems: 'center' }}>
                {showKind && <Tag>{labels.get(item.kind) ?? item.kind}</Tag>}
                {/* A petition's title is its number (its summary is petition content): shown once. */}
                {item.number && item.number !== item.title && (
                  <Typography.Text type="secondary">{item.number}</Typography.Text>
                )}
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
    </>
  );
}

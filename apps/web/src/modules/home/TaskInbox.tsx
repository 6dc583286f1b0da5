import { useState } from 'react';
import { Badge, Card, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { TaskItemList } from './TaskItemList';
import { useTaskList } from './tasks-api';

/**
 * 我的待办 on the home page: the counts of every kind of work that waits for the caller (any module's), and one
 * list, most pressing first; picking a kind narrows the list to it.
 */
export function TaskInbox() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string | undefined>(undefined);
  const list = useTaskList(kind);
  const first = list.data?.pages[0];
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
      <TaskItemList list={list} labels={labels} emptyText={t('task.inbox.empty')} />
    </Card>
  );
}

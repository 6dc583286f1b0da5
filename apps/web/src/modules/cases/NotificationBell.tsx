import { useState } from 'react';
import { Badge, Button, Empty, List, Popover, Spin, Typography, theme } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatTime } from '../../lib/time';
import { caseApi, caseKeys, type Notification } from './case-api';

const POLL_MS = 30_000;

/** The header bell: unread count polled every 30 s; the list opens on click; a click on one opens its case. */
export function NotificationBell({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);

  const unread = useQuery({
    queryKey: [...caseKeys.notifications, 'unread'],
    queryFn: () => caseApi.notifications(true, 1).then((r) => r.unread),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    retry: false,
  });
  const list = useQuery({
    queryKey: [...caseKeys.notifications, 'list'],
    queryFn: () => caseApi.notifications(false, 20),
    enabled: open,
    staleTime: 0,
  });
  const markRead = useMutation({
    mutationFn: (ids: string[] | 'all') => caseApi.markRead(ids),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: caseKeys.notifications }),
  });

  const count = unread.data ?? 0;
  const openOne = (n: Notification) => {
    if (!n.readAt) markRead.mutate([n.id]);
    setOpen(false);
    if (n.caseId) void navigate(`/cases/${n.caseId}`);
  };

  const content = (
    <div style={{ width: compact ? 'calc(100vw - 32px)' : 360, maxWidth: 360 }} data-testid="notification-panel">
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          paddingBottom: 8,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Typography.Text strong>{t('notification.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={count === 0}
          loading={markRead.isPending && markRead.variables === 'all'}
          onClick={() => markRead.mutate('all')}
          data-testid="notification-read-all"
        >
          {t('notification.markAllRead')}
        </Button>
      </div>
      {list.isPending ? (
        <div style={{ padding: 24, textAlign: 'center' }}>
          <Spin />
        </div>
      ) : !list.data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notification.empty')} />
      ) : (
        <List
          size="small"
          style={{ maxHeight: 400, overflow: 'auto' }}
          dataSource={list.data.items}
          renderItem={(n) => (
            <List.Item
              onClick={() => openOne(n)}
              style={{ cursor: n.caseId ? 'pointer' : 'default', paddingInline: 4 }}
              data-testid="notification-item"
              data-unread={n.readAt ? 'false' : 'true'}
            >
              <div style={{ display: 'flex', gap: 8, width: '100%' }}>
                <Badge status={n.readAt ? 'default' : 'processing'} style={{ paddingTop: 4 }} />
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Typography.Text strong={!n.readAt} style={{ display: 'block' }} ellipsis={{ tooltip: n.title }}>
                    {n.title}
                  </Typography.Text>
                  {n.body && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                      {n.body}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(n.createdAt, 'MM-DD HH:mm')}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      content={content}
      arrow={false}
    >
      <Button
        type="text"
        aria-label={t('notification.bell', { count })}
        title={t('notification.title')}
        data-testid="notification-bell"
        data-unread={count}
        style={{ paddingInline: 8 }}
      >
        <Badge count={count} size="small" overflowCount={99} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}

import { useState } from 'react';
import { Badge, Button, Drawer, Empty, List, Popover, Spin, Typography, theme } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatTime } from '../../lib/time';
import { useLang } from '../../lib/use-lang';
import { TaskStrip } from '../home/TaskStrip';
import { caseApi, caseKeys } from './case-api';
import type { Notification } from './case-types';

const POLL_MS = 30_000;
/** The header bell: unread count polled every 30 s; the list opens on click; a click on one opens its case. */
export function NotificationBell({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { lang } = useLang();
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
    // Keyed by language: the server words the list for the language asked, so a switch fetches it again.
    queryKey: [...caseKeys.notifications, 'list', lang],
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
    <div
      style={{ width: compact ? 'calc(100vw - 32px)' : 360, maxWidth: 360 }}
      data-testid="notification-panel"
    >
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
      <TaskStrip onOpen={() => setOpen(false)} />
      {list.isPending ? (
        <div style={{ padding: 24, textAlign: 'center' }}>
          <Spin />
        </div>
      ) : !list.data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notification.empty')} />
      ) : (
        <List
          size="small"
          style={compact ? undefined : { maxHeight: 400, overflow: 'auto' }}
          dataSource={list.data.items}
          renderItem={(n) => {
            // The server words each notice from its kind and parameters in the language this app asks for.
            const headline = n.title;
            const sub = n.body;
            return (
              <List.Item
                onClick={() => openOne(n)}
                style={{ cursor: n.caseId ? 'pointer' : 'default', paddingInline: 4 }}
                data-testid="notification-item"
                data-unread={n.readAt ? 'false' : 'true'}
              >
                <div style={{ display: 'flex', gap: 8, width: '100%' }}>
                  <Badge status={n.readAt ? 'default' : 'processing'} style={{ paddingTop: 4 }} />
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Typography.Text
                      strong={!n.readAt}
                      style={{ display: 'block' }}
                      ellipsis={{ tooltip: headline }}
                    >
                      {headline}
                    </Typography.Text>
                    {sub && (
                      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis>
                        {sub}
                      </Typography.Text>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatTime(n.createdAt, 'MM-DD HH:mm')}
                    </Typography.Text>
                  </div>
                </div>
              </List.Item>
            );
          }}
        />
      )}
    </div>
  );

  const bell = (
    <Button
      type="text"
      shape={compact ? 'circle' : 'default'}
      size={compact ? 'small' : 'middle'}
      aria-label={t('notification.bell', { count })}
      title={t('notification.title')}
      onClick={compact ? () => setOpen(true) : undefined}
      data-testid="notification-bell"
      data-unread={count}
      // On a 375 px phone the header is full: the bell borrows the gaps beside it so the product name still fits.
      style={compact ? { marginInline: -5 } : { paddingInline: 8 }}
    >
      <Badge count={count} size="small" overflowCount={99} data-testid="notification-count">
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );

  // On a phone a popover beside the bell would run off the screen: the list slides in over the page instead.
  if (compact)
    return (
      <>
        {bell}
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          placement="right"
          size="100%"
          closable
          styles={{ header: { display: 'none' }, body: { padding: 12 } }}
        >
          {content}
          <Button block onClick={() => setOpen(false)} style={{ marginTop: 12 }}>
            {t('common.close')}
          </Button>
        </Drawer>
      </>
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
      {bell}
    </Popover>
  );
}

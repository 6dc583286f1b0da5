import { Alert, Button, Card, Layout, List, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth, useLogout } from '../../app/auth';
import { AlarmCards } from './AlarmCard';
import { useFieldToday, useMyVisits } from './field-api';
import type { QueuedItem } from './offline-queue';
import { DutyCard } from './DutyCard';
import { PatrolCard } from './PatrolCard';
import { registerFieldWorker, useFieldDevice } from './use-field-device';
import { VisitForm } from './VisitForm';
import { WorkLogTab } from './WorkLogTab';
import { WubifangCard, type VisitPreset } from './WubifangCard';

/** Online / offline / queued-N: what the worker must know before trusting what the screen shows. */
function NetworkBadge({ online, queued, syncing }: { online: boolean; queued: number; syncing: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} data-testid="field-badge" data-online={online} data-queued={queued}>
      <Tag color={online ? 'green' : 'red'} data-testid="field-network">
        {online ? t('field.badge.online') : t('field.badge.offline')}
      </Tag>
      {syncing && <Tag color="processing">{t('field.badge.syncing')}</Tag>}
      {queued > 0 && (
        <Tag color="orange" data-testid="field-queued">
          {t('field.badge.queued', { count: queued })}
        </Tag>
      )}
    </Space>
  );
}

function TodayCard({ online }: { online: boolean }) {
  const { t } = useTranslation();
  const today = useFieldToday();
  const d = today.data;
  const rule = d?.rule12345;
  return (
    <Card title={t('field.today.title')} size="small" loading={today.isPending} data-testid="field-today">
      {!online && <Alert type="info" showIcon title={t('field.today.stale')} style={{ marginBottom: 8 }} />}
      {d && rule && (
        <Space orientation="vertical" size={2}>
          <span data-testid="today-visits">{t('field.today.visits', { count: d.visitsThisMonth })}</span>
          <span>
            {t('field.today.rule12345', { done: d.households12345, need: rule.households })}{' '}
            <Tag color={rule.met ? 'green' : rule.checkable ? 'red' : 'blue'}>
              {rule.met
                ? t('field.today.met')
                : rule.checkable
                  ? t('field.today.notMet')
                  : t('field.today.pending')}
            </Tag>
          </span>
          <span>
            {t('field.today.patrol', {
              hours: (d.patrolSecondsThisMonth / 3600).toFixed(1),
              km: (d.patrolDistanceMThisMonth / 1000).toFixed(1),
            })}
          </span>
          <span>{t('field.today.duty', { day: d.nextDutyDay })}</span>
        </Space>
      )}
    </Card>
  );
}

function QueueCard({ queue, onSync, online }: { queue: QueuedItem[]; onSync: () => void; online: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('field.queue.title')}
      size="small"
      data-testid="field-queue"
      extra={
        queue.length > 0 && (
          <Button size="small" disabled={!online} onClick={onSync} data-testid="queue-sync">
            {t('field.queue.syncNow')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={queue}
        locale={{ emptyText: t('field.queue.empty') }}
        renderItem={(item) => (
          <List.Item data-testid="queue-item">
            <Space orientation="vertical" size={0}>
              <span>
                <Tag>{t(`field.queue.${item.kind}`)}</Tag>
                {String(item.body.household ?? item.body.kind ?? '')}
              </span>
              {item.lastError && (
                <Typography.Text type="danger">
                  {t('field.queue.failed', { reason: item.lastError })}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function RecentVisits() {
  const { t } = useTranslation();
  const visits = useMyVisits();
  return (
    <Card title={t('field.recent.title')} size="small" data-testid="field-recent">
      <List
        size="small"
        loading={visits.isPending}
        dataSource={visits.data ?? []}
        locale={{ emptyText: t('field.recent.empty') }}
        renderItem={(v) => (
          <List.Item data-testid="recent-visit">
            <Space orientation="vertical" size={0}>
              <span>
                <Tag color="blue">{t(`field.visit.kinds.${v.kind}`)}</Tag>
                {v.household}
                {v.locationMissing && <Tag style={{ marginLeft: 4 }}>{t('field.recent.noLocation')}</Tag>}
              </span>
              <Typography.Text type="secondary">{v.findings}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 网格通: the grid worker's phone page (375 px first), usable offline; installable from the manifest. */
export default function FieldPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const logout = useLogout();
  const device = useFieldDevice();
  useEffect(registerFieldWorker, []);
  const [tab, setTab] = useState('today');
  const [preset, setPreset] = useState<VisitPreset | null>(null);

  const signOut = async () => {
    if (device.queue.length && !window.confirm(t('field.signOutQueued', { count: device.queue.length })))
      return;
    await logout();
  };

  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          padding: '0 12px',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          background: '#1677ff',
          height: 52,
        }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 17 }}>
          {t('field.title')}
        </Typography.Text>
        <NetworkBadge online={device.online} queued={device.queue.length} syncing={device.syncing} />
      </Layout.Header>
      <Layout.Content style={{ padding: 12, maxWidth: 560, width: '100%', margin: '0 auto' }}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {me.user.displayName} · {me.user.orgName}
          </Typography.Text>
          <AlarmCards online={device.online} />
          {device.queue.length > 0 && (
            <QueueCard queue={device.queue} online={device.online} onSync={() => void device.sync()} />
          )}
          <Tabs
            activeKey={tab}
            onChange={setTab}
            centered
            data-testid="field-tabs"
            items={[
              {
                key: 'today',
                label: t('field.day.tabs.today'),
                children: (
                  <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                    <TodayCard online={device.online} />
                    <DutyCard online={device.online} />
                    <WubifangCard onVisit={setPreset} />
                    <VisitForm
                      online={device.online}
                      onQueued={() => void device.sync()}
                      preset={preset}
                      onPresetDone={() => setPreset(null)}
                    />
                    <PatrolCard onQueued={() => void device.sync()} />
                    <RecentVisits />
                  </Space>
                ),
              },
              {
                key: 'log',
                label: <span data-testid="field-tab-log">{t('field.day.tabs.log')}</span>,
                children: <WorkLogTab online={device.online} onQueued={() => void device.sync()} />,
              },
            ]}
          />
          <Button block onClick={() => void signOut()} data-testid="field-sign-out">
            {t('field.signOut')}
          </Button>
        </Space>
      </Layout.Content>
    </Layout>
  );
}

import { App, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalAlarm } from '@civicgrid/shared/field-day';
import { isApiError } from '../../lib/api';
import { useAlarmStep, useMyAlarms } from './field-day-api';

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });

/** Re-renders every 15 s so the countdown moves. */
function useNow() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Alarm({ alarm, online }: { alarm: TerminalAlarm; online: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useAlarmStep();
  const [note, setNote] = useState('');
  const now = useNow();
  const left = Math.round((Date.parse(alarm.deadline) - now) / 60_000);
  const late = alarm.overdue || left < 0;

  const send = (s: 'arrive' | 'handle') =>
    step.mutate(
      { id: alarm.id, step: s, version: alarm.version, ...(s === 'handle' ? { note } : {}) },
      {
        onSuccess: () => void message.success(t('field.day.alarm.saved')),
        onError: (e) =>
          void message.error(isApiError(e) && e.status === 409 ? t('field.day.alarm.stale') : String(e)),
      },
    );

  return (
    <Card
      size="small"
      data-testid="alarm-card"
      data-status={alarm.status}
      style={{ borderColor: late ? '#ff4d4f' : '#faad14', borderWidth: 2 }}
      title={
        <Space>
          <AlertOutlined style={{ color: '#ff4d4f' }} />
          {t('field.day.alarm.title')}
        </Space>
      }
      extra={
        alarm.status === 'arrived' && !alarm.overdue ? (
          <Tag color="green" data-testid="alarm-clock">
            {t('field.day.alarm.arrived')}
          </Tag>
        ) : (
          <Tag color={late ? 'red' : 'orange'} data-testid="alarm-clock">
            {late
              ? t('field.day.alarm.overdue', { minutes: Math.max(1, -left) })
              : t('field.day.alarm.left', { minutes: left })}
          </Tag>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {alarm.location}
        </Typography.Text>
        <Typography.Text type="secondary">
          {alarm.terminalCode}
          {alarm.personName ? ` · ${alarm.personName}` : ''} · {time(alarm.raisedAt)}
        </Typography.Text>
        {alarm.status === 'open' ? (
          <Button
            type="primary"
            danger
            block
            size="large"
            style={{ height: 56, fontSize: 20 }}
            disabled={!online}
            loading={step.isPending}
            onClick={() => send('arrive')}
            data-testid="alarm-arrive"
          >
            {t('field.day.alarm.arrived')}
          </Button>
        ) : (
          <Typography.Text>
            {t('field.day.alarm.arrivedAt', { time: time(alarm.arrivedAt!) })}
          </Typography.Text>
        )}
        <Input.TextArea
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('field.day.alarm.notePlaceholder')}
          aria-label={t('field.day.alarm.note')}
          data-testid="alarm-note"
        />
        <Button
          type="primary"
          block
          size="large"
          style={{ height: 56, fontSize: 20 }}
          disabled={!online || !note.trim()}
          loading={step.isPending}
          onClick={() => send('handle')}
          data-testid="alarm-handle"
        >
          {t('field.day.alarm.handled')}
        </Button>
      </Space>
    </Card>
  );
}

/** 一键通: the worker's calls not yet handled, each with its 10-minute clock and the two big buttons. */
export function AlarmCards({ online }: { online: boolean }) {
  const alarms = useMyAlarms();
  const open = alarms.data?.items.filter((a) => a.status !== 'handled') ?? [];
  if (!open.length) return null;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="alarm-cards">
      {open.map((a) => (
        <Alarm key={a.id} alarm={a} online={online} />
      ))}
    </Space>
  );
}

import type { ReactNode } from 'react';
import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../lib/time';

/** One entry of a record's history, as the shared workflow events carry it. */
export interface RecordEvent {
  id: string;
  at: string;
  actorName: string | null;
  actorOrg: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  internal?: boolean;
}

interface Props<E extends RecordEvent> {
  events: readonly E[];
  actionLabel: (e: E) => ReactNode;
  statusLabel: (status: string) => ReactNode;
  /** What the entry's data says beyond its note, in words. */
  facts?: (e: E) => string[];
  colour?: (e: E) => string;
  /** Below the note (the photos the step brought). */
  extra?: (e: E) => ReactNode;
  testId?: string;
}

/** 办理过程: every step with who, from which unit, when, the new status, the note and what it brought. */
export function RecordTimeline<E extends RecordEvent>(p: Props<E>) {
  const { t } = useTranslation();
  if (!p.events.length) return <Empty description={t('kit.detail.noEvents')} />;
  return (
    <Timeline
      data-testid={p.testId}
      items={p.events.map((e) => ({
        key: e.id,
        color: p.colour?.(e) ?? 'blue',
        content: (
          <div data-testid="timeline-item" data-action={e.action}>
            <Space size={[8, 2]} wrap>
              <Typography.Text strong>{p.actionLabel(e)}</Typography.Text>
              {e.toStatus && e.toStatus !== e.fromStatus && (
                <Tag style={{ marginInlineEnd: 0 }}>{p.statusLabel(e.toStatus)}</Tag>
              )}
              {e.internal && (
                <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                  {t('kit.detail.internal')}
                </Tag>
              )}
            </Space>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {[e.actorName, e.actorOrg].filter(Boolean).join(' · ')}
                {' · '}
                {formatTime(e.at, 'YYYY-MM-DD HH:mm')}
              </Typography.Text>
            </div>
            {(p.facts?.(e) ?? []).map((f) => (
              <div key={f}>{f}</div>
            ))}
            {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
            {p.extra?.(e)}
          </div>
        ),
      }))}
    />
  );
}

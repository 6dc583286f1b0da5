import { App, Button, Card, Segmented, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PATROL_KINDS, TRACK_SAMPLE_MS, type PatrolKind, type TrackPoint } from '@civicgrid/shared/field';
import { currentPosition } from './geo';
import { enqueue } from './offline-queue';

/** Start / stop a patrol: a track point every 30 s while it runs (online or not); on stop it joins the queue. */
export function PatrolCard({ onQueued }: { onQueued: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState<PatrolKind>('street');
  const [startedAt, setStartedAt] = useState<string | null>(null);
  const [points, setPoints] = useState<TrackPoint[]>([]);
  const [, tick] = useState(0);
  const timer = useRef<number | null>(null);

  const sample = async () => {
    const at = await currentPosition();
    if (at) setPoints((p) => [...p, { ...at, at: new Date().toISOString() }]);
    tick((n) => n + 1);
  };

  useEffect(
    () => () => {
      if (timer.current) window.clearInterval(timer.current);
    },
    [],
  );

  const start = () => {
    setStartedAt(new Date().toISOString());
    setPoints([]);
    void sample();
    timer.current = window.setInterval(() => void sample(), TRACK_SAMPLE_MS);
  };

  const stop = async () => {
    if (timer.current) window.clearInterval(timer.current);
    timer.current = null;
    if (!startedAt) return;
    await enqueue('patrol', { kind, startedAt, endedAt: new Date().toISOString(), points });
    if (!points.length) void message.warning(t('field.patrol.noLocation'));
    else void message.success(t('field.patrol.saved'));
    setStartedAt(null);
    onQueued();
  };

  const minutes = startedAt ? Math.floor((Date.now() - Date.parse(startedAt)) / 60_000) : 0;
  return (
    <Card title={t('field.patrol.title')} size="small" data-testid="field-patrol-card">
      <Segmented
        block
        value={kind}
        disabled={!!startedAt}
        onChange={(v) => setKind(v as PatrolKind)}
        options={PATROL_KINDS.map((k) => ({ value: k, label: t(`field.patrol.kinds.${k}`) }))}
      />
      {startedAt && (
        <Typography.Paragraph style={{ margin: '12px 0 0' }} data-testid="patrol-running">
          {t('field.patrol.running', { points: points.length, minutes })}
        </Typography.Paragraph>
      )}
      <Button
        style={{ marginTop: 12 }}
        block
        size="large"
        danger={!!startedAt}
        type={startedAt ? 'default' : 'primary'}
        data-testid={startedAt ? 'patrol-stop' : 'patrol-start'}
        onClick={() => (startedAt ? void stop() : start())}
      >
        {startedAt ? t('field.patrol.stop') : t('field.patrol.start')}
      </Button>
    </Card>
  );
}

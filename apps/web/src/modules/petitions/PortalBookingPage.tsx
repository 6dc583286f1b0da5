import type { petitionWorkZh } from './messages-work';
import { useState } from 'react';
import { Alert, Button, Empty, Form, Input, Spin, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../lib/form-errors';
import { errorMessage } from '../../lib/error-message';
import { newIdempotencyKey } from '../../lib/send-raw';
import { bookReception, usePublicReceptionDays, type PublicReceptionDay } from './work-api';

interface Values {
  name: string;
  phone: string;
  summary: string;
}

/** 预约领导接访 on the portal: a resident picks a day's slot and books it; a full slot is refused by the API. */
export default function PortalBookingPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const days = usePublicReceptionDays();
  const [form] = Form.useForm<Values>();
  const [pick, setPick] = useState<{ day: PublicReceptionDay; slot: string } | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const b = (k: keyof typeof petitionWorkZh.booking, o?: Record<string, unknown>) =>
    t(`petitionWork.booking.${k}`, o ?? {});

  const submit = async (v: Values) => {
    if (!pick) return;
    setBusy(true);
    try {
      await bookReception(pick.day.id, { ...v, slot: pick.slot }, key);
      setDone(b('done', { day: pick.day.day, slot: pick.slot, place: pick.day.place }));
      setError(null);
      setPick(null);
      setKey(newIdempotencyKey());
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['public', 'reception-days'] });
    } catch (err) {
      // A field of the form shows under it; a full slot (`slot`) or anything else above the form.
      if (!applyFieldErrors(form, ['name', 'phone', 'summary'], err)) setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="portal-reception">
      <h1 style={{ fontSize: 20, margin: '4px 0 8px' }}>{b('title')}</h1>
      <p style={{ color: '#666', marginTop: 0 }}>{b('intro')}</p>
      {done && (
        <Alert
          type="success"
          showIcon
          message={done}
          style={{ marginBottom: 12 }}
          data-testid="booking-done"
        />
      )}
      {days.isPending ? (
        <Spin />
      ) : !days.data?.items.length ? (
        <Empty description={b('none')} />
      ) : (
        days.data.items.map((d) => (
          <section
            key={d.id}
            className="portal-card"
            style={{ marginBottom: 12 }}
            data-testid="portal-reception-day"
          >
            <strong>
              {d.day} {d.fromTime}–{d.toTime} · {d.leaderName}
            </strong>
            <div style={{ color: '#666' }}>
              {d.orgName} · {d.place}
              {d.topic ? ` · ${d.topic}` : ''}
            </div>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
              {d.slots.map((s) => (
                <Button
                  key={s.time}
                  size="small"
                  disabled={s.left === 0}
                  type={pick?.day.id === d.id && pick.slot === s.time ? 'primary' : 'default'}
                  onClick={() => {
                    setPick({ day: d, slot: s.time });
                    setDone(null);
                  }}
                  data-testid={`slot-${s.time}`}
                >
                  {s.time} {s.left === 0 ? <Tag>{b('full')}</Tag> : b('left', { count: s.left })}
                </Button>
              ))}
            </div>
            {pick?.day.id === d.id && (
              <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ marginTop: 12 }}>
                {error && <Alert type="error" message={error} style={{ marginBottom: 8 }} />}
                <Form.Item name="name" label={t('petitionWork.reception.name')} rules={[{ required: true }]}>
                  <Input maxLength={40} data-testid="booking-name" />
                </Form.Item>
                <Form.Item
                  name="phone"
                  label={t('petitionWork.reception.phone')}
                  rules={[{ required: true }]}
                >
                  <Input maxLength={20} inputMode="tel" data-testid="booking-phone" />
                </Form.Item>
                <Form.Item
                  name="summary"
                  label={t('petitionWork.reception.summary')}
                  rules={[{ required: true }]}
                >
                  <Input.TextArea rows={3} maxLength={500} data-testid="booking-summary" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} block data-testid="booking-submit">
                  {b('submit')} {pick.slot}
                </Button>
              </Form>
            )}
          </section>
        ))
      )}
    </div>
  );
}

import type { petitionWorkZh } from './messages-work';
import { useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../kit/FormModal';
import { newIdempotencyKey } from '../../lib/send-raw';
import { workApi, workKeys } from './work-api';

interface Values {
  leaderName: string;
  day: Dayjs;
  fromTime: string;
  toTime: string;
  slotMinutes: number;
  slotCapacity: number;
  place: string;
  topic?: string;
}

/** 安排接访日: published at once, so the portal offers its slots. */
export function PlanDayModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  const w = (k: keyof typeof petitionWorkZh.reception) => t(`petitionWork.reception.${k}`);
  return (
    <FormModal<Values>
      title={w('plan')}
      fields={['leaderName', 'day', 'fromTime', 'toTime', 'slotMinutes', 'slotCapacity', 'place', 'topic']}
      initialValues={{
        fromTime: '09:00',
        toTime: '11:30',
        slotMinutes: 30,
        slotCapacity: 3,
        day: dayjs().add(3, 'day'),
      }}
      onClose={onClose}
      testId="plan-day"
      onSubmit={async ({ day, topic, ...v }) => {
        await workApi.planDay({ ...v, day: day.format('YYYY-MM-DD'), ...(topic ? { topic } : {}) }, key);
        void queryClient.invalidateQueries({ queryKey: workKeys.days });
      }}
    >
      <Form.Item name="leaderName" label={w('leader')} rules={[{ required: true }]}>
        <Input maxLength={60} data-testid="plan-leader" />
      </Form.Item>
      <Form.Item name="day" label={w('day')} rules={[{ required: true }]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Space>
        <Form.Item name="fromTime" label={w('from')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/ }]}>
          <Input style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="toTime" label={w('to')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/ }]}>
          <Input style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="slotMinutes" label={w('slotMinutes')}>
          <InputNumber min={10} max={240} />
        </Form.Item>
        <Form.Item name="slotCapacity" label={w('capacity')}>
          <InputNumber min={1} max={100} />
        </Form.Item>
      </Space>
      <Form.Item name="place" label={w('place')} rules={[{ required: true }]}>
        <Input maxLength={200} data-testid="plan-place" />
      </Form.Item>
      <Form.Item name="topic" label={w('topic')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

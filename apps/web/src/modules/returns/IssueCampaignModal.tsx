import { useState } from 'react';
import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal } from '../../kit/FormModal';
import { newIdempotencyKey } from '../../lib/send-raw';
import { returnKeys, returnsApi, useReturnSettings, type ReturnKindWeb } from './returns-api';

const FIELDS = ['name', 'periodStart', 'periodEnd', 'dueDate', 'instructions'] as const;
interface Values {
  name: string;
  period: [Dayjs, Dayjs];
  dueDate?: Dayjs;
  instructions?: string;
}
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 发起排查 / 发起报送: the period (this week or month by the district's cadence), the due day, the instructions. */
export function IssueCampaignModal({ k, onClose }: { k: ReturnKindWeb; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const settings = useReturnSettings(k);
  const [key] = useState(newIdempotencyKey);
  if (!settings.data) return null;
  const p = settings.data.currentPeriod;
  const label = (f: string) => t(`returns.field.${f}` as 'returns.field.name');
  return (
    <FormModal<Values>
      title={t(`returns.list.issue.${k.kind}`)}
      fields={FIELDS}
      testId="return-issue"
      initialValues={{ period: [dayjs(p.start), dayjs(p.end)] }}
      onClose={onClose}
      onSubmit={async (v) => {
        const c = await returnsApi.issue(
          k,
          {
            name: v.name,
            periodStart: day(v.period[0]),
            periodEnd: day(v.period[1]),
            dueDate: v.dueDate ? day(v.dueDate) : undefined,
            instructions: v.instructions || undefined,
          },
          key,
        );
        void queryClient.invalidateQueries({ queryKey: returnKeys.root(k) });
        onClose();
        void navigate(`${k.base}/${c.id}`);
      }}
    >
      <Form.Item name="name" label={label('name')} rules={[{ required: true }]}>
        <Input maxLength={100} data-testid="ri-name" />
      </Form.Item>
      <Form.Item name="period" label={label('period')} rules={[{ required: true }]}>
        <DatePicker.RangePicker data-testid="ri-period" />
      </Form.Item>
      <Form.Item
        name="dueDate"
        label={label('dueDate')}
        extra={t('returns.list.dueHint', { days: settings.data.dueWorkingDays })}
      >
        <DatePicker data-testid="ri-due" />
      </Form.Item>
      <Form.Item name="instructions" label={label('instructions')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

import { useState } from 'react';
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RISK_LEVELS, RISK_SOURCES, RISK_TYPES, type RiskRegisterInput } from '@civicgrid/shared/stability';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { FormModal } from '../../kit/FormModal';
import { newIdempotencyKey } from '../../lib/send-raw';
import { stabilityApi } from './stability-api';

const FIELDS = [
  'title',
  'type',
  'source',
  'level',
  'orgId',
  'peopleInvolved',
  'collective',
  'location',
  'description',
] as const;

/** 排查上报: one dialog; one key per filled-in form, so a double click reports one factor. */
export function RiskRegisterModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  const label = (f: (typeof FIELDS)[number]) => t(`stability.field.${f}`);
  const required = [{ required: true }];
  return (
    <FormModal<Partial<RiskRegisterInput>>
      title={t('stability.list.register')}
      fields={FIELDS}
      testId="risk-register"
      initialValues={{ peopleInvolved: 1, collective: false, source: 'grid', level: 'yellow' }}
      onClose={onClose}
      onSubmit={async (values) => {
        const r = await stabilityApi.register(values, key);
        void queryClient.invalidateQueries({ queryKey: ['stability'] });
        onClose();
        void navigate(`/stability/risks/${r.id}`);
      }}
    >
      <Form.Item name="title" label={label('title')} rules={required}>
        <Input maxLength={200} data-testid="rf-title" />
      </Form.Item>
      <Form.Item name="type" label={label('type')} rules={required}>
        <Select data-testid="rf-type" options={RISK_TYPES.map((v) => ({ value: v, label: v }))} />
      </Form.Item>
      <Form.Item name="level" label={label('level')} rules={required}>
        <Select
          data-testid="rf-level"
          options={RISK_LEVELS.map((v) => ({ value: v, label: t(`stability.level.${v}`) }))}
        />
      </Form.Item>
      <Form.Item name="source" label={label('source')} rules={required}>
        <Select options={RISK_SOURCES.map((v) => ({ value: v, label: t(`stability.source.${v}`) }))} />
      </Form.Item>
      <Form.Item name="orgId" label={label('orgId')} rules={required}>
        <OrgTreeSelect data-testid="rf-org" />
      </Form.Item>
      <Form.Item name="peopleInvolved" label={label('peopleInvolved')}>
        <InputNumber min={1} max={100000} data-testid="rf-people" />
      </Form.Item>
      <Form.Item name="collective" label={label('collective')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="location" label={label('location')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={label('description')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

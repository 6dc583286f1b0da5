import { useState } from 'react';
import { App, Form, Input, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../kit/FormModal';
import { api } from '../../lib/api';
import type { Page } from '../../lib/paging';
import { applyFieldErrors } from '../../lib/form-errors';
import { useMoveIn, type MoveInInput, type Person } from './registry-api';

const FIELDS = ['personId', 'relation', 'fromDate'] as const;
const RELATIONS = ['owner', 'family', 'tenant', 'other'] as const;

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** 入住登记: a registered person moves into this house from a date. */
export function MoveInModal({ houseId, onClose }: { houseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MoveInInput>();
  const moveIn = useMoveIn(houseId);
  const f = (k: 'person' | 'relation' | 'fromDate') => t(`registry.field.${k}`);
  return (
    <FormModal<MoveInInput>
      title={t('registry.house.moveIn')}
      form={form}
      fields={FIELDS}
      saving={moveIn.isPending}
      error={moveIn.error}
      onFinish={(v) =>
        moveIn.mutate(v, {
          onSuccess: () => {
            void message.success(t('registry.house.moveInDone'));
            onClose();
          },
          onError: (error) => applyFieldErrors(form, FIELDS, error),
        })
      }
      onClose={onClose}
      initialValues={{ relation: 'family', fromDate: today() }}
      testId="move-in-form"
    >
      <Form.Item
        name="personId"
        label={f('person')}
        rules={[{ required: true, message: t('common.required', { field: f('person') }) }]}
      >
        <PersonPicker />
      </Form.Item>
      <Form.Item name="relation" label={f('relation')} rules={[{ required: true }]}>
        <Select
          options={RELATIONS.map((v) => ({ value: v, label: t(`registry.relation.${v}`) }))}
          data-testid="move-in-relation"
        />
      </Form.Item>
      <Form.Item
        name="fromDate"
        label={f('fromDate')}
        rules={[
          { required: true, message: t('common.required', { field: f('fromDate') }) },
          { pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' },
        ]}
      >
        <Input placeholder="YYYY-MM-DD" maxLength={10} data-testid="move-in-date" />
      </Form.Item>
    </FormModal>
  );
}

/** Searches the registry as one types (name, or the ID number's last digits); shows masked numbers only. */
function PersonPicker({ value, onChange }: { value?: string; onChange?: (id: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['persons', 'pick', q],
    queryFn: ({ signal }) => api<Page<Person>>('/api/persons', { query: { q, limit: 20 }, signal }),
    enabled: q.trim().length > 0,
    staleTime: 10_000,
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      value={value}
      onChange={onChange}
      placeholder={t('registry.house.personHint')}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((p) => ({
        value: p.id,
        label: `${p.name} ${p.idNumber}${p.address ? ` · ${p.address}` : ''}`,
      }))}
      notFoundContent={null}
      data-testid="move-in-person"
    />
  );
}

import { useState } from 'react';
import { App, Button, Form, Input, Select, Space } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { citizenIdProblem } from '@civicgrid/shared/validators';
import { useCan } from '../app/auth';
import { FormModal } from './FormModal';
import {
  recordKeys,
  recordsApi,
  type NewPerson,
  type SubjectSearchType,
  type SubjectSummary,
} from './records-api';

interface Props {
  type: SubjectSearchType;
  value?: string;
  onChange?: (id: string | undefined, subject?: SubjectSummary) => void;
  /** Offer "register a person" beside the search (people only, and only with registry.manage). */
  allowCreate?: boolean;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

const PERSON_FIELDS = ['name', 'idNumber', 'residenceType', 'phone'] as const;

/**
 * Picks a registry person, house or organisation for a record (当事人, 申请人, 地点): searches the registry in
 * the caller's scope as one types, and can register a person on the spot with the same ID number checks.
 */
export function SubjectPicker({ type, value, onChange, allowCreate, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canCreate = useCan('registry.manage') && allowCreate && type === 'person';
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  // A person created here is not in any search answer yet: keep it as an option.
  const [created, setCreated] = useState<SubjectSummary[]>([]);
  const enough = q.trim().length >= 2;
  const found = useQuery({
    queryKey: recordKeys.subjects(type, q.trim()),
    queryFn: ({ signal }) => recordsApi.searchSubjects(type, q.trim(), signal),
    enabled: enough,
    staleTime: 10_000,
  });
  const options = [
    ...created,
    ...(found.data?.items ?? []).filter((s) => !created.some((c) => c.id === s.id)),
  ];

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select<string>
        {...rest}
        allowClear
        value={value}
        onChange={(id) =>
          onChange?.(
            id,
            options.find((o) => o.id === id),
          )
        }
        showSearch={{ filterOption: false, onSearch: setQ }}
        placeholder={placeholder ?? t('kit.subject.searchPlaceholder')}
        loading={found.isFetching}
        notFoundContent={enough ? t('common.empty') : t('kit.subject.searchHint')}
        options={options.map((s) => ({ value: s.id, label: s.label }))}
        style={{ width: '100%' }}
      />
      {canCreate && (
        <Button
          icon={<UserAddOutlined />}
          onClick={() => setCreating(true)}
          aria-label={t('kit.subject.createPerson')}
          data-testid="subject-create-person"
        />
      )}
      <FormModal<NewPerson>
        open={creating}
        title={t('kit.subject.createTitle')}
        fields={PERSON_FIELDS}
        initialValues={{ residenceType: 'registered' }}
        testId="subject-person-form"
        onClose={() => setCreating(false)}
        onSubmit={async (v) => {
          const phone = v.phone?.trim();
          const person = await recordsApi.createPerson({
            name: v.name.trim(),
            idType: 'citizen_id',
            idNumber: v.idNumber.trim().toUpperCase(),
            residenceType: v.residenceType,
            ...(phone ? { phone } : {}),
          });
          setCreated((list) => [person, ...list]);
          onChange?.(person.id, person);
          void message.success(t('kit.subject.created', { name: v.name.trim() }));
        }}
      >
        <Form.Item
          name="name"
          label={t('kit.subject.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('kit.subject.name') }),
            },
          ]}
        >
          <Input maxLength={100} data-testid="subject-person-name" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('kit.subject.idNumber')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('kit.subject.idNumber') }),
            },
            {
              // GB 11643: the same check as the registry's, said before anything is sent.
              validator: (_, raw: string | undefined) => {
                const id = (raw ?? '').trim().toUpperCase();
                const problem = id ? citizenIdProblem(id) : null;
                return problem
                  ? Promise.reject(new Error(t(`registry.reason.${problem}`)))
                  : Promise.resolve();
              },
            },
          ]}
        >
          <Input maxLength={18} data-testid="subject-person-id" />
        </Form.Item>
        <Form.Item name="residenceType" label={t('registry.field.residenceType')}>
          <Select
            options={(['registered', 'floating'] as const).map((r) => ({
              value: r,
              label: t(`registry.residenceType.${r}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="phone" label={t('kit.subject.phone')}>
          <Input maxLength={30} data-testid="subject-person-phone" />
        </Form.Item>
      </FormModal>
    </Space.Compact>
  );
}

import { useRef } from 'react';
import { App, DatePicker, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import {
  AUXILIARY_SUBTYPES,
  SKILLS,
  VOLUNTEER_KINDS,
  type VolunteerCreateInput,
} from '@civicgrid/shared/volunteers';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { FormModal } from '../../kit/FormModal';
import { SubjectPicker } from '../../kit/SubjectPicker';
import { useTeams, volunteerKeys, volunteersApi } from './volunteers-api';

interface Values {
  personId: string;
  orgId: string;
  kind: string;
  subtype?: string;
  teamId?: string;
  skills?: string[];
  employer?: string;
  certNumber?: string;
  certValidTo?: Dayjs;
}
const FIELDS = [
  'personId',
  'orgId',
  'kind',
  'subtype',
  'teamId',
  'skills',
  'employer',
  'certificate.number',
  'certificate.validTo',
];

/** 实名制: a volunteer is picked from the registry (or registered there on the spot with the ID number checks). */
export function RegisterVolunteerModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const teams = useTeams();
  const key = useRef(crypto.randomUUID());
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  return (
    <FormModal<Values>
      form={form}
      title={t('volunteers.list.register')}
      fields={FIELDS}
      initialValues={{ kind: 'community', skills: [] }}
      testId="volunteer-form"
      onClose={onClose}
      onSubmit={async (v) => {
        const made = await volunteersApi.create(
          {
            personId: v.personId,
            orgId: v.orgId,
            kind: v.kind as 'community',
            ...(v.kind === 'auxiliary' && v.subtype ? { subtype: v.subtype as 'other' } : {}),
            ...(v.teamId ? { teamId: v.teamId } : {}),
            skills: (v.skills ?? []) as VolunteerCreateInput['skills'],
            ...(v.employer?.trim() ? { employer: v.employer.trim() } : {}),
            ...(v.certNumber?.trim() && v.certValidTo
              ? { certificate: { number: v.certNumber.trim(), validTo: v.certValidTo.format('YYYY-MM-DD') } }
              : {}),
          },
          key.current,
        );
        await qc.invalidateQueries({ queryKey: volunteerKeys.all });
        void message.success(t('volunteers.list.registered', { name: made.name }));
      }}
    >
      <Form.Item
        name="personId"
        label={t('volunteers.field.person')}
        rules={[{ required: true, message: t('common.required', { field: t('volunteers.field.person') }) }]}
      >
        <SubjectPicker type="person" allowCreate data-testid="volunteer-person" />
      </Form.Item>
      <Form.Item
        name="orgId"
        label={t('volunteers.field.org')}
        rules={[{ required: true, message: t('common.required', { field: t('volunteers.field.org') }) }]}
      >
        <OrgTreeSelect data-testid="volunteer-org" />
      </Form.Item>
      <Form.Item name="kind" label={t('volunteers.field.kind')} rules={[{ required: true }]}>
        <Select
          data-testid="volunteer-kind"
          options={VOLUNTEER_KINDS.map((k) => ({ value: k, label: t(`volunteers.kinds.${k}`) }))}
        />
      </Form.Item>
      {kind === 'auxiliary' && (
        <Form.Item
          name="subtype"
          label={t('volunteers.field.subtype')}
          rules={[
            { required: true, message: t('common.required', { field: t('volunteers.field.subtype') }) },
          ]}
        >
          <Select
            data-testid="volunteer-subtype"
            options={AUXILIARY_SUBTYPES.map((k) => ({ value: k, label: t(`volunteers.subtypes.${k}`) }))}
          />
        </Form.Item>
      )}
      <Form.Item name="teamId" label={t('volunteers.field.team')}>
        <Select
          allowClear
          data-testid="volunteer-team"
          options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
        />
      </Form.Item>
      <Form.Item name="skills" label={t('volunteers.field.skills')}>
        <Select mode="multiple" options={SKILLS.map((s) => ({ value: s, label: s }))} />
      </Form.Item>
      <Form.Item name="employer" label={t('volunteers.field.employer')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="certNumber" label={t('volunteers.field.certNumber')}>
        <Input maxLength={60} data-testid="volunteer-cert-number" />
      </Form.Item>
      <Form.Item name="certValidTo" label={t('volunteers.field.certValidTo')}>
        <DatePicker style={{ width: '100%' }} data-testid="volunteer-cert-valid" />
      </Form.Item>
    </FormModal>
  );
}

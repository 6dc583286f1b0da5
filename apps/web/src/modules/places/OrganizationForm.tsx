import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { FormModal } from '../../kit/FormModal';
import type { Organization } from './places-api';
import { useQueryClient } from '@tanstack/react-query';

export const ORG_KINDS = ['enterprise', 'shop', 'social_org', 'public_institution', 'other'] as const;

interface Values {
  name: string;
  kind: string;
  creditCode?: string;
  legalRep?: string;
  phone?: string;
  address: string;
  lng?: number;
  lat?: number;
  safetyContactName?: string;
  safetyContactPhone?: string;
  note?: string;
}

const FIELDS = [
  'name',
  'kind',
  'creditCode',
  'legalRep',
  'phone',
  'address',
  'lng',
  'lat',
  'location',
  'safetyContactName',
  'safetyContactPhone',
  'note',
];

/** Create, or edit with the record's version (a stale version comes back as a 409 toast). */
export function OrganizationFormModal(p: {
  open: boolean;
  onClose: () => void;
  onSaved?: (o: Organization) => void;
  org?: Organization;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const o = p.org;
  const save = async (v: Values) => {
    const empty = (s: string | undefined) => (s === undefined || s === '' ? (o ? null : undefined) : s);
    const body = {
      name: v.name,
      kind: v.kind,
      address: v.address,
      creditCode: empty(v.creditCode),
      legalRep: empty(v.legalRep),
      phone: o && v.phone === o.phone ? undefined : empty(v.phone),
      safetyContactName: empty(v.safetyContactName),
      safetyContactPhone:
        o && v.safetyContactPhone === o.safetyContactPhone ? undefined : empty(v.safetyContactPhone),
      note: empty(v.note),
      location:
        v.lng !== undefined && v.lat !== undefined && v.lng !== null && v.lat !== null
          ? { lng: v.lng, lat: v.lat }
          : undefined,
      ...(o ? { version: o.version } : {}),
    };
    const saved = await api<Organization>(o ? `/api/organizations/${o.id}` : '/api/organizations', {
      method: o ? 'PATCH' : 'POST',
      body,
    });
    await qc.invalidateQueries({ queryKey: ['places'] });
    p.onSaved?.(saved);
  };
  return (
    <FormModal<Values>
      open={p.open}
      title={o ? t('places.org.edit') : t('places.org.create')}
      fields={FIELDS}
      initialValues={
        o
          ? {
              ...o,
              creditCode: o.creditCode ?? undefined,
              legalRep: o.legalRep ?? undefined,
              phone: o.phone ?? undefined,
              safetyContactName: o.safetyContactName ?? undefined,
              safetyContactPhone: o.safetyContactPhone ?? undefined,
              note: o.note ?? undefined,
              lng: o.lng ?? undefined,
              lat: o.lat ?? undefined,
            }
          : { kind: 'enterprise' }
      }
      onSubmit={save}
      onClose={p.onClose}
      testId="org-form"
    >
      <Form.Item name="name" label={t('places.org.name')} rules={[{ required: true }]}>
        <Input maxLength={100} data-testid="org-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('places.org.kind')} rules={[{ required: true }]}>
        <Select options={ORG_KINDS.map((k) => ({ value: k, label: t(`places.org.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="creditCode" label={t('places.org.creditCode')}>
        <Input maxLength={18} data-testid="org-credit-code" />
      </Form.Item>
      <Form.Item name="legalRep" label={t('places.org.legalRep')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="phone" label={t('places.org.phone')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="address" label={t('places.org.address')} rules={[{ required: true }]}>
        <Input maxLength={200} data-testid="org-address" />
      </Form.Item>
      <Form.Item label={t('places.org.location')}>
        <Space>
          <Form.Item name="lng" noStyle>
            <InputNumber
              placeholder={t('places.org.lng')}
              step={0.001}
              style={{ width: 140 }}
              data-testid="org-lng"
            />
          </Form.Item>
          <Form.Item name="lat" noStyle>
            <InputNumber
              placeholder={t('places.org.lat')}
              step={0.001}
              style={{ width: 140 }}
              data-testid="org-lat"
            />
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item name="safetyContactName" label={t('places.org.safetyContact')}>
        <Input maxLength={50} data-testid="org-safety-name" />
      </Form.Item>
      <Form.Item name="safetyContactPhone" label={t('places.org.safetyContactPhone')}>
        <Input maxLength={20} data-testid="org-safety-phone" />
      </Form.Item>
      <Form.Item name="note" label={t('places.common.notes')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

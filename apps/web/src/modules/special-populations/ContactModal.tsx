import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONTACT_KINDS, type ContactKind } from '@civicgrid/shared/special-contacts';
import { FormModal } from '../../kit/FormModal';
import { newIdempotencyKey } from '../../lib/send-raw';
import { taskKeys } from '../home/tasks-api';
import { contactsApi, todayLocal } from './contacts-api';

interface Values {
  kind: ContactKind;
  doneOn: string;
  note: string;
  location?: string;
}

/** 记录走访: kind, day, what was found; one key per dialog, so a retried send records once. */
export function ContactModal(p: { fileId: string; personName: string; kind?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = useRef(newIdempotencyKey());
  return (
    <FormModal<Values>
      title={`${t('special.contact.record')} · ${p.personName}`}
      okText={t('special.contact.save')}
      fields={['kind', 'doneOn', 'note', 'location']}
      initialValues={{ kind: (p.kind as ContactKind) ?? 'home_visit', doneOn: todayLocal() }}
      testId="contact-modal"
      onClose={p.onClose}
      onSubmit={async (v) => {
        await contactsApi.record(
          p.fileId,
          { kind: v.kind, doneOn: v.doneOn, note: v.note, ...(v.location ? { location: v.location } : {}) },
          key.current,
        );
        await queryClient.invalidateQueries({ queryKey: ['special'] });
        await queryClient.invalidateQueries({ queryKey: taskKeys.all });
      }}
    >
      <Form.Item name="kind" label={t('special.contact.kind')} rules={[{ required: true }]}>
        <Select
          data-testid="contact-kind"
          options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`special.contactKind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="doneOn" label={t('special.contact.doneOn')} rules={[{ required: true }]}>
        <Input type="date" max={todayLocal()} data-testid="contact-done-on" />
      </Form.Item>
      <Form.Item name="note" label={t('special.contact.note')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="contact-note" />
      </Form.Item>
      <Form.Item name="location" label={t('special.contact.location')}>
        <Input maxLength={200} data-testid="contact-location" />
      </Form.Item>
    </FormModal>
  );
}

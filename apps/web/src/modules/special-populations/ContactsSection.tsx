import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { INCIDENT_KINDS, type IncidentKind } from '@civicgrid/shared/special-contacts';
import { FormModal } from '../../kit/FormModal';
import { ContactModal } from './ContactModal';
import { contactsApi, todayLocal, useFileContacts, type DueItem } from './contacts-api';

const STATE_COLOR = { overdue: 'red', due: 'gold', upcoming: 'default' } as const;

export function DueTag({ d }: { d: DueItem }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[d.state]} data-testid={`due-${d.state}`}>
      {t(`special.contactKind.${d.kind as 'phone'}`, { defaultValue: d.kind })} {d.dueOn} ·{' '}
      {t(`special.contact.state.${d.state}`)}
    </Tag>
  );
}

/** The file's plan, due contacts, contacts done and incidents; reading it is audited like the file. */
export function ContactsSection({ fileId, personName }: { fileId: string; personName: string }) {
  const { t } = useTranslation();
  const q = useFileContacts(fileId);
  const queryClient = useQueryClient();
  const [recording, setRecording] = useState(false);
  const [incident, setIncident] = useState(false);
  if (!q.data) return q.isError ? <Alert type="error" message={t('special.contact.loadFailed')} /> : null;
  const d = q.data;
  const makePlan = async () => {
    await contactsApi.plan(fileId, { goals: t('special.contact.defaultGoals'), startOn: todayLocal() });
    await queryClient.invalidateQueries({ queryKey: ['special'] });
  };
  const rhythm = (d.plan?.rhythm ?? d.defaultRhythm)
    .map((r) => t('special.contact.every', { kind: t(`special.contactKind.${r.kind}`), days: r.everyDays }))
    .join('；');
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="special-contacts">
      <Space wrap>
        <Typography.Text strong>{t('special.contact.plan')}</Typography.Text>
        {d.plan ? (
          <Typography.Text data-testid="special-plan">
            v{d.plan.version} · {d.plan.goals} · {rhythm}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">
            {t('special.contact.noPlan')} ({rhythm})
          </Typography.Text>
        )}
        {!d.plan && d.canManage && (
          <Button size="small" onClick={() => void makePlan()} data-testid="special-make-plan">
            {t('special.contact.makePlan')}
          </Button>
        )}
      </Space>
      <Space wrap data-testid="special-due">
        {d.due.length
          ? d.due.map((x) => <DueTag key={`${x.kind}${x.dueOn}`} d={x} />)
          : t('special.contact.nothingDue')}
      </Space>
      <Space>
        {d.canRecord && (
          <Button type="primary" onClick={() => setRecording(true)} data-testid="special-record-contact">
            {t('special.contact.record')}
          </Button>
        )}
        {d.canManage && (
          <Button onClick={() => setIncident(true)} data-testid="special-record-incident">
            {t('special.incident.record')}
          </Button>
        )}
      </Space>
      <Table
        size="small"
        rowKey="id"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={d.contacts}
        locale={{ emptyText: t('special.contact.none') }}
        data-testid="special-contact-table"
        columns={[
          { title: t('special.contact.doneOn'), dataIndex: 'doneOn', width: 110 },
          {
            title: t('special.contact.kind'),
            key: 'k',
            width: 90,
            render: (_, c) => t(`special.contactKind.${c.kind as 'phone'}`),
          },
          { title: t('special.contact.note'), dataIndex: 'note' },
          { title: t('special.contact.by'), dataIndex: 'byName', width: 160 },
        ]}
      />
      {d.incidents.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.incidents}
          data-testid="special-incident-table"
          title={() => t('special.incident.title')}
          columns={[
            { title: t('special.incident.occurredOn'), dataIndex: 'occurredOn', width: 110 },
            {
              title: t('special.incident.kind'),
              key: 'k',
              width: 110,
              render: (_, i) => <Tag color="red">{t(`special.incidentKind.${i.kind as 'reoffence'}`)}</Tag>,
            },
            { title: t('special.incident.detail'), dataIndex: 'detail' },
            { title: t('special.incident.action'), key: 'a', render: (_, i) => i.action ?? '—' },
          ]}
        />
      )}
      {recording && (
        <ContactModal
          fileId={fileId}
          personName={personName}
          kind={d.due[0]?.kind}
          onClose={() => setRecording(false)}
        />
      )}
      {incident && <IncidentModal fileId={fileId} onClose={() => setIncident(false)} />}
    </Space>
  );
}

interface IncidentValues {
  kind: IncidentKind;
  occurredOn: string;
  detail: string;
  action?: string;
}

function IncidentModal({ fileId, onClose }: { fileId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <FormModal<IncidentValues>
      title={t('special.incident.record')}
      fields={['kind', 'occurredOn', 'detail', 'action']}
      initialValues={{ occurredOn: todayLocal() }}
      testId="incident-modal"
      onClose={onClose}
      onSubmit={async (v) => {
        await contactsApi.incident(fileId, { ...v, ...(v.action ? {} : { action: undefined }) });
        await queryClient.invalidateQueries({ queryKey: ['special'] });
      }}
    >
      <Form.Item name="kind" label={t('special.incident.kind')} rules={[{ required: true }]}>
        <Select options={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`special.incidentKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="occurredOn" label={t('special.incident.occurredOn')} rules={[{ required: true }]}>
        <Input type="date" max={todayLocal()} />
      </Form.Item>
      <Form.Item
        name="detail"
        label={t('special.incident.detail')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="action" label={t('special.incident.action')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

import { Button, Form, Input, Modal, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { FormModal } from '../../kit/FormModal';
import { ListPage } from '../../kit/ListPage';
import { search } from '../../kit/filters';
import { api } from '../../lib/api';

interface Terminal {
  id: string;
  code: string;
  location: string;
  gridName: string;
  personName: string | null;
  status: 'active' | 'disabled';
  alarmCount: number;
  lastAlarmAt: string | null;
}
const TERMINALS = { path: '/api/field/terminals', key: ['field', 'terminals'] } as const;
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');

function NewTerminalModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  // FormModal closes itself once onSubmit resolves: the secret must be known before that, to stay open.
  const got = useRef<string | null>(null);
  const [key] = useState(() => crypto.randomUUID());
  if (secret)
    return (
      <Modal
        open
        title={t('field.day.terminals.secretTitle')}
        onCancel={onClose}
        footer={
          <Button type="primary" onClick={onClose}>
            {t('common.confirm')}
          </Button>
        }
      >
        <Typography.Paragraph>{t('field.day.terminals.secretHint')}</Typography.Paragraph>
        <Typography.Paragraph code copyable style={{ wordBreak: 'break-all' }} data-testid="terminal-secret">
          {secret}
        </Typography.Paragraph>
      </Modal>
    );
  return (
    <FormModal<{ code: string; location: string; gridId: string }>
      title={t('field.day.terminals.create')}
      fields={['code', 'location', 'gridId']}
      testId="terminal-form"
      onClose={() => {
        if (!got.current) onClose();
      }}
      onSubmit={async (v) => {
        const made = await api<{ secret: string }>('/api/field/terminals', {
          method: 'POST',
          body: { code: v.code.trim(), location: v.location.trim(), gridId: v.gridId },
          headers: { 'Idempotency-Key': key },
        });
        await qc.invalidateQueries({ queryKey: TERMINALS.key });
        got.current = made.secret;
        setSecret(made.secret);
      }}
    >
      <Form.Item
        name="code"
        label={t('field.day.terminals.code')}
        rules={[{ required: true, pattern: /^[A-Za-z0-9-]{3,40}$/ }]}
      >
        <Input maxLength={40} placeholder="YJT-0003" data-testid="terminal-code" />
      </Form.Item>
      <Form.Item
        name="location"
        label={t('field.day.terminals.location')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={200} data-testid="terminal-location" />
      </Form.Item>
      <Form.Item name="gridId" label={t('field.day.terminals.grid')} rules={[{ required: true }]}>
        <OrgTreeSelect isSelectable={(n) => n.level === 'grid'} />
      </Form.Item>
    </FormModal>
  );
}

/** 一键通终端: the terminals of the subtree with their calls; registering one shows its signing secret once. */
export default function TerminalsPage() {
  const { t } = useTranslation();
  const columns: TableColumnsType<Terminal> = [
    { title: t('field.day.terminals.code'), dataIndex: 'code' },
    { title: t('field.day.terminals.location'), dataIndex: 'location' },
    { title: t('field.day.terminals.grid'), dataIndex: 'gridName' },
    {
      title: t('field.day.terminals.person'),
      dataIndex: 'personName',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('field.day.terminals.status'),
      dataIndex: 'status',
      render: (s: Terminal['status']) => (
        <Tag color={s === 'active' ? 'green' : 'default'}>{t(`field.day.terminals.statuses.${s}`)}</Tag>
      ),
    },
    { title: t('field.day.terminals.alarms'), dataIndex: 'alarmCount' },
    { title: t('field.day.terminals.lastAlarm'), dataIndex: 'lastAlarmAt', render: when },
  ];
  return (
    <ListPage<Terminal>
      title={t('field.day.terminals.title')}
      resource={TERMINALS}
      filters={[search('q', { placeholder: t('field.day.terminals.search') })]}
      columns={columns}
      renderCard={(r) => (
        <div>
          <Typography.Text strong>{r.code}</Typography.Text>{' '}
          <Tag>{t(`field.day.terminals.statuses.${r.status}`)}</Tag>
          <div>{r.location}</div>
          <Typography.Text type="secondary">
            {r.gridName} · {t('field.day.terminals.alarms')} {r.alarmCount} · {when(r.lastAlarmAt)}
          </Typography.Text>
        </div>
      )}
      export={{ path: '/api/field/terminals/export', baseName: 'terminals', testId: 'terminals-export' }}
      create={{
        permission: 'terminal.manage',
        label: t('field.day.terminals.create'),
        modal: NewTerminalModal,
        testId: 'terminal-create',
      }}
      emptyText={t('field.day.terminals.empty')}
      testId="terminals-table"
    />
  );
}

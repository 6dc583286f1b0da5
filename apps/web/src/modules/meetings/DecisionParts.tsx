import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormModal } from '../../kit/FormModal';
import { formatTime } from '../../lib/time';
import {
  meetingApi,
  meetingKeys,
  usePeople,
  type Decision,
  type Meeting,
  type MeetingItem,
  type WebMeetingSpace,
} from './meetings-api';

const COLOR = { open: 'blue', done: 'green', overdue: 'red' } as const;

export function DecisionStatus({ d }: { d: Decision }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Tag color={COLOR[d.status]} data-testid="decision-status">
        {t(`meetings.decisionStatus.${d.status}`)}
      </Tag>
      {d.onTime === false && <Tag color="orange">{t('meetings.page.late')}</Tag>}
    </Space>
  );
}

/** The decisions on one agenda item, 交办 for whoever runs the meeting and 办结 for the responsible person. */
export function DecisionList({ m, item, space }: { m: Meeting; item: MeetingItem; space: WebMeetingSpace }) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState(false);
  const [completing, setCompleting] = useState<Decision | null>(null);
  const columns: TableColumnsType<Decision> = [
    { title: t('meetings.field.content'), dataIndex: 'content' },
    {
      title: t('meetings.field.responsible'),
      key: 'who',
      render: (_, d) => `${d.responsibleName}（${d.responsibleOrgName}）`,
    },
    {
      title: t('meetings.field.deadline'),
      key: 'deadline',
      render: (_, d) => formatTime(d.deadline, 'YYYY-MM-DD HH:mm'),
    },
    { title: t('meetings.field.status'), key: 'status', render: (_, d) => <DecisionStatus d={d} /> },
    { title: t('meetings.field.doneNote'), key: 'note', render: (_, d) => d.doneNote ?? '—' },
    {
      key: 'act',
      render: (_, d) =>
        d.canComplete && (
          <Button size="small" onClick={() => setCompleting(d)} data-testid="decision-done">
            {t('meetings.page.done')}
          </Button>
        ),
    },
  ];
  return (
    <>
      {item.decisions.length > 0 && (
        <Table<Decision>
          rowKey="id"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={item.decisions}
          scroll={{ x: 'max-content' }}
          data-testid="decision-table"
        />
      )}
      {m.canManage && (
        <Button
          size="small"
          type="dashed"
          style={{ marginTop: 8 }}
          onClick={() => setDeciding(true)}
          data-testid="decision-new"
        >
          {t('meetings.page.decide')}
        </Button>
      )}
      {deciding && <DecideModal m={m} item={item} space={space} onClose={() => setDeciding(false)} />}
      {completing && <DoneModal d={completing} space={space} onClose={() => setCompleting(null)} />}
    </>
  );
}

interface DecideValues {
  content: string;
  responsibleUserId: string;
  dueOn?: Dayjs;
  workingDays?: number;
}

function DecideModal({
  m,
  item,
  space,
  onClose,
}: {
  m: Meeting;
  item: MeetingItem;
  space: WebMeetingSpace;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const people = usePeople(space, q);
  return (
    <FormModal<DecideValues>
      title={`${t('meetings.decision.title')} · ${item.label}`}
      fields={['content', 'responsibleUserId', 'dueOn', 'workingDays']}
      testId="decision-modal"
      onClose={onClose}
      onSubmit={async ({ dueOn, workingDays, ...v }) => {
        await meetingApi.decide(space, m.id, {
          ...v,
          itemId: item.id,
          ...(dueOn ? { dueOn: dueOn.format('YYYY-MM-DD') } : {}),
          ...(workingDays ? { workingDays } : {}),
        });
        void qc.invalidateQueries({ queryKey: meetingKeys.all(space) });
        onClose();
      }}
    >
      <Form.Item name="content" label={t('meetings.field.content')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="df-content" />
      </Form.Item>
      <Form.Item
        name="responsibleUserId"
        label={t('meetings.field.responsible')}
        rules={[{ required: true }]}
      >
        <Select
          showSearch
          filterOption={false}
          onSearch={setQ}
          loading={people.isFetching}
          data-testid="df-responsible"
          options={(people.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name}（${p.orgName}）`,
          }))}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item name="dueOn" label={t('meetings.field.dueOn')}>
          <DatePicker data-testid="df-due-on" />
        </Form.Item>
        <Form.Item name="workingDays" label={t('meetings.field.workingDays')}>
          <InputNumber min={1} max={120} data-testid="df-working-days" />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

function DoneModal({ d, space, onClose }: { d: Decision; space: WebMeetingSpace; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <FormModal<{ note: string }>
      title={t('meetings.decision.doneTitle')}
      fields={['note']}
      testId="decision-done-modal"
      onClose={onClose}
      onSubmit={async (v) => {
        await meetingApi.done(space, d.id, { version: d.version, note: v.note });
        void qc.invalidateQueries({ queryKey: meetingKeys.all(space) });
        void qc.invalidateQueries({ queryKey: ['tasks'] });
        onClose();
      }}
    >
      <Typography.Paragraph>{d.content}</Typography.Paragraph>
      <Form.Item name="note" label={t('meetings.field.doneNote')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="df-done-note" />
      </Form.Item>
    </FormModal>
  );
}

/** On a record's page: the meeting decisions on it, its 包案责任人 and 化解时限 first. */
export function RecordDecisions({ space, type, id }: { space: WebMeetingSpace; type: string; id: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: [...meetingKeys.all(space), 'record', type, id],
    queryFn: () => meetingApi.forRecord(space, type, id),
  });
  const items = q.data?.items ?? [];
  if (!items.length) return <Typography.Text type="secondary">{t('meetings.decision.none')}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="record-decisions">
      {items.map((d) => (
        <Space key={d.id} direction="vertical" size={2}>
          <Space wrap>
            <DecisionStatus d={d} />
            <Typography.Text strong>{d.content}</Typography.Text>
          </Space>
          <Typography.Text type="secondary">
            {t('meetings.field.responsible')}：{d.responsibleName}（{d.responsibleOrgName}） ·{' '}
            {t('meetings.field.deadline')}：{formatTime(d.deadline, 'YYYY-MM-DD HH:mm')} ·{' '}
            <Link to={`${space.web}/${d.meetingId}`}>{d.meetingNumber}</Link>
          </Typography.Text>
        </Space>
      ))}
    </Space>
  );
}

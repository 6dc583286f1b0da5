import { useMemo, useState } from 'react';
import { DatePicker, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MEETING_STATUSES } from '@civicgrid/shared/meetings';
import { useAuth } from '../../app/auth';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { FormModal } from '../../kit/FormModal';
import { ListPage } from '../../kit/ListPage';
import { search, select } from '../../kit/filters';
import { newIdempotencyKey } from '../../lib/send-raw';
import {
  MEDIATION_SPACE,
  STABILITY_SPACE,
  meetingApi,
  meetingKeys,
  type MeetingRow,
  type WebMeetingSpace,
} from './meetings-api';

/** The meetings of one space, newest first: count, filters in the URL, paging, export and 新建会议. */
function MeetingList({ space }: { space: WebMeetingSpace }) {
  const { t } = useTranslation();
  const filters = useMemo(
    () => [
      search('q', { placeholder: t('meetings.list.q'), testId: 'meetings-q' }),
      ...(space.kinds.length > 1
        ? [
            select(
              'kind',
              space.kinds.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) })),
              { placeholder: t('meetings.field.kind'), width: 150 },
            ),
          ]
        : []),
      select(
        'status',
        MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetings.status.${s}`) })),
        {
          placeholder: t('meetings.field.status'),
          width: 110,
        },
      ),
    ],
    [t, space],
  );
  const columns: TableColumnsType<MeetingRow> = [
    { title: t('meetings.field.heldOn'), dataIndex: 'heldOn', width: 110 },
    {
      title: t('meetings.field.title'),
      key: 'title',
      render: (_, m) => <Link to={`${space.web}/${m.id}`}>{m.title}</Link>,
    },
    { title: t('meetings.field.kind'), key: 'kind', render: (_, m) => t(`meetings.kind.${m.kind}`) },
    { title: t('meetings.field.org'), dataIndex: 'orgName' },
    {
      title: t('meetings.field.status'),
      key: 'status',
      render: (_, m) => (
        <Tag color={m.status === 'held' ? 'green' : 'blue'}>{t(`meetings.status.${m.status}`)}</Tag>
      ),
    },
    { title: t('meetings.field.items'), dataIndex: 'items' },
    { title: t('meetings.field.decisions'), dataIndex: 'decisions' },
    { title: t('meetings.field.open'), dataIndex: 'open' },
    {
      title: t('meetings.field.overdue'),
      key: 'overdue',
      render: (_, m) => (m.overdue ? <Tag color="red">{m.overdue}</Tag> : 0),
    },
    { title: t('meetings.field.number'), dataIndex: 'number' },
  ];
  const Create = useMemo(() => createModal(space), [space]);
  return (
    <ListPage<MeetingRow>
      title={t(`meetings.list.${space.key}Title`)}
      resource={{ path: space.api, key: meetingKeys.all(space) }}
      filters={filters}
      columns={columns}
      renderCard={(m) => (
        <Link to={`${space.web}/${m.id}`} style={{ display: 'block', color: 'inherit' }}>
          <Space direction="vertical" size={2}>
            <Typography.Text strong>{m.title}</Typography.Text>
            <Typography.Text type="secondary">
              {m.heldOn} · {m.orgName} · {t('meetings.field.open')} {m.open}
            </Typography.Text>
          </Space>
        </Link>
      )}
      export={{ path: `${space.api}/export`, baseName: `meetings-${space.key}`, testId: 'meetings-export' }}
      create={{
        permission: space.manage,
        label: t('meetings.list.new'),
        testId: 'meetings-new',
        modal: Create,
      }}
      emptyText={t('meetings.list.empty')}
      testId="meeting-table"
      filterTestId="meeting-filters"
    />
  );
}

interface CreateValues {
  kind: string;
  orgId: string;
  title: string;
  heldOn: Dayjs;
  place?: string;
  chair?: string;
  attendees?: string[];
}

function createModal(space: WebMeetingSpace) {
  return function CreateMeetingModal({ onClose }: { onClose: () => void }) {
    const { t } = useTranslation();
    const navigate = useNavigate();
    const qc = useQueryClient();
    const { user } = useAuth().me;
    const [key] = useState(newIdempotencyKey);
    const required = [{ required: true }];
    const kind = space.kinds[0]!;
    return (
      <FormModal<CreateValues>
        title={t('meetings.list.new')}
        fields={['kind', 'orgId', 'title', 'heldOn', 'place', 'chair', 'attendees']}
        testId="meeting-create"
        initialValues={{
          kind,
          orgId: user.orgId,
          heldOn: dayjs(),
          title: `${user.orgName}${t(`meetings.kind.${kind}`)}`,
        }}
        onClose={onClose}
        onSubmit={async ({ heldOn, ...v }) => {
          const m = await meetingApi.create(space, { ...v, heldOn: heldOn.format('YYYY-MM-DD') }, key);
          void qc.invalidateQueries({ queryKey: meetingKeys.all(space) });
          onClose();
          void navigate(`${space.web}/${m.id}`);
        }}
      >
        <Form.Item name="kind" label={t('meetings.field.kind')} rules={required}>
          <Select options={space.kinds.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="orgId" label={t('meetings.field.org')} rules={required}>
          <OrgTreeSelect data-testid="mf-org" />
        </Form.Item>
        <Form.Item name="title" label={t('meetings.field.title')} rules={required}>
          <Input maxLength={200} data-testid="mf-title" />
        </Form.Item>
        <Form.Item name="heldOn" label={t('meetings.field.heldOn')} rules={required}>
          <DatePicker data-testid="mf-held-on" />
        </Form.Item>
        <Form.Item name="place" label={t('meetings.field.place')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="chair" label={t('meetings.field.chair')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="attendees" label={t('meetings.field.attendees')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} data-testid="mf-attendees" />
        </Form.Item>
      </FormModal>
    );
  };
}

export const MediationMeetingList = () => <MeetingList space={MEDIATION_SPACE} />;
export const StabilityMeetingList = () => <MeetingList space={STABILITY_SPACE} />;

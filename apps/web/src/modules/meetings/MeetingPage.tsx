import { useEffect, useState } from 'react';
import { App as AntApp, Button, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DetailPage } from '../../kit/DetailPage';
import { errorMessage } from '../../lib/error-message';
import { AgendaSection } from './AgendaSection';
import {
  MEDIATION_SPACE,
  STABILITY_SPACE,
  meetingApi,
  useMeeting,
  useMeetingWrite,
  type Meeting,
  type WebMeetingSpace,
} from './meetings-api';

/**
 * One meeting: its facts, the agenda with a picker of the space's records, each item's decisions (交办 with a
 * responsible person and a deadline, 办结 by that person) and the minutes.
 */
function MeetingView({ space }: { space: WebMeetingSpace }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useMeeting(space, id);
  return (
    <DetailPage<Meeting>
      query={query}
      backTo={space.web}
      testId="meeting-page"
      dataId={(m) => m.id}
      header={(m) => (
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {m.title}
          </Typography.Title>
          <Tag color={m.status === 'held' ? 'green' : 'blue'} data-testid="meeting-status">
            {t(`meetings.status.${m.status}`)}
          </Tag>
        </Space>
      )}
      summary={(m) => (
        <Typography.Text type="secondary">
          {m.number} · {t(`meetings.kind.${m.kind}`)} · {m.heldOn}
        </Typography.Text>
      )}
      sections={(m) => [
        { key: 'details', title: t('meetings.page.details'), content: <Facts m={m} space={space} /> },
        {
          key: 'agenda',
          title: t('meetings.page.agenda'),
          testId: 'meeting-agenda',
          content: <AgendaSection m={m} space={space} />,
        },
        { key: 'minutes', title: t('meetings.page.minutes'), content: <Minutes m={m} space={space} /> },
      ]}
    />
  );
}

function Facts({ m, space }: { m: Meeting; space: WebMeetingSpace }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const held = useMeetingWrite(space, () =>
    meetingApi.update(space, m.id, { version: m.version, status: 'held' }),
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('meetings.field.org')}>{m.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.field.heldOn')}>{m.heldOn}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.field.place')}>{m.place ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.field.chair')}>{m.chair ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.field.attendees')} span={2}>
          {m.attendees.length ? m.attendees.map((a) => <Tag key={a}>{a}</Tag>) : '—'}
        </Descriptions.Item>
      </Descriptions>
      {m.canManage && m.status === 'planned' && (
        <Button
          onClick={() => held.mutate(undefined, { onError: (e) => void message.error(errorMessage(t, e)) })}
          loading={held.isPending}
          data-testid="meeting-mark-held"
        >
          {t('meetings.page.markHeld')}
        </Button>
      )}
    </Space>
  );
}

function Minutes({ m, space }: { m: Meeting; space: WebMeetingSpace }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [text, setText] = useState(m.minutes ?? '');
  useEffect(() => setText(m.minutes ?? ''), [m.minutes]);
  const save = useMeetingWrite(space, () =>
    meetingApi.update(space, m.id, { version: m.version, minutes: text || null }),
  );
  if (!m.canManage)
    return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.minutes || '—'}</Typography.Paragraph>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={20000}
        data-testid="meeting-minutes"
      />
      <Button
        type="primary"
        loading={save.isPending}
        data-testid="meeting-save-minutes"
        onClick={() =>
          save.mutate(undefined, {
            onSuccess: () => void message.success(t('meetings.page.saved')),
            onError: (e) => void message.error(errorMessage(t, e)),
          })
        }
      >
        {t('meetings.page.saveMinutes')}
      </Button>
    </Space>
  );
}

export const MediationMeetingPage = () => <MeetingView space={MEDIATION_SPACE} />;
export const StabilityMeetingPage = () => <MeetingView space={STABILITY_SPACE} />;

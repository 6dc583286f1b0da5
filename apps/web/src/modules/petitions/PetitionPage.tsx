import { useState } from 'react';
import { Alert, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PETITION_ACTIONS, type PetitionAction } from '@civicgrid/shared/petitions';
import { DetailPage } from '../../kit/DetailPage';
import { RecordTimeline } from '../../kit/RecordTimeline';
import { formatTime } from '../../lib/time';
import { ClockStrip } from './ClockStrip';
import { usePetition, usePetitionEvents, type PetitionDetail } from './petition-api';
import { LeaderCasePanel } from './LeaderCasePanel';
import { petitionCasesZh } from './messages-cases';
import { ReceptionRecordPanel } from './ReceptionRecordPanel';
import { PetitionActionModal } from './PetitionActionModal';
import { Flags, StatusTag } from './petition-ui';

const PRIMARY: readonly PetitionAction[] = ['route', 'decide', 'start', 'answer', 'review', 'recheck'];
const DANGER: readonly PetitionAction[] = ['withdraw'];
const CASE_EVENTS = petitionCasesZh.events;

function Timeline({ id }: { id: string }) {
  const { t } = useTranslation();
  const events = usePetitionEvents(id);
  return (
    <RecordTimeline
      events={events.data?.items ?? []}
      actionLabel={(e) =>
        e.action in CASE_EVENTS
          ? t(`petitionCases.events.${e.action as keyof typeof CASE_EVENTS}`)
          : e.action.startsWith('leader_')
            ? t(`petitionWork.events.${e.action as 'leader_case'}`)
            : t(`petition.action.${e.action as 'route'}`, { defaultValue: e.action })
      }
      statusLabel={(s) => t(`petition.status.${s as 'registered'}`)}
      testId="petition-timeline"
    />
  );
}

function Details({ p }: { p: PetitionDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small">
      <Descriptions.Item label={t('petition.list.petitioner')}>
        {p.petitionerName ?? '—'} {p.petitionerIdNumber ?? ''} {p.petitionerPhone ?? ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('petition.page.firstReceiver')}>{p.firstReceiverName}</Descriptions.Item>
      <Descriptions.Item label={t('petition.list.summary')}>
        {t(`petition.class.${p.class as 'appeal'}`)} · {t(`petition.category.${p.category as 'other'}`)} ·{' '}
        {t(`petition.channel.${p.channel as 'desk'}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('petition.page.people')}>{p.peopleCount}</Descriptions.Item>
      <Descriptions.Item label={t('petition.page.demands')} span={2}>
        {p.demands}
      </Descriptions.Item>
      <Descriptions.Item label={t('petition.list.responsible')}>
        {p.responsibleOrgName ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('petition.list.receivedAt')}>
        {formatTime(p.receivedAt, 'YYYY-MM-DD HH:mm')}
      </Descriptions.Item>
      {p.representatives.length > 0 && (
        <Descriptions.Item label={t('petition.page.representatives')} span={2}>
          {p.representatives.map((r) => r.name).join('、')}
        </Descriptions.Item>
      )}
      {p.answeredAt && (
        <Descriptions.Item label={t('petition.page.answer')} span={2}>
          {t('petition.page.answered', {
            at: formatTime(p.answeredAt, 'YYYY-MM-DD'),
            served: formatTime(p.servedAt, 'YYYY-MM-DD'),
          })}
          {p.answerDocumentId && (
            <>
              {' · '}
              <a href={`/api/documents/${p.answerDocumentId}/file`} target="_blank" rel="noreferrer">
                {t('petition.page.document')}
              </a>
            </>
          )}
          {p.satisfaction && ` · ${t(`petition.satisfaction.${p.satisfaction as 'satisfied'}`)}`}
        </Descriptions.Item>
      )}
      {p.conclusion && (
        <Descriptions.Item label={t('petition.page.conclusion')}>{p.conclusion}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** One petition: the legal clock strip, the facts, and exactly the actions the API allows this user now. */
export default function PetitionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = usePetition(id);
  const [action, setAction] = useState<PetitionAction | null>(null);
  return (
    <DetailPage<PetitionDetail, PetitionAction>
      query={query}
      backTo="/petitions"
      testId="petition-page"
      dataId={(p) => p.id}
      header={(p) => (
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="petition-number">
            {p.number}
          </Typography.Title>
          <StatusTag status={p.status} />
          <Flags p={p} />
        </Space>
      )}
      summary={(p) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{p.summary}</Typography.Text>
          {p.slaState === 'overdue' && <Alert type="error" showIcon title={t('petition.sla.overdue')} />}
          {/* The legal clock strip spans the page: six limits side by side need the width. */}
          <ClockStrip p={p} />
        </Space>
      )}
      actions={(p) => ({
        allowed: p.allowedActions,
        order: PETITION_ACTIONS,
        label: (a) => t(`petition.action.${a}`),
        primary: PRIMARY,
        danger: DANGER,
        onAction: setAction,
        testId: 'petition-actions',
      })}
      sections={(p) => [
        { key: 'details', title: t('petition.page.details'), content: <Details p={p} /> },
        { key: 'leader', title: t('petitionWork.leader.title'), content: <LeaderCasePanel id={p.id} /> },
        {
          key: 'reception',
          title: t('petitionCases.reception.title'),
          content: <ReceptionRecordPanel id={p.id} />,
        },
      ]}
      timeline={(p) => ({
        title: t('petition.page.timeline'),
        content: <Timeline key={p.version} id={p.id} />,
      })}
    >
      {action && query.data && (
        <PetitionActionModal
          key={action}
          detail={query.data}
          action={action}
          onClose={() => setAction(null)}
        />
      )}
    </DetailPage>
  );
}

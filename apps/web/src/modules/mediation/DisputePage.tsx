import { useState } from 'react';
import { Button, Grid, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DISPUTE_ACTIONS, DISPUTE_OPEN_STATUSES, type DisputeAction } from '@civicgrid/shared/mediation';
import { useCan } from '../../app/auth';
import { DetailPage } from '../../kit/DetailPage';
import { RecordSubjects } from '../../kit/RecordSubjects';
import { RecordTimeline } from '../../kit/RecordTimeline';
import { ReferModal } from '../../kit/ReferModal';
import { ReferralPanel } from '../../kit/ReferralPanel';
import { mediationKeys, useDispute, type DisputeDetail } from './mediation-api';
import { DisputeActionModal } from './DisputeActionModal';
import { Agreement, DisputeFacts, Followups, Sessions } from './DisputeParts';
import { ClockBadge, DisputeStatusTag, RiskTags } from './labels';
import { RecordDecisions } from '../meetings/DecisionParts';
import { MEDIATION_SPACE } from '../meetings/meetings-api';

const PRIMARY: readonly DisputeAction[] = ['accept', 'start', 'session', 'agree', 'follow_up', 'close'];
const DANGER: readonly DisputeAction[] = ['decline', 'fail', 'breach'];

/**
 * One dispute: status, risk and the mediation clock in the header, exactly the actions the API allows this user
 * now, parties, sessions, the agreement with its PDF, follow-ups, transfers sent and the timeline.
 */
export default function DisputePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const wide = Grid.useBreakpoint().lg !== false;
  const query = useDispute(id);
  const queryClient = useQueryClient();
  const [action, setAction] = useState<DisputeAction | null>(null);
  const [referring, setReferring] = useState(false);
  const canRefer = useCan('mediation.manage');
  const canWrite = useCan('mediation.report');
  const reload = () => void queryClient.invalidateQueries({ queryKey: mediationKeys.dispute(id) });
  return (
    <DetailPage<DisputeDetail, DisputeAction>
      query={query}
      backTo="/mediation/disputes"
      testId="dispute-page"
      dataId={(d) => d.id}
      header={(d) => (
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {d.number}
          </Typography.Title>
          <DisputeStatusTag status={d.status} />
          <ClockBadge d={d} />
        </Space>
      )}
      summary={(d) => (
        <Space direction="vertical" size={4}>
          <Typography.Text>
            {d.type} · {d.summary}
          </Typography.Text>
          <RiskTags d={d} />
        </Space>
      )}
      actions={(d) => ({
        allowed: d.allowedActions,
        order: DISPUTE_ACTIONS,
        label: (a) => t(`mediation.action.${a}`),
        primary: PRIMARY,
        danger: DANGER,
        onAction: setAction,
        testId: 'dispute-actions',
        extra:
          canRefer && DISPUTE_OPEN_STATUSES.includes(d.status) ? (
            <Button
              size={wide ? 'middle' : 'large'}
              onClick={() => setReferring(true)}
              data-testid="dispute-refer"
            >
              {t('mediation.page.transfer')}
            </Button>
          ) : undefined,
      })}
      sections={(d) => [
        { key: 'details', title: t('mediation.page.details'), content: <DisputeFacts d={d} /> },
        {
          key: 'parties',
          title: t('mediation.page.parties'),
          testId: 'dispute-parties',
          content: <RecordSubjects ownerType="dispute" ownerId={d.id} canWrite={canWrite} />,
        },
        { key: 'sessions', title: t('mediation.page.sessions'), content: <Sessions d={d} /> },
        { key: 'agreement', title: t('mediation.page.agreement'), content: <Agreement d={d} /> },
        { key: 'followups', title: t('mediation.page.followups'), content: <Followups d={d} /> },
        {
          key: 'transfers',
          title: t('mediation.page.transfers'),
          testId: 'dispute-transfers',
          content: <ReferralPanel box="outgoing" ownerType="dispute" ownerId={d.id} onAnswered={reload} />,
        },
        // 三调联席会: 包案责任人 and 化解时限 as the meeting decided them.
        {
          key: 'meetings',
          title: t('meetings.decision.fromRecord'),
          testId: 'dispute-meetings',
          content: <RecordDecisions space={MEDIATION_SPACE} type="dispute" id={d.id} />,
        },
      ]}
      timeline={(d) => ({
        title: t('mediation.page.timeline'),
        content: (
          <RecordTimeline
            events={d.timeline}
            actionLabel={(e) =>
              t(`mediation.action.${e.action as 'accept'}`, {
                defaultValue: t(`mediation.event.${e.action as 'register'}`, { defaultValue: e.action }),
              })
            }
            statusLabel={(s) => t(`mediation.status.${s as 'registered'}`)}
            testId="dispute-timeline"
          />
        ),
      })}
    >
      <ReferModal
        ownerType="dispute"
        ownerId={id}
        open={referring}
        onClose={() => setReferring(false)}
        onSent={reload}
      />
      {action && query.data && (
        <DisputeActionModal key={action} d={query.data} action={action} onClose={() => setAction(null)} />
      )}
    </DetailPage>
  );
}

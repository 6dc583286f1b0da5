import { useState } from 'react';
import { Button, Grid, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCan } from '../../app/auth';
import { RecordSubjects } from '../../kit/RecordSubjects';
import { ReferModal } from '../../kit/ReferModal';
import { DetailPage } from '../../kit/DetailPage';
import { caseKeys, useCase } from './case-api';
import { CASE_ACTIONS, type CaseAction, type CaseDetail } from './case-types';
import { CaseActionModal } from './CaseActionModal';
import { CaseDetails, CaseMap } from './CaseDetails';
import { CaseHeading, CaseSummary } from './CaseHeader';
import { AttachmentThumbs, CaseTimeline } from './CaseTimeline';
import { AssignmentsSection } from './AssignmentsSection';
import { hasReturnVisit, ReturnVisitSection } from './ReturnVisitSection';

/** The step forward: a filled button (and a full row on a phone). */
const PRIMARY: readonly CaseAction[] = [
  'register',
  'dispatch',
  'accept',
  'feedback',
  'verify',
  'close',
  'self_handle',
];
const DANGER: readonly CaseAction[] = ['reject', 'supervise'];

/**
 * One case on the kit's detail page: header with status, time limit and the buttons for exactly the actions the
 * API allows this user now; details with map and photos; the timeline. Each action opens the workflow dialog.
 */
export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const wide = Grid.useBreakpoint().lg !== false;
  const query = useCase(id);
  const [action, setAction] = useState<CaseAction | null>(null);
  const [referring, setReferring] = useState(false);
  const queryClient = useQueryClient();
  // The permissions the record parts check for a case (core/records, modules/cases/record-owner.ts).
  const canWriteSubjects = useCan('case.create');
  const canRefer = useCan('case.dispatch');

  return (
    <DetailPage<CaseDetail, CaseAction>
      query={query}
      backTo="/cases"
      testId="case-page"
      dataId={(c) => c.id}
      header={(c) => <CaseHeading detail={c} />}
      summary={(c) => <CaseSummary detail={c} />}
      actions={(c) => ({
        allowed: c.allowedActions,
        order: CASE_ACTIONS,
        label: (a) => t(`case.action.${a}`),
        primary: PRIMARY,
        danger: DANGER,
        onAction: setAction,
        testId: 'case-actions',
        // A closed case takes no referral (409 RECORD_CLOSED), so the button goes with it.
        extra:
          canRefer && c.status !== 'closed' && c.status !== 'rejected' ? (
            <Button
              size={wide ? 'middle' : 'large'}
              onClick={() => setReferring(true)}
              data-testid="case-refer"
              style={wide ? undefined : { flex: '1 1 40%' }}
            >
              {t('kit.referral.action')}
            </Button>
          ) : undefined,
      })}
      sections={(c) => [
        {
          key: 'details',
          title: t('case.page.details'),
          content: (
            <>
              <CaseDetails detail={c} />
              {c.lng !== null && c.lat !== null && (
                <div style={{ marginTop: 12 }} data-testid="case-map">
                  <CaseMap detail={c} height={wide ? 260 : 200} />
                </div>
              )}
            </>
          ),
        },
        // 大联动: shown once the case has a department (every assignment's row, the lead's first).
        ...(c.assignments.length
          ? [
              {
                key: 'assignments',
                title: t('case.assignment.title'),
                testId: 'case-assignments-section',
                content: <AssignmentsSection detail={c} />,
              },
            ]
          : []),
        // 回访: once a call-back is due, was made, or the case was reopened.
        ...(hasReturnVisit(c)
          ? [
              {
                key: 'return-visit',
                title: t('caseReturn.section'),
                testId: 'case-return-visit-section',
                content: <ReturnVisitSection detail={c} />,
              },
            ]
          : []),
        {
          key: 'subjects',
          title: t('kit.subject.section'),
          testId: 'case-subjects',
          content: <RecordSubjects ownerType="case" ownerId={c.id} canWrite={canWriteSubjects} />,
        },
        {
          key: 'photos',
          title: t('case.page.photos'),
          testId: 'case-photos',
          content: c.attachments.length ? (
            <AttachmentThumbs items={c.attachments} size={wide ? 96 : 80} />
          ) : (
            <Typography.Text type="secondary">{t('kit.photo.empty')}</Typography.Text>
          ),
        },
      ]}
      timeline={(c) => ({
        title: t('case.page.timeline'),
        content: <CaseTimeline events={c.timeline} attachments={c.attachments} />,
      })}
    >
      <ReferModal
        ownerType="case"
        ownerId={id}
        open={referring}
        onClose={() => setReferring(false)}
        onSent={() => void queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) })}
      />
      {action && query.data && (
        <CaseActionModal key={action} detail={query.data} action={action} onClose={() => setAction(null)} />
      )}
    </DetailPage>
  );
}

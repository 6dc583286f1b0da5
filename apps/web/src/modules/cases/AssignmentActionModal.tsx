import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ASSIGNMENT_ACTION_INPUTS, type AssignmentAction } from '@civicgrid/shared/case-assignments';
import { PhotoUploader, photosRequiredRule } from '../../kit/PhotoUploader';
import { WorkflowActionModal, type FieldWidget } from '../../kit/WorkflowActionModal';
import { taskKeys } from '../home/tasks-api';
import { caseApi, caseKeys } from './case-api';
import type { CaseAssignment, CaseDetail, GoneCase } from './case-types';

interface Props {
  detail: CaseDetail;
  assignment: CaseAssignment;
  action: AssignmentAction;
  onClose: () => void;
}

const LABEL_KEYS: Record<string, string> = {
  reason: 'reason',
  note: 'note',
  result: 'result',
  attachmentIds: 'photos',
};

/** One action on a co-assignment: the kit's workflow dialog over the action's shared input schema. */
export function AssignmentActionModal({ detail, assignment, action, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const actionLabel = t(`case.action.${action}`);
  const photosRequired = action === 'feedback_co' && detail.photoRequired;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.all });
    void queryClient.invalidateQueries({ queryKey: taskKeys.all });
  };
  const widgets: Record<string, FieldWidget> = {
    reason: { placeholder: t('case.modal.reasonPlaceholder') },
    result: { placeholder: t('case.modal.resultPlaceholder') },
    attachmentIds: {
      input: <PhotoUploader data-testid="assignment-photos" />,
      extra: photosRequired ? t('case.modal.photosRequired') : undefined,
      rules: photosRequired ? [photosRequiredRule(t('case.modal.photosRequired'))] : [],
    },
  };
  return (
    <WorkflowActionModal
      title={t('case.assignment.modal', { action: actionLabel, department: assignment.department })}
      actionLabel={actionLabel}
      schema={ASSIGNMENT_ACTION_INPUTS[action]}
      version={assignment.version ?? 0}
      label={(key) => t(`case.modal.${LABEL_KEYS[key] ?? 'note'}` as 'case.modal.note')}
      widgets={widgets}
      initialValues={{ attachmentIds: [] }}
      danger={action === 'decline_co' || action === 'withdraw_co'}
      send={(body) => caseApi.actAssignment(detail.id, assignment.id!, { ...body, action })}
      onDone={(answer) => {
        const after = answer as CaseDetail | GoneCase;
        refresh();
        onClose();
        if ('visible' in after && after.visible === false) {
          void message.info(t('case.page.gone'));
          void navigate('/tasks');
        } else queryClient.setQueryData(caseKeys.detail(detail.id), after);
      }}
      onReload={refresh}
      onClose={onClose}
    />
  );
}

import { useMemo } from 'react';
import { Alert, App, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { z } from 'zod';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CASE_ACTION_INPUTS } from '@civicgrid/shared/case-actions';
import { PhotoUploader, photosRequiredRule } from '../../kit/PhotoUploader';
import { beijingIso, WorkflowActionModal, type FieldWidget } from '../../kit/WorkflowActionModal';
import { caseApi, caseKeys, useCategories, useDispatchTargets } from './case-api';
import { taskKeys } from '../home/tasks-api';
import type { ActionBody, CaseAction, CaseDetail, GoneCase } from './case-types';
import { AssigneeSelect, CaseSearchSelect, DeadlinePicker, DepartmentSelect } from './ActionFields';
import { findCategory } from './CategoryTreeSelect';
import { TemplatedText, templateFieldOf } from './ReplyTemplatePicker';

interface Props {
  detail: CaseDetail;
  action: CaseAction;
  onClose: () => void;
}

/** The case words of the schema's keys (`case.modal.*`). */
const LABEL_KEYS = {
  reason: 'reason',
  note: 'note',
  result: 'result',
  departmentId: 'department',
  coDepartmentIds: 'coDepartments',
  deadline: 'deadline',
  attachmentIds: 'photos',
  passed: 'passed',
  approved: 'approved',
  evaluation: 'evaluation',
  comment: 'comment',
  targetCaseId: 'targetCase',
  userId: 'assignee',
  mentionOrgIds: 'mentions',
} as const;

/** Keys worded in the return-visit strings (`caseReturn.*`). */
const RETURN_LABELS: Record<string, 'caseReturn.outcome'> = { outcome: 'caseReturn.outcome' };

/**
 * One case action: the kit's workflow dialog over the action's shared input schema, with the case's own
 * pickers (departments the centre may dispatch to, another case to merge into, photos from the camera).
 */
export function CaseActionModal({ detail, action, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const categories = useCategories();
  const schema = CASE_ACTION_INPUTS[action];
  const shape = schema.shape as Record<string, z.ZodType | undefined>;
  const dispatching = 'departmentId' in shape;
  const departments = useDispatchTargets(detail.id, dispatching);
  // Adding a co-department later starts empty: the category's default is the lead already.
  const defaultsToCategory = action === 'dispatch';
  const actionLabel = t(`case.action.${action}`);
  const photosRequired = (action === 'feedback' || action === 'self_handle') && detail.photoRequired;
  const initialValues = useMemo(() => {
    const defaultDept = findCategory(categories.data, detail.categoryId)?.defaultDepartmentId;
    return { attachmentIds: [], ...(defaultsToCategory && defaultDept ? { departmentId: defaultDept } : {}) };
  }, [defaultsToCategory, categories.data, detail.categoryId]);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.all });
    void queryClient.invalidateQueries({ queryKey: taskKeys.all }); // 我的待办 counts
    void queryClient.invalidateQueries({ queryKey: caseKeys.notifications });
  };

  const widgets: Record<string, FieldWidget> = {
    targetCaseId: { input: <CaseSearchSelect exceptId={detail.id} /> },
    // 会商: the units working on this case (centre, lead, co-departments) can be mentioned.
    mentionOrgIds: {
      extra: t('case.assignment.internalHint'),
      input: (
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="action-mentions"
          options={[
            { value: detail.ownerOrgId, label: detail.ownerOrgName },
            ...detail.assignments.map((a) => ({ value: a.departmentId, label: a.department ?? '' })),
          ]}
        />
      ),
    },
    userId: {
      label: t('case.assignment.assignee'),
      input: <AssigneeSelect caseId={detail.id} data-testid="action-assignee" />,
    },
    departmentId: {
      input: (
        <DepartmentSelect
          caseId={detail.id}
          placeholder={t('case.modal.departmentPlaceholder')}
          data-testid="action-department"
        />
      ),
    },
    coDepartmentIds: {
      input: <DepartmentSelect caseId={detail.id} multiple data-testid="action-co-departments" />,
    },
    passed: { yes: t('case.modal.passedYes'), no: t('case.modal.passedNo') },
    approved: { yes: t('case.modal.approve'), no: t('case.modal.deny') },
    reason: { placeholder: t('case.modal.reasonPlaceholder') },
    result: { placeholder: t('case.modal.resultPlaceholder') },
    note: { placeholder: shape.note?.isOptional() ? t('case.modal.notePlaceholder') : undefined },
    deadline: {
      label:
        action === 'extend'
          ? t('case.modal.newDeadline')
          : action === 'supervise'
            ? t('case.modal.superviseDeadline')
            : t('case.modal.deadline'),
      extra: action === 'dispatch' ? t('case.modal.deadlineHint') : undefined,
      input: <DeadlinePicker data-testid="action-deadline" />,
      rules: [
        {
          validator: (_, v: Dayjs | null | undefined) =>
            !v || new Date(beijingIso(v)).getTime() > Date.now()
              ? Promise.resolve()
              : Promise.reject(new Error(t('case.modal.pastDeadline'))),
        },
      ],
    },
    attachmentIds: {
      // The grid worker verifies on the spot: the phone opens its back camera.
      input: <PhotoUploader camera={action === 'verify'} data-testid="action-photos" />,
      extra: photosRequired ? t('case.modal.photosRequired') : undefined,
      rules: photosRequired ? [photosRequiredRule(t('case.modal.photosRequired'))] : [],
    },
  };

  // 常用回复: the action's text field offers the unit's templates for this category.
  const templated = templateFieldOf(action);
  if (
    templated &&
    (action === 'feedback' || action === 'reject' || action === 'return' || action === 'callback')
  )
    widgets[templated] = {
      ...widgets[templated],
      input: (
        <TemplatedText
          action={action}
          categoryId={detail.categoryId}
          testId={`action-${templated}`}
          placeholder={widgets[templated]?.placeholder}
        />
      ),
    };

  return (
    <WorkflowActionModal
      title={t('case.modal.title', { action: actionLabel, number: detail.number })}
      actionLabel={actionLabel}
      schema={schema}
      version={detail.version}
      label={(key) =>
        RETURN_LABELS[key]
          ? t(RETURN_LABELS[key])
          : t(`case.modal.${LABEL_KEYS[key as keyof typeof LABEL_KEYS] ?? 'note'}`)
      }
      optionLabel={(key, value) =>
        key === 'evaluation'
          ? t(`case.evaluation.${value as 'satisfied'}`)
          : key === 'outcome'
            ? t(`caseReturn.outcomes.${value as 'satisfied'}`)
            : value
      }
      widgets={widgets}
      initialValues={initialValues}
      danger={action === 'reject'}
      notice={
        dispatching && departments.data?.length === 0 ? (
          <Alert type="warning" showIcon title={t('case.modal.noDepartments')} style={{ marginBottom: 16 }} />
        ) : undefined
      }
      send={(body) => caseApi.act(detail.id, { ...body, action } as ActionBody)}
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

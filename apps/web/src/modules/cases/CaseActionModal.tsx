import { useMemo, useRef, useState } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../lib/api';
import { errorMessage, isStaleVersion } from '../../lib/error-message';
import { caseApi, caseKeys, useCategories, useDispatchTargets } from './case-api';
import type { ActionBody, CaseAction, CaseDetail } from './case-types';
import { deadlineIso } from './ActionFields';
import { ACTION_FIELDS, ActionFormItems, actionFieldOf, type ActionValues } from './ActionFormItems';
import { findCategory } from './CategoryTreeSelect';
import { photoIds, photosUploading } from '../../kit/PhotoUploader';

interface Props {
  detail: CaseDetail;
  action: CaseAction;
  onClose: () => void;
}

/** One workflow action: the fields it needs, posted with the case's version; refreshes the page afterwards. */
export function CaseActionModal({ detail, action, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ActionValues>();
  const categories = useCategories();
  const departments = useDispatchTargets(detail.id, action === 'dispatch');
  const [refused, setRefused] = useState<string | null>(null);
  // A double click would post the same version twice and the second would read as someone else's change.
  const sending = useRef(false);
  const actionLabel = t(`case.action.${action}`);
  const initialValues = useMemo<ActionValues>(() => {
    const defaultDept = findCategory(categories.data, detail.categoryId)?.defaultDepartmentId;
    return { photos: [], ...(action === 'dispatch' && defaultDept ? { departmentId: defaultDept } : {}) };
  }, [action, categories.data, detail.categoryId]);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.all });
    void queryClient.invalidateQueries({ queryKey: caseKeys.notifications });
  };

  const act = useMutation({
    mutationFn: (values: ActionValues) => {
      const text = (v?: string) => (v?.trim() ? v.trim() : undefined);
      const ids = photoIds(values.photos);
      const body: ActionBody = {
        action,
        version: detail.version,
        reason: text(values.reason),
        note: text(values.note),
        result: text(values.result),
        departmentId: values.departmentId,
        coDepartmentIds: values.coDepartmentIds?.length ? values.coDepartmentIds : undefined,
        deadline: values.deadline ? deadlineIso(values.deadline) : undefined,
        attachmentIds: ids.length ? ids : undefined,
        passed: values.passed,
        approved: values.approved,
        evaluation: values.evaluation,
        comment: text(values.comment),
        targetCaseId: values.targetCaseId,
      };
      return caseApi.act(detail.id, body);
    },
    onSuccess: (after) => {
      void message.success(t('case.modal.done', { action: actionLabel }));
      refresh();
      onClose();
      if ('visible' in after && after.visible === false) {
        void message.info(t('case.page.gone'));
        void navigate('/tasks');
      } else {
        queryClient.setQueryData(caseKeys.detail(detail.id), after);
      }
    },
    onError: (error) => {
      if (isStaleVersion(error)) {
        // Someone acted first: show them what the case is now; the buttons follow.
        void message.warning(t('case.modal.stale'));
        refresh();
        onClose();
        return;
      }
      if (isApiError(error) && error.code === 'ACTION_NOT_ALLOWED') {
        setRefused(error.message);
        refresh();
        return;
      }
      if (!isApiError(error) || !error.fields.length) return;
      const byField = new Map<string, string[]>();
      for (const f of error.fields) {
        const name = actionFieldOf(f.path);
        if ((ACTION_FIELDS as readonly string[]).includes(name))
          byField.set(name, [...(byField.get(name) ?? []), f.message]);
      }
      form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof ActionValues, errors })));
    },
  });

  const explained =
    isApiError(act.error) &&
    act.error.fields.length > 0 &&
    act.error.fields.every((f) => (ACTION_FIELDS as readonly string[]).includes(actionFieldOf(f.path)));

  return (
    <Modal
      open
      title={t('case.modal.title', { action: actionLabel, number: detail.number })}
      okText={actionLabel}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={act.isPending}
      okButtonProps={{ 'data-testid': 'action-submit', disabled: !!refused, danger: action === 'reject' }}
      destroyOnHidden
      maskClosable={false}
    >
      <Form<ActionValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => {
          if (sending.current) return;
          if (photosUploading(values.photos)) {
            void message.warning(t('case.intake.stillUploading'));
            return;
          }
          sending.current = true;
          act.mutate(values, { onSettled: () => (sending.current = false) });
        }}
        data-testid={`action-form-${action}`}
      >
        {refused && (
          <Alert
            type="warning"
            showIcon
            title={t('case.modal.notAllowed')}
            description={refused}
            style={{ marginBottom: 16 }}
            data-testid="action-refused"
          />
        )}
        {act.isError && !refused && !explained && !isStaleVersion(act.error) && (
          <Alert type="error" showIcon title={errorMessage(t, act.error)} style={{ marginBottom: 16 }} />
        )}
        <ActionFormItems action={action} detail={detail} noDepartments={departments.data?.length === 0} />
      </Form>
    </Modal>
  );
}

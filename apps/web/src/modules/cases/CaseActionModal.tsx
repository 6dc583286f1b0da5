import { useMemo, useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Dayjs } from 'dayjs';
import { isApiError } from '../../lib/api';
import { errorMessage, isStaleVersion } from '../../lib/error-message';
import {
  caseApi,
  caseKeys,
  EVALUATIONS,
  useCategories,
  type ActionBody,
  type CaseAction,
  type CaseDetail,
  type Evaluation,
} from './case-api';
import { CaseSearchSelect, DeadlinePicker, DepartmentSelect, deadlineIso } from './ActionFields';
import { findCategory } from './CategoryTreeSelect';
import { PhotoUploader, photoIds, photosUploading, type PhotoItem } from './PhotoUploader';

interface Values {
  reason?: string;
  note?: string;
  result?: string;
  departmentId?: string;
  coDepartmentIds?: string[];
  deadline?: Dayjs | null;
  photos?: PhotoItem[];
  passed?: boolean;
  approved?: boolean;
  evaluation?: Evaluation;
  comment?: string;
  targetCaseId?: string;
}

const FIELDS = [
  'reason',
  'note',
  'result',
  'departmentId',
  'coDepartmentIds',
  'deadline',
  'photos',
  'passed',
  'approved',
  'evaluation',
  'comment',
  'targetCaseId',
] as const;

const fieldOf = (path: string) => {
  const head = path.replace(/^body[./]/, '').split(/[./[]/)[0] ?? '';
  return head === 'attachmentIds' ? 'photos' : head;
};

/** What each action asks for (docs/api-cases.md): `*` required. */
const NEEDS: Record<CaseAction, readonly string[]> = {
  register: [],
  accept: [],
  reject: ['reason*'],
  escalate: ['reason*'],
  return: ['reason*'],
  suspend: ['reason*'],
  merge: ['targetCaseId*', 'reason'],
  self_handle: ['result*', 'photos'],
  feedback: ['result*', 'photos'],
  dispatch: ['departmentId*', 'coDepartmentIds', 'deadline', 'note'],
  extend: ['reason*', 'deadline*'],
  decide_extension: ['approved*', 'note'],
  verify: ['passed*', 'note', 'photos'],
  close: ['note'],
  resume: ['note'],
  evaluate: ['evaluation*', 'comment'],
  supervise: ['note*', 'deadline'],
};

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
  const [form] = Form.useForm<Values>();
  const categories = useCategories();
  const [refused, setRefused] = useState<string | null>(null);
  const needs = NEEDS[action];
  const has = (f: string) => needs.includes(f) || needs.includes(`${f}*`);
  const req = (f: string) => needs.includes(`${f}*`);
  const photosRequired = (action === 'feedback' || action === 'self_handle') && detail.photoRequired;
  const actionLabel = t(`case.action.${action}`);
  const initialValues = useMemo<Values>(() => {
    const defaultDept = findCategory(categories.data, detail.categoryId)?.defaultDepartmentId;
    return { photos: [], ...(action === 'dispatch' && defaultDept ? { departmentId: defaultDept } : {}) };
  }, [action, categories.data, detail.categoryId]);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.all });
    void queryClient.invalidateQueries({ queryKey: caseKeys.notifications });
  };

  const act = useMutation({
    mutationFn: (values: Values) => {
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
        const name = fieldOf(f.path);
        if ((FIELDS as readonly string[]).includes(name)) byField.set(name, [...(byField.get(name) ?? []), f.message]);
      }
      form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof Values, errors })));
    },
  });

  const explained =
    isApiError(act.error) &&
    act.error.fields.length > 0 &&
    act.error.fields.every((f) => (FIELDS as readonly string[]).includes(fieldOf(f.path)));
  const required = (label: string) => ({ required: true, message: t('common.required', { field: label }) });
  const textRule = (label: string, on: boolean) => (on ? [{ ...required(label), whitespace: true }] : []);

  return (
    <Modal
      open
      title={t('case.modal.title', { action: actionLabel, number: detail.number })}
      okText={actionLabel}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={act.isPending}
      okButtonProps={{
        'data-testid': 'action-submit',
        disabled: !!refused,
        danger: action === 'reject',
      } as object}
      destroyOnHidden
      maskClosable={false}
      data-testid="action-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => {
          if (act.isPending) return;
          if (photosUploading(values.photos)) {
            void message.warning(t('case.intake.stillUploading'));
            return;
          }
          act.mutate(values);
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
        {needs.length === 0 && (
          <Typography.Paragraph>{t('case.modal.confirm', { action: actionLabel })}</Typography.Paragraph>
        )}
        {has('targetCaseId') && (
          <Form.Item name="targetCaseId" label={t('case.modal.targetCase')} rules={[required(t('case.modal.targetCase'))]}>
            <CaseSearchSelect exceptId={detail.id} />
          </Form.Item>
        )}
        {has('departmentId') && (
          <Form.Item name="departmentId" label={t('case.modal.department')} rules={[required(t('case.modal.department'))]}>
            <DepartmentSelect placeholder={t('case.modal.departmentPlaceholder')} data-testid="action-department" />
          </Form.Item>
        )}
        {has('coDepartmentIds') && (
          <Form.Item name="coDepartmentIds" label={t('case.modal.coDepartments')}>
            <DepartmentSelect multiple data-testid="action-co-departments" />
          </Form.Item>
        )}
        {has('passed') && (
          <Form.Item name="passed" label={t('case.modal.passed')} rules={[required(t('case.modal.passed'))]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              data-testid="action-passed"
              options={[
                { value: true, label: t('case.modal.passedYes') },
                { value: false, label: t('case.modal.passedNo') },
              ]}
            />
          </Form.Item>
        )}
        {has('approved') && (
          <Form.Item name="approved" label={t('case.modal.approved')} rules={[required(t('case.modal.approved'))]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              data-testid="action-approved"
              options={[
                { value: true, label: t('case.modal.approve') },
                { value: false, label: t('case.modal.deny') },
              ]}
            />
          </Form.Item>
        )}
        {has('evaluation') && (
          <Form.Item name="evaluation" label={t('case.modal.evaluation')} rules={[required(t('case.modal.evaluation'))]}>
            <Radio.Group
              data-testid="action-evaluation"
              options={EVALUATIONS.map((e) => ({ value: e, label: t(`case.evaluation.${e}`) }))}
            />
          </Form.Item>
        )}
        {has('reason') && (
          <Form.Item name="reason" label={t('case.modal.reason')} rules={[...textRule(t('case.modal.reason'), req('reason')), { max: 1000 }]}>
            <Input.TextArea rows={3} maxLength={1000} placeholder={t('case.modal.reasonPlaceholder')} data-testid="action-reason" />
          </Form.Item>
        )}
        {has('result') && (
          <Form.Item name="result" label={t('case.modal.result')} rules={[...textRule(t('case.modal.result'), true), { max: 4000 }]}>
            <Input.TextArea rows={4} maxLength={4000} placeholder={t('case.modal.resultPlaceholder')} data-testid="action-result" />
          </Form.Item>
        )}
        {has('deadline') && (
          <Form.Item
            name="deadline"
            label={
              action === 'extend'
                ? t('case.modal.newDeadline')
                : action === 'supervise'
                  ? t('case.modal.superviseDeadline')
                  : t('case.modal.deadline')
            }
            extra={action === 'dispatch' ? t('case.modal.deadlineHint') : undefined}
            rules={[
              ...(req('deadline') ? [required(t('case.modal.deadline'))] : []),
              {
                validator: (_, v: Dayjs | null | undefined) =>
                  !v || new Date(deadlineIso(v)).getTime() > Date.now()
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('case.modal.pastDeadline'))),
              },
            ]}
          >
            <DeadlinePicker data-testid="action-deadline" />
          </Form.Item>
        )}
        {has('note') && (
          <Form.Item
            name="note"
            label={t('case.modal.note')}
            rules={[...textRule(t('case.modal.note'), req('note')), { max: 2000 }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={2000}
              placeholder={req('note') ? undefined : t('case.modal.notePlaceholder')}
              data-testid="action-note"
            />
          </Form.Item>
        )}
        {has('comment') && (
          <Form.Item name="comment" label={t('case.modal.comment')} rules={[{ max: 1000 }]}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="action-comment" />
          </Form.Item>
        )}
        {has('photos') && (
          <Form.Item
            name="photos"
            label={t('case.modal.photos')}
            rules={
              photosRequired
                ? [
                    {
                      validator: (_, v: PhotoItem[] | undefined) =>
                        photoIds(v).length > 0 || photosUploading(v)
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('case.modal.photosRequired'))),
                    },
                  ]
                : []
            }
            extra={photosRequired ? t('case.modal.photosRequired') : undefined}
          >
            {/* The grid worker verifies on the spot: the phone opens its back camera. */}
            <PhotoUploader camera={action === 'verify'} data-testid="action-photos" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

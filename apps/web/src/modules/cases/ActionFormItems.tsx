import { Alert, Form, Input, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EVALUATIONS, type CaseAction, type CaseDetail, type Evaluation } from './case-types';
import { CaseSearchSelect, DeadlinePicker, DepartmentSelect, deadlineIso } from './ActionFields';
import { PhotoUploader, photoIds, photosUploading, type PhotoItem } from '../../kit/PhotoUploader';

export interface ActionValues {
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

export const ACTION_FIELDS = [
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

/** The form field an API error path belongs to (`attachmentIds.0` → the photos). */
export const actionFieldOf = (path: string) => {
  const head = path.replace(/^body[./]/, '').split(/[./[]/)[0] ?? '';
  return head === 'attachmentIds' ? 'photos' : head;
};

/** What each action asks for (docs/api-cases.md): `*` required. */
export const NEEDS: Record<CaseAction, readonly string[]> = {
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

/** The inputs one action needs, inside the action dialog's form. */
export function ActionFormItems({
  action,
  detail,
  noDepartments,
}: {
  action: CaseAction;
  detail: CaseDetail;
  noDepartments: boolean;
}) {
  const { t } = useTranslation();
  const needs = NEEDS[action];
  const has = (f: string) => needs.includes(f) || needs.includes(`${f}*`);
  const req = (f: string) => needs.includes(`${f}*`);
  const photosRequired = (action === 'feedback' || action === 'self_handle') && detail.photoRequired;
  const actionLabel = t(`case.action.${action}`);
  const required = (label: string) => ({ required: true, message: t('common.required', { field: label }) });
  const textRule = (label: string, on: boolean) => (on ? [{ ...required(label), whitespace: true }] : []);

  return (
    <>
      {needs.length === 0 && (
        <Typography.Paragraph>{t('case.modal.confirm', { action: actionLabel })}</Typography.Paragraph>
      )}
      {has('targetCaseId') && (
        <Form.Item
          name="targetCaseId"
          label={t('case.modal.targetCase')}
          rules={[required(t('case.modal.targetCase'))]}
        >
          <CaseSearchSelect exceptId={detail.id} />
        </Form.Item>
      )}
      {has('departmentId') && noDepartments && (
        <Alert type="warning" showIcon title={t('case.modal.noDepartments')} style={{ marginBottom: 16 }} />
      )}
      {has('departmentId') && (
        <Form.Item
          name="departmentId"
          label={t('case.modal.department')}
          rules={[required(t('case.modal.department'))]}
        >
          <DepartmentSelect
            caseId={detail.id}
            placeholder={t('case.modal.departmentPlaceholder')}
            data-testid="action-department"
          />
        </Form.Item>
      )}
      {has('coDepartmentIds') && (
        <Form.Item name="coDepartmentIds" label={t('case.modal.coDepartments')}>
          <DepartmentSelect caseId={detail.id} multiple data-testid="action-co-departments" />
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
        <Form.Item
          name="approved"
          label={t('case.modal.approved')}
          rules={[required(t('case.modal.approved'))]}
        >
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
        <Form.Item
          name="evaluation"
          label={t('case.modal.evaluation')}
          rules={[required(t('case.modal.evaluation'))]}
        >
          <Radio.Group
            data-testid="action-evaluation"
            options={EVALUATIONS.map((e) => ({ value: e, label: t(`case.evaluation.${e}`) }))}
          />
        </Form.Item>
      )}
      {has('reason') && (
        <Form.Item
          name="reason"
          label={t('case.modal.reason')}
          rules={[...textRule(t('case.modal.reason'), req('reason')), { max: 1000 }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={1000}
            placeholder={t('case.modal.reasonPlaceholder')}
            data-testid="action-reason"
          />
        </Form.Item>
      )}
      {has('result') && (
        <Form.Item
          name="result"
          label={t('case.modal.result')}
          rules={[...textRule(t('case.modal.result'), true), { max: 4000 }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={4000}
            placeholder={t('case.modal.resultPlaceholder')}
            data-testid="action-result"
          />
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
    </>
  );
}

import { useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Typography,
} from 'antd';
import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { isApiError } from '../lib/api';
import { errorMessage, isStaleVersion } from '../lib/error-message';
import { applyFieldErrors, explainedByFields } from '../lib/form-errors';
import { DISPLAY_TZ } from '../lib/time';
import {
  PhotoUploader,
  photoIds,
  photosRequiredRule,
  photosUploading,
  type PhotoItem,
} from './PhotoUploader';
import { fieldsOf, type SchemaField } from './schema-fields';

/** What a page may say about one field beyond what the schema knows. */
export interface FieldWidget {
  label?: ReactNode;
  extra?: ReactNode;
  placeholder?: string;
  /** The input itself (Form.Item hands it value and onChange); the default is chosen from the schema type. */
  input?: ReactNode;
  /** Rules beyond "required" (a deadline that must lie ahead). */
  rules?: FormRule[];
  /** Words for true and false of a yes/no field. */
  yes?: ReactNode;
  no?: ReactNode;
  testId?: string;
}

export interface WorkflowActionModalProps {
  title: ReactNode;
  /** The action's name: the OK button and the success message. */
  actionLabel: string;
  /** The action's input schema, shared with the API (packages/shared). */
  schema: z.ZodObject;
  /** The version of the record the user is looking at: a newer one answers 409 STALE_VERSION. */
  version: number;
  /** A field's label when no widget names it. */
  label: (key: string) => string;
  /** An enum option's words. */
  optionLabel?: (key: string, value: string) => ReactNode;
  widgets?: Record<string, FieldWidget>;
  initialValues?: Record<string, unknown>;
  /** Shown above the fields (a warning that no department can be chosen). */
  notice?: ReactNode;
  danger?: boolean;
  /** Posts `{ ...input, version }`; resolves with the API's answer. */
  send: (body: Record<string, unknown>) => Promise<unknown>;
  onDone: (answer: unknown) => void;
  /** The record changed under the user (409) or the action is no longer allowed: reload it. */
  onReload: () => void;
  onClose: () => void;
}

/** The picker shows Beijing wall-clock time whatever the browser's zone; this is that moment in UTC. */
export const beijingIso = (value: Dayjs) =>
  dayjs.tz(value.format('YYYY-MM-DDTHH:mm'), DISPLAY_TZ).toISOString();

/** The API body from the form: trimmed text, empty left out, moments in UTC, uploads as their ids. */
export function bodyOf(
  fields: readonly SchemaField[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    let v = values[f.key];
    if (typeof v === 'string') v = v.trim() || undefined;
    else if (f.kind === 'attachments') v = photoIds(v as PhotoItem[] | undefined);
    else if (f.kind === 'datetime' && v) v = beijingIso(v as Dayjs);
    else if (f.kind === 'date' && v) v = (v as Dayjs).format('YYYY-MM-DD');
    if (Array.isArray(v) && v.length === 0) v = undefined;
    if (v !== undefined && v !== null) body[f.key] = v;
  }
  return body;
}

const REFUSED = new Set(['TRANSITION_NOT_ALLOWED', 'ACTION_NOT_ALLOWED']);

/**
 * One workflow action as a dialog built from the action's input schema: a field per key, required where the
 * schema requires it, posted with the record's version. A stale version offers a reload; a refused action says
 * so and keeps the dialog from sending again.
 */
export function WorkflowActionModal(p: WorkflowActionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const fields = useMemo(() => fieldsOf(p.schema), [p.schema]);
  const keys = useMemo(() => fields.map((f) => f.key), [fields]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // A double click would post the same version twice and the second would read as someone else's change.
  const busy = useRef(false);
  const stale = isStaleVersion(error);
  const refused = isApiError(error) && REFUSED.has(error.code);

  const submit = async (values: Record<string, unknown>) => {
    if (busy.current) return;
    if (fields.some((f) => f.kind === 'attachments' && photosUploading(values[f.key] as PhotoItem[]))) {
      void message.warning(t('kit.photo.uploading'));
      return;
    }
    busy.current = true;
    setSending(true);
    setError(null);
    try {
      const answer = await p.send({ ...bodyOf(fields, values), version: p.version });
      void message.success(t('kit.action.done', { action: p.actionLabel }));
      p.onDone(answer);
    } catch (caught) {
      setError(caught);
      applyFieldErrors(form, keys, caught);
      if (isApiError(caught) && REFUSED.has(caught.code)) p.onReload();
    } finally {
      busy.current = false;
      setSending(false);
    }
  };

  return (
    <Modal
      open
      title={p.title}
      okText={p.actionLabel}
      cancelText={t('common.cancel')}
      onCancel={p.onClose}
      onOk={() => form.submit()}
      confirmLoading={sending}
      okButtonProps={{ 'data-testid': 'action-submit', disabled: stale || refused, danger: p.danger }}
      destroyOnHidden
      maskClosable={false}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={p.initialValues}
        onFinish={(values) => void submit(values)}
        data-testid="action-form"
      >
        {error != null && !explainedByFields(error, keys) && (
          <Alert
            type={stale || refused ? 'warning' : 'error'}
            showIcon
            title={
              refused ? t('kit.action.notAllowed') : stale ? t('kit.action.stale') : errorMessage(t, error)
            }
            description={refused ? errorMessage(t, error) : undefined}
            action={
              stale ? (
                <Button
                  size="small"
                  onClick={() => {
                    p.onReload();
                    p.onClose();
                  }}
                  data-testid="stale-reload"
                >
                  {t('common.reload')}
                </Button>
              ) : undefined
            }
            style={{ marginBottom: 16 }}
            data-testid={refused ? 'action-refused' : 'action-error'}
          />
        )}
        {p.notice}
        {fields.length === 0 && (
          <Typography.Paragraph>{t('kit.action.confirm', { action: p.actionLabel })}</Typography.Paragraph>
        )}
        {fields.map((f) => (
          <SchemaFormItem key={f.key} field={f} {...p} widget={p.widgets?.[f.key]} />
        ))}
      </Form>
    </Modal>
  );
}

/** The validator's type per kind: without one it checks for a string, which a list or a number never is. */
const RULE_TYPE: Partial<Record<SchemaField['kind'], 'boolean' | 'array' | 'number' | 'object'>> = {
  boolean: 'boolean',
  orgs: 'array',
  number: 'number',
  datetime: 'object',
  date: 'object',
};

function SchemaFormItem({
  field: f,
  widget: w = {},
  label,
  optionLabel,
}: { field: SchemaField; widget?: FieldWidget } & Pick<WorkflowActionModalProps, 'label' | 'optionLabel'>) {
  const { t } = useTranslation();
  const name = w.label ?? label(f.key);
  const testId = w.testId ?? `action-${f.key}`;
  const required: FormRule[] = !f.required
    ? []
    : f.kind === 'attachments'
      ? [photosRequiredRule(t('common.required', { field: typeof name === 'string' ? name : f.key }))]
      : [
          {
            required: true,
            // Only text may be "filled" with blanks; a yes/no or a picked id is typed by its own value.
            ...(f.kind === 'text' || f.kind === 'textarea'
              ? { whitespace: true }
              : // Without a type the validator expects a string: a number or a picked moment would fail.
                { type: RULE_TYPE[f.kind] }),
            message: t('common.required', { field: typeof name === 'string' ? name : f.key }),
          },
        ];
  const max: FormRule[] = f.max && f.kind !== 'number' ? [{ max: f.max }] : [];
  const yesNo: [ReactNode, ReactNode] = [w.yes ?? t('kit.action.yes'), w.no ?? t('kit.action.no')];
  const input = w.input ?? defaultInput(f, testId, w, optionLabel, yesNo);
  return (
    <Form.Item name={f.key} label={name} extra={w.extra} rules={[...required, ...max, ...(w.rules ?? [])]}>
      {input}
    </Form.Item>
  );
}

function defaultInput(
  f: SchemaField,
  testId: string,
  w: FieldWidget,
  optionLabel: WorkflowActionModalProps['optionLabel'],
  [yes, no]: [ReactNode, ReactNode],
): ReactNode {
  switch (f.kind) {
    case 'text':
      return <Input maxLength={f.max} placeholder={w.placeholder} data-testid={testId} />;
    case 'textarea':
      return <Input.TextArea rows={3} maxLength={f.max} placeholder={w.placeholder} data-testid={testId} />;
    case 'boolean':
      return (
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid={testId}
          options={[
            { value: true, label: yes },
            { value: false, label: no },
          ]}
        />
      );
    case 'enum': {
      const options = (f.options ?? []).map((v) => ({ value: v, label: optionLabel?.(f.key, v) ?? v }));
      return options.length <= 4 ? (
        <Radio.Group data-testid={testId} options={options} />
      ) : (
        <Select data-testid={testId} options={options} placeholder={w.placeholder} />
      );
    }
    case 'datetime':
      return (
        <DatePicker
          showTime={{ format: 'HH:mm', minuteStep: 5 }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
          inputReadOnly
          data-testid={testId}
        />
      );
    case 'date':
      return <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} inputReadOnly data-testid={testId} />;
    case 'org':
      return <OrgTreeSelect placeholder={w.placeholder} style={{ width: '100%' }} data-testid={testId} />;
    case 'orgs':
      return (
        <OrgTreeSelect multiple placeholder={w.placeholder} style={{ width: '100%' }} data-testid={testId} />
      );
    case 'attachments':
      return <PhotoUploader data-testid={testId} />;
    case 'number':
      return (
        <InputNumber
          min={f.min ?? 0}
          max={f.max}
          {...(f.integer ? { precision: 0 } : {})}
          style={{ width: '100%' }}
          data-testid={testId}
        />
      );
  }
}

import { useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, explainedByFields } from '../lib/form-errors';
import { errorMessage, isStaleVersion } from '../lib/error-message';

interface Common<V> {
  title: ReactNode;
  okText?: ReactNode;
  danger?: boolean;
  /** The form's field names: an API error naming one of these is shown on the field, not above the form. */
  fields: readonly string[];
  initialValues?: Partial<V>;
  onClose: () => void;
  /** Given for edit forms: reloads the record after a stale-version answer (409 STALE_VERSION). */
  onReload?: () => void;
  /** Pages that keep the dialog mounted pass `open`; closed, nothing is rendered and the form starts afresh. */
  open?: boolean;
  testId: string;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

/** The caller runs the mutation and hands in its state (and applies field errors in its onError). */
interface Controlled<V> extends Common<V> {
  form: FormInstance<V>;
  saving: boolean;
  /** The mutation's error, or null. */
  error: unknown;
  onFinish: (values: V) => void;
  onSubmit?: never;
}

/** The dialog owns the form: `onSubmit` resolves to close it, or throws the API's error to show it. */
interface Owned<V> extends Common<V> {
  form?: FormInstance<V>;
  onSubmit: (values: V) => Promise<unknown>;
  saving?: never;
  error?: never;
  onFinish?: never;
}

export type FormModalProps<V> = Controlled<V> | Owned<V>;

/**
 * A dialog holding one form: OK submits, the button spins while saving, API field errors sit under their fields
 * and any other error shows above the form, as a warning with a reload button when someone else saved first.
 */
export function FormModal<V extends object>(props: FormModalProps<V>) {
  if (props.open === false) return null;
  return <OpenFormModal {...props} />;
}

function OpenFormModal<V extends object>(props: FormModalProps<V>) {
  const { t } = useTranslation();
  const [own] = Form.useForm<V>();
  const form = props.form ?? own;
  const [ownSaving, setOwnSaving] = useState(false);
  const [ownError, setOwnError] = useState<unknown>(null);
  // A double click must not send the same version twice: the second would read as someone else's change.
  const sending = useRef(false);
  const saving = props.onSubmit ? ownSaving : props.saving;
  const error = props.onSubmit ? ownError : props.error;
  const stale = isStaleVersion(error);

  const finish = async (values: V) => {
    if (!props.onSubmit) return props.onFinish(values);
    if (sending.current) return;
    sending.current = true;
    setOwnSaving(true);
    setOwnError(null);
    try {
      await props.onSubmit(values);
      props.onClose();
    } catch (caught) {
      applyFieldErrors(form, props.fields, caught);
      setOwnError(caught);
    } finally {
      sending.current = false;
      setOwnSaving(false);
    }
  };

  return (
    <Modal
      open
      title={props.title}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={{ disabled: stale, danger: props.danger, 'data-testid': `${props.testId}-ok` }}
      destroyOnHidden
      maskClosable={false}
    >
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={(values) => void finish(values)}
        data-testid={props.testId}
      >
        {error != null && !explainedByFields(error, props.fields) && (
          <Alert
            type={stale ? 'warning' : 'error'}
            showIcon
            title={errorMessage(t, error)}
            action={
              stale && props.onReload ? (
                <Button
                  size="small"
                  onClick={() => {
                    setOwnError(null);
                    props.onReload?.();
                  }}
                  data-testid="stale-reload"
                >
                  {t('common.reload')}
                </Button>
              ) : undefined
            }
            style={{ marginBottom: 16 }}
            data-testid={`${props.testId}-error`}
          />
        )}
        {typeof props.children === 'function' ? props.children(form) : props.children}
      </Form>
    </Modal>
  );
}

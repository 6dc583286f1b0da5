import type { ReactNode } from 'react';
import { Alert, Button, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { explainedByFields } from '../lib/form-errors';
import { errorMessage, isStaleVersion } from '../lib/error-message';

/**
 * A dialog holding one form that saves through one mutation: OK submits, the button spins while saving, field
 * errors from the API sit on their fields (the caller's onError applies them) and any other error shows above
 * the form — as a warning with a reload button when someone else saved first (409 STALE_VERSION).
 */
export function FormModal<V extends object>({
  title,
  okText,
  form,
  fields,
  saving,
  error,
  onFinish,
  onClose,
  onReload,
  initialValues,
  testId,
  children,
}: {
  title: ReactNode;
  okText?: string;
  form: FormInstance<V>;
  /** The form's field names: an API error naming one of these is shown on the field, not above the form. */
  fields: readonly string[];
  saving: boolean;
  /** The mutation's error, or null. */
  error: unknown;
  onFinish: (values: V) => void;
  onClose: () => void;
  /** Given for edit forms: reloads the record after a stale-version answer. */
  onReload?: () => void;
  initialValues?: Partial<V>;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const stale = isStaleVersion(error);
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={{ disabled: stale }}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        data-testid={testId}
      >
        {error != null && !explainedByFields(error, fields) && (
          <Alert
            type={stale ? 'warning' : 'error'}
            showIcon
            title={errorMessage(t, error)}
            action={
              stale && onReload ? (
                <Button size="small" onClick={onReload} data-testid="stale-reload">
                  {t('common.reload')}
                </Button>
              ) : undefined
            }
            style={{ marginBottom: 16 }}
            data-testid={`${testId}-error`}
          />
        )}
        {children}
      </Form>
    </Modal>
  );
}

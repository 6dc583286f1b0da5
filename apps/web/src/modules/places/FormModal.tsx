import { type ReactNode } from 'react';
import { App, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { applyFieldErrors } from '../../lib/form-errors';

interface Props<V> {
  open: boolean;
  title: ReactNode;
  fields: readonly string[];
  initialValues?: Partial<V>;
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  testId?: string;
  okText?: ReactNode;
  danger?: boolean;
}

/** A form in a modal: server 400s land under their fields, anything else becomes a toast. */
export function FormModal<V extends object>(p: Props<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await p.onSubmit(values);
      form.resetFields();
      p.onClose();
    } catch (error) {
      if (!applyFieldErrors(form, p.fields, error)) void message.error(errorMessage(t, error));
    }
  };
  return (
    <Modal
      open={p.open}
      title={p.title}
      onCancel={p.onClose}
      onOk={() => void submit()}
      okText={p.okText}
      okButtonProps={{ danger: p.danger, 'data-testid': `${p.testId ?? 'form'}-ok` }}
      destroyOnHidden
      data-testid={p.testId}
    >
      <Form form={form} layout="vertical" initialValues={p.initialValues} preserve={false}>
        {typeof p.children === 'function' ? p.children(form) : p.children}
      </Form>
    </Modal>
  );
}

import { App, Alert, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, explainedByFields } from '../../lib/form-errors';
import { errorMessage } from '../../lib/error-message';
import { passwordPolicyRule } from '../../lib/password-rule';
import { userWrites, type User } from './user-api';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useMutation({
    mutationFn: (password: string) => userWrites.resetPassword(user.id, password),
    onSuccess: () => {
      void message.success(t('user.resetDone'));
      onClose();
    },
    onError: (error) => applyFieldErrors(form, ['password'], error),
  });

  return (
    <Modal
      open
      title={t('user.resetPasswordTitle', { name: user.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => reset.mutate(values.password)}>
        {reset.isError && !explainedByFields(reset.error, ['password']) && (
          <Alert type="error" showIcon title={errorMessage(t, reset.error)} style={{ marginBottom: 16 }} />
        )}
        <Form.Item
          name="password"
          label={t('user.newPassword')}
          extra={t('password.hint')}
          rules={[
            { required: true, message: t('common.required', { field: t('user.newPassword') }) },
            passwordPolicyRule(t),
          ]}
        >
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

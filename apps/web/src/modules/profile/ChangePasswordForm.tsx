import { App, Alert, Button, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQueryKey } from '../../app/auth';
import { api } from '../../lib/api';
import { applyFieldErrors, explainedByFields } from '../../lib/form-errors';
import { errorMessage } from '../../lib/error-message';
import { passwordPolicyRule } from '../../lib/password-rule';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}
const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();

  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) =>
      api<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
    onSuccess: async () => {
      form.resetFields();
      void message.success(t('profile.changed'));
      // mustChangePassword is now false on the server; the shell unlocks once me reflects it.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      onChanged();
    },
    onError: (error) => applyFieldErrors(form, FIELDS, error),
  });

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(values) => change.mutate(values)}
      style={{ maxWidth: 420 }}
      data-testid="change-password-form"
    >
      {change.isError && !explainedByFields(change.error, FIELDS) && (
        <Alert type="error" showIcon title={errorMessage(t, change.error)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="currentPassword"
        label={t('profile.currentPassword')}
        rules={[required(t('profile.currentPassword'))]}
      >
        <Input.Password autoComplete="current-password" data-testid="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('profile.newPassword')}
        extra={t('password.hint')}
        dependencies={['currentPassword']}
        rules={[
          required(t('profile.newPassword')),
          passwordPolicyRule(t),
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value === getFieldValue('currentPassword'))
                throw new Error(t('profile.sameAsCurrent'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('profile.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          required(t('profile.confirmPassword')),
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('profile.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={change.isPending}
        data-testid="change-password-submit"
      >
        {t('profile.submit')}
      </Button>
    </Form>
  );
}

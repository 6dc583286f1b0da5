import { App, Alert, Button, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, explainedByFields } from '../../lib/form-errors';
import { errorMessage, isStaleVersion } from '../../lib/error-message';
import { ORG_CODE, orgKeys, orgWrites, type Org } from './org-api';

interface Values {
  name: string;
  code?: string;
}
const FIELDS = ['name', 'code'] as const;

export function OrgEditModal({ org, onClose }: { org: Org; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();

  const update = useMutation({
    // The version shown is the one we send: if someone saved in between, the API answers 409.
    mutationFn: (values: Values) =>
      orgWrites.update(org.id, {
        name: values.name.trim(),
        code: values.code?.trim() || null,
        version: org.version,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(orgKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      void message.success(t('org.renamed'));
      onClose();
    },
    onError: (error) => applyFieldErrors(form, FIELDS, error),
  });

  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: orgKeys.detail(org.id) });
    update.reset();
  };

  return (
    <Modal
      open
      title={t('org.renameTitle', { name: org.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      okButtonProps={{ disabled: isStaleVersion(update.error) }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ name: org.name, code: org.code ?? '' }}
        onFinish={(values) => update.mutate(values)}
        data-testid="org-edit-form"
      >
        {update.isError && !explainedByFields(update.error, FIELDS) && (
          <Alert
            type={isStaleVersion(update.error) ? 'warning' : 'error'}
            showIcon
            title={errorMessage(t, update.error)}
            action={
              isStaleVersion(update.error) ? (
                <Button size="small" onClick={() => void reload()} data-testid="stale-reload">
                  {t('common.reload')}
                </Button>
              ) : undefined
            }
            style={{ marginBottom: 16 }}
            data-testid="org-edit-error"
          />
        )}
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('org.name') }) },
            { max: 100 },
          ]}
        >
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('org.code')}
          rules={[{ pattern: ORG_CODE, message: t('org.codeRule') }]}
        >
          <Input placeholder={t('org.codePlaceholder')} maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

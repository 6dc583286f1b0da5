import { App, Form } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../kit/FormModal';
import { OrgNameCodeItems } from './OrgNameCodeItems';
import { applyFieldErrors } from '../../lib/form-errors';
import { orgKeys, orgWrites, type Org } from './org-api';

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
    <FormModal<Values>
      title={t('org.renameTitle', { name: org.name })}
      form={form}
      fields={FIELDS}
      saving={update.isPending}
      error={update.error}
      onFinish={(values) => update.mutate(values)}
      onClose={onClose}
      onReload={() => void reload()}
      initialValues={{ name: org.name, code: org.code ?? '' }}
      testId="org-edit-form"
    >
      <OrgNameCodeItems />
    </FormModal>
  );
}

import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { applyFieldErrors } from '../../lib/form-errors';
import { keyKeys, keyWrites, type CreateKeyBody } from './keys-api';

const FIELDS = ['name', 'owner', 'contact', 'hourlyLimit'] as const;

/** Asks for the key's details, then shows the key once with a copy button; closing forgets it. */
export function CreateKeyModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateKeyBody>();
  const [key, setKey] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (body: CreateKeyBody) => keyWrites.create(body),
    onSuccess: (created) => {
      setKey(created.key);
      void queryClient.invalidateQueries({ queryKey: keyKeys.all });
    },
    onError: (error) => {
      if (!applyFieldErrors(form, FIELDS, error)) void message.error(errorMessage(t, error));
    },
  });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(key ?? '');
      void message.success(t('open311.copied'));
    } catch {
      void message.warning(t('open311.copyFailed'));
    }
  };

  if (key)
    return (
      <Modal
        open
        title={t('open311.createdTitle')}
        onCancel={onClose}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={onClose} data-testid="open311-key-done">
            {t('open311.done')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('open311.createdWarning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          code
          copyable={false}
          style={{ wordBreak: 'break-all', fontSize: 15 }}
          data-testid="open311-new-key"
        >
          {key}
        </Typography.Paragraph>
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="open311-copy-key">
          {t('open311.copy')}
        </Button>
      </Modal>
    );

  return (
    <Modal
      open
      title={t('open311.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'open311-key-save' }}
    >
      <Form<CreateKeyBody>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          create.mutate({
            name: values.name.trim(),
            owner: values.owner.trim(),
            contact: values.contact?.trim() || undefined,
            hourlyLimit: values.hourlyLimit ?? undefined,
          })
        }
      >
        <Form.Item
          name="name"
          label={t('open311.name')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input data-testid="open311-key-name" />
        </Form.Item>
        <Form.Item
          name="owner"
          label={t('open311.owner')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input data-testid="open311-key-owner" />
        </Form.Item>
        <Form.Item name="contact" label={t('open311.contact')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="hourlyLimit" label={t('open311.hourlyLimit')} extra={t('open311.hourlyLimitHelp')}>
          <InputNumber min={1} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

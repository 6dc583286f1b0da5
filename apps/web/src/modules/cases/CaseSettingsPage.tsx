import { useEffect } from 'react';
import { App, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MAX_CALLBACK_DAYS } from '@civicgrid/shared/case-return-visit';
import { useCan } from '../../app/auth';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/error-message';
import { applyFieldErrors } from '../../lib/form-errors';
import { ReplyTemplatesCard } from './ReplyTemplatesCard';
import { returnVisitApi, returnVisitKeys, useReturnVisitSettings } from './return-visit-api';

/** 事件设置: the district's call-back time (回访); changed by holders of category.manage, read by the centre. */
function ReturnVisitCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useReturnVisitSettings();
  const canEdit = useCan('category.manage');
  const [form] = Form.useForm<{ callbackDays: number }>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: returnVisitApi.saveSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(returnVisitKeys.settings, saved);
      void message.success(t('caseReturn.settings.saved'));
    },
    onError: (err) => {
      if (!applyFieldErrors(form, ['callbackDays'], err)) void message.error(errorMessage(t, err));
    },
  });
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Card
      title={t('caseReturn.settings.returnVisit')}
      loading={settings.isPending}
      data-testid="case-settings-return-visit"
    >
      <Form form={form} layout="vertical" disabled={!canEdit} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="callbackDays"
          label={t('caseReturn.settings.callbackDays')}
          extra={t('caseReturn.settings.callbackHint')}
          rules={[{ required: true, type: 'integer', min: 1, max: MAX_CALLBACK_DAYS }]}
        >
          <InputNumber
            min={1}
            max={MAX_CALLBACK_DAYS}
            precision={0}
            data-testid="case-settings-callback-days"
          />
        </Form.Item>
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="case-settings-save">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

export default function CaseSettingsPage() {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="case-settings-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('caseReturn.settings.title')}
      </Typography.Title>
      <ReturnVisitCard />
      <ReplyTemplatesCard />
    </Space>
  );
}

import { Button, Form, Input, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Second step of a sign-in: the code from the authenticator app, or a recovery code. */
export function SecondFactorStep(props: {
  pending: boolean;
  onCode: (code: string) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  return (
    <Form<{ code: string }>
      form={form}
      layout="vertical"
      requiredMark={false}
      aria-label={t('secondFactor.codeTitle')}
      onFinish={(v) => {
        props.onCode(v.code.trim());
        form.setFieldValue('code', '');
      }}
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <SafetyCertificateOutlined /> {t('secondFactor.codeTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('secondFactor.codeBody')}</Typography.Paragraph>
      <Form.Item
        name="code"
        label={t('secondFactor.code')}
        rules={[{ required: true, whitespace: true, message: t('secondFactor.codeRequired') }]}
      >
        <Input
          placeholder={t('secondFactor.codePlaceholder')}
          autoComplete="one-time-code"
          inputMode="text"
          autoFocus
          size="large"
          maxLength={20}
          data-testid="login-code"
        />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={props.pending}
        data-testid="login-code-submit"
      >
        {t('secondFactor.verify')}
      </Button>
      <Button type="link" block onClick={props.onBack} style={{ marginTop: 8 }}>
        {t('secondFactor.back')}
      </Button>
    </Form>
  );
}

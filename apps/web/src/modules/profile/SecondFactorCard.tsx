import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { meQueryKey } from '../../app/auth';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';

interface Status {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}
interface Enrolment {
  secret: string;
  otpauthUri: string;
}

const statusKey = ['auth', 'second-factor'] as const;

/** 双因素认证 on the profile page: set up (secret, link, QR), confirm with a code, keep the recovery codes. */
export function SecondFactorCard(props: { onEnrolled: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: statusKey, queryFn: () => api<Status>('/api/auth/second-factor') });
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const start = useMutation({
    mutationFn: () => api<Enrolment>('/api/auth/second-factor/enrol', { method: 'POST', body: {} }),
    onSuccess: setEnrolment,
  });
  const confirm = useMutation({
    mutationFn: (code: string) =>
      api<{ recoveryCodes: string[] }>('/api/auth/second-factor/confirm', { method: 'POST', body: { code } }),
    onSuccess: (r) => {
      setCodes(r.recoveryCodes);
      setEnrolment(null);
      void message.success(t('secondFactor.enrolled'));
      void queryClient.invalidateQueries({ queryKey: statusKey });
    },
  });
  const turnOff = useMutation({
    mutationFn: (password: string) =>
      api('/api/auth/second-factor/disable', { method: 'POST', body: { password } }),
    onSuccess: () => {
      void message.success(t('secondFactor.turnedOff'));
      void queryClient.invalidateQueries({ queryKey: statusKey });
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
  useEffect(() => {
    setQr(null);
    if (enrolment) void QRCode.toDataURL(enrolment.otpauthUri, { margin: 1, width: 180 }).then(setQr);
  }, [enrolment]);

  const s = status.data;
  if (codes) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="recovery-codes">
        <Alert
          type="warning"
          showIcon
          title={t('secondFactor.recoveryTitle')}
          description={t('secondFactor.recoveryBody')}
        />
        <List
          size="small"
          bordered
          grid={{ column: 2 }}
          dataSource={codes}
          renderItem={(c) => (
            <List.Item>
              <Typography.Text code copyable>
                {c}
              </Typography.Text>
            </List.Item>
          )}
        />
        <Button
          type="primary"
          data-testid="recovery-codes-done"
          onClick={() => {
            setCodes(null);
            void queryClient.invalidateQueries({ queryKey: meQueryKey }).then(props.onEnrolled);
          }}
        >
          {t('secondFactor.done')}
        </Button>
      </Space>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="second-factor-card">
      <Space>
        <Tag color={s?.enabled ? 'green' : 'default'} data-testid="second-factor-state">
          {s?.enabled ? t('secondFactor.enabled') : t('secondFactor.disabled')}
        </Tag>
        {s?.enabled && (
          <Typography.Text type="secondary">
            {t('secondFactor.recoveryLeft', { count: s.recoveryCodesLeft })}
          </Typography.Text>
        )}
      </Space>
      <Typography.Paragraph type={s?.required ? 'warning' : 'secondary'} style={{ margin: 0 }}>
        {s?.required ? t('secondFactor.required') : t('secondFactor.optional')}
      </Typography.Paragraph>
      {enrolment ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('secondFactor.step1')}</Typography.Text>
          {qr && <img src={qr} alt="otpauth QR" width={180} height={180} data-testid="second-factor-qr" />}
          <Typography.Text>
            {t('secondFactor.secret')}:{' '}
            <Typography.Text code copyable data-testid="second-factor-secret">
              {enrolment.secret}
            </Typography.Text>
          </Typography.Text>
          <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
            {t('secondFactor.uri')}: <Typography.Text copyable>{enrolment.otpauthUri}</Typography.Text>
          </Typography.Text>
          <Typography.Text>{t('secondFactor.step2')}</Typography.Text>
          {confirm.error && <Alert type="error" showIcon title={errorMessage(t, confirm.error)} />}
          <Form layout="inline" onFinish={(v: { code: string }) => confirm.mutate(v.code.trim())}>
            <Form.Item name="code" rules={[{ required: true, message: t('secondFactor.codeRequired') }]}>
              <Input placeholder="123456" maxLength={6} inputMode="numeric" data-testid="enrol-code" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={confirm.isPending} data-testid="enrol-confirm">
              {t('secondFactor.confirm')}
            </Button>
          </Form>
        </Space>
      ) : (
        <Space wrap>
          <Button
            type={s?.enabled ? 'default' : 'primary'}
            loading={start.isPending}
            onClick={() => start.mutate()}
            data-testid="enrol-start"
          >
            {s?.enabled ? t('secondFactor.restart') : t('secondFactor.start')}
          </Button>
        </Space>
      )}
      {s?.enabled && !s.required && !enrolment && (
        <Form layout="inline" onFinish={(v: { password: string }) => turnOff.mutate(v.password)}>
          <Form.Item name="password" rules={[{ required: true, message: t('secondFactor.turnOffPassword') }]}>
            <Input.Password placeholder={t('secondFactor.turnOffPassword')} autoComplete="current-password" />
          </Form.Item>
          <Button danger htmlType="submit" loading={turnOff.isPending}>
            {t('secondFactor.turnOff')}
          </Button>
          {turnOff.error && <Typography.Text type="danger">{errorMessage(t, turnOff.error)}</Typography.Text>}
        </Form>
      )}
    </Space>
  );
}

import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isSecondFactorDue, useLogin, useMeQuery, useSecondFactor, type Me } from '../../app/auth';
import { SecondFactorStep } from './SecondFactorStep';
import { LangToggle } from '../../components/LangToggle';
import { errorMessage } from '../../lib/error-message';
import { isApiError } from '../../lib/api';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-site paths: an open redirect through ?next= would hand users to another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<LoginForm>();
  const login = useLogin();
  const secondFactor = useSecondFactor();
  const [codeStep, setCodeStep] = useState(false);
  const session = useMeQuery();
  const next = safeNext(params.get('next'));
  // Where a signed-in user goes first: the forced password change, then the forced enrolment, then on.
  const landing = (me: Me) =>
    me.user.mustChangePassword
      ? '/profile?mustChange=1'
      : me.secondFactor?.mustEnrol
        ? '/profile?enrol=1'
        : next;

  if (session.data && !login.isPending && !secondFactor.isPending) {
    return <Navigate to={landing(session.data)} replace />;
  }

  const onFinish = (values: LoginForm) => {
    login.mutate(values, {
      onSuccess: (r) => {
        if (isSecondFactorDue(r)) setCodeStep(true);
        else void navigate(landing(r), { replace: true });
      },
      onError: () => form.setFieldValue('password', ''),
    });
  };
  const onCode = (code: string) =>
    secondFactor.mutate(
      { code },
      {
        onSuccess: (me) => void navigate(landing(me), { replace: true }),
        onError: (e) => {
          // A lock or an ended session sends the user back to the password step.
          if (isApiError(e) && e.code !== 'INVALID_SECOND_FACTOR') setCodeStep(false);
        },
      },
    );

  const error = codeStep ? secondFactor.error : login.error;
  const locked = isApiError(error) && error.code === 'ACCOUNT_LOCKED';

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #0b2a5b 0%, #1668dc 55%, #e6f0ff 100%)',
      }}
    >
      <div style={{ position: 'absolute', top: 12, right: 12 }}>
        <LangToggle onDark />
      </div>
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 12px 40px rgba(0,0,0,0.18)' }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: '12px 0 4px' }} data-testid="product-name">
            CivicGrid
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
        </div>
        {error && (
          <Alert
            type={locked ? 'warning' : 'error'}
            showIcon
            title={errorMessage(t, error)}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
            role="alert"
          />
        )}
        {codeStep ? (
          <SecondFactorStep
            pending={secondFactor.isPending}
            onCode={onCode}
            onBack={() => {
              secondFactor.reset();
              setCodeStep(false);
            }}
          />
        ) : (
          <Form<LoginForm>
            form={form}
            layout="vertical"
            onFinish={onFinish}
            requiredMark={false}
            aria-label={t('auth.title')}
          >
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                placeholder={t('auth.usernamePlaceholder')}
                autoComplete="username"
                autoFocus
                size="large"
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('auth.passwordPlaceholder')}
                autoComplete="current-password"
                size="large"
                data-testid="login-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t('auth.submit')}
            </Button>
          </Form>
        )}
      </Card>
      <Typography.Text style={{ marginTop: 24, color: 'rgba(255,255,255,0.85)' }}>
        {t('auth.footer')}
      </Typography.Text>
    </div>
  );
}

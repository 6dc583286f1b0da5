import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';

const center = {
  minHeight: '100vh',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
} as const;

export function FullPageLoading() {
  const { t } = useTranslation();
  return (
    <div style={center} role="status" aria-label={t('common.loading')}>
      <Spin size="large" />
    </div>
  );
}

export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div style={center}>
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={errorMessage(t, error)}
        extra={
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        }
      />
    </div>
  );
}

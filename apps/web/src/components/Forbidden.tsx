import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

/** A page the caller may not open: say so, and offer the way back (the previous page, or the home page). */
export function Forbidden() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canGoBack = typeof window !== 'undefined' && window.history.length > 1;
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.body')}
      extra={
        <Space>
          {canGoBack && (
            <Button onClick={() => void navigate(-1)} data-testid="forbidden-back">
              {t('forbidden.back')}
            </Button>
          )}
          <Link to="/">
            <Button type="primary" data-testid="forbidden-home">
              {t('notFound.back')}
            </Button>
          </Link>
        </Space>
      }
    />
  );
}

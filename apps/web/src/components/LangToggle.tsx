import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { currentLang, setLang } from '../app/i18n/i18n';

/** `onDark`: white text for the login page's blue backdrop. */
export function LangToggle({ compact = false, onDark = false }: { compact?: boolean; onDark?: boolean }) {
  const { t } = useTranslation();
  const next = currentLang() === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => void setLang(next)}
      aria-label={t('app.switchLanguageLabel')}
      title={t('app.switchLanguageLabel')}
      data-testid="lang-toggle"
      lang={next}
      style={onDark ? { color: '#fff' } : undefined}
    >
      {compact ? (next === 'en' ? 'EN' : '中') : t('app.switchLanguage')}
    </Button>
  );
}

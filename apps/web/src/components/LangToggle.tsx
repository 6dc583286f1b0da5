import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { currentLang, setLang } from '../app/i18n/i18n';

export function LangToggle({ compact = false }: { compact?: boolean }) {
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
    >
      {compact ? (next === 'en' ? 'EN' : '中') : t('app.switchLanguage')}
    </Button>
  );
}

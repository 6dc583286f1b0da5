import { Suspense } from 'react';
import { App as AntApp, Button, Spin } from 'antd';
import {
  BookOutlined,
  FormOutlined,
  HomeOutlined,
  NotificationOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { currentLang, setLang } from '../../app/i18n/i18n';
import './portal.css';

const TABS = [
  { to: '/public', end: true, icon: <HomeOutlined />, key: 'home' },
  { to: '/public/report', end: false, icon: <FormOutlined />, key: 'report' },
  { to: '/public/track', end: false, icon: <SearchOutlined />, key: 'follow' },
  { to: '/public/notices', end: false, icon: <NotificationOutlined />, key: 'notices' },
  { to: '/public/policies', end: false, icon: <BookOutlined />, key: 'policies' },
] as const;

/** The residents' portal frame: no sign-in, no staff shell; a header with the language switch and bottom tabs. */
export default function PortalLayout() {
  const { t } = useTranslation();
  const next = currentLang() === 'en' ? 'zh-CN' : 'en';
  return (
    <AntApp>
      <div className="portal" data-testid="portal">
        <header className="portal-header">
          <Link to="/public">{t('publicSide.portal.brand')}</Link>
          <Button
            size="small"
            ghost
            onClick={() => void setLang(next)}
            aria-label={t('app.switchLanguageLabel')}
            data-testid="portal-lang"
            lang={next}
          >
            {next === 'en' ? 'EN' : '中文'}
          </Button>
        </header>
        <main className="portal-main">
          <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
            <Outlet />
          </Suspense>
        </main>
        <nav className="portal-tabs" aria-label={t('publicSide.portal.brand')}>
          {TABS.map((tab) => (
            <NavLink key={tab.key} to={tab.to} end={tab.end} data-testid={`portal-tab-${tab.key}`}>
              {tab.icon}
              <span>{t(`publicSide.portal.nav.${tab.key}`)}</span>
            </NavLink>
          ))}
        </nav>
      </div>
    </AntApp>
  );
}

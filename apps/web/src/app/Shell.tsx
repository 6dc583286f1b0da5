import { lazy, Suspense, useMemo, useState } from 'react';
import { Button, Drawer, Grid, Layout, Menu, Typography, theme } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LangToggle } from '../components/LangToggle';
import { useAuth } from './auth';
import { NAV_GROUPS, NAV_ITEMS, navKeyOf, type NavItem } from './nav';
import { UserMenu } from './UserMenu';

// The bell's list and popover are not needed to paint the first page: they load right after it.
const NotificationBell = lazy(() =>
  import('../modules/cases/NotificationBell').then((m) => ({ default: m.NotificationBell })),
);

const SIDER_WIDTH = 220;

function Brand({ collapsed = false }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  return (
    <div
      style={{
        height: 56,
        display: 'flex',
        alignItems: 'center',
        gap: 10,
        padding: collapsed ? '0 24px' : '0 20px',
      }}
    >
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!collapsed && (
        <span style={{ color: '#fff', lineHeight: 1.2 }}>
          <strong style={{ fontSize: 16 }}>{t('app.name')}</strong>
          <br />
          <span style={{ fontSize: 12, opacity: 0.75 }}>{t('app.tagline')}</span>
        </span>
      )}
    </div>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  // Until the first measurement arrives `md` is undefined; treat that as desktop to avoid a drawer flash.
  const isMobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  const items = useMemo(() => {
    const visible = NAV_ITEMS.filter((item) => !item.permission || can(item.permission));
    const entry = (item: NavItem) => ({
      key: item.path,
      icon: item.icon,
      label: <span data-testid={item.testId}>{t(item.label)}</span>,
    });
    // Labelled sections rather than submenus: every entry stays one click away.
    const sections = NAV_GROUPS.map((group) => ({
      type: 'group' as const,
      key: `group-${group}`,
      label: t(`menuGroup.${group}`),
      children: visible.filter((item) => item.group === group).map(entry),
    })).filter((section) => section.children.length > 0);
    return [...visible.filter((item) => !item.group).map(entry), ...sections];
  }, [can, t]);

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[navKeyOf(location.pathname)]}
      items={me.user.mustChangePassword ? [] : items}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
      aria-label={t('app.name')}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isMobile && (
        <Layout.Sider
          width={SIDER_WIDTH}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Brand collapsed={collapsed} />
          {menu}
        </Layout.Sider>
      )}
      {isMobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' }, header: { display: 'none' } }}
          data-testid="nav-drawer"
        >
          <Brand />
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            height: 56,
            padding: isMobile ? '0 8px' : '0 20px',
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {isMobile && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
              aria-label={t('app.openMenu')}
              data-testid="nav-toggle"
            />
          )}
          {/* On wide screens the side menu carries the product name; the header keeps to the user's tools. */}
          <Typography.Text strong ellipsis style={{ flex: 1, fontSize: 15, minWidth: 0 }}>
            {isMobile ? t('app.name') : ''}
          </Typography.Text>
          {!me.user.mustChangePassword && (
            <Suspense fallback={null}>
              <NotificationBell compact={isMobile} />
            </Suspense>
          )}
          <LangToggle compact={isMobile} />
          <UserMenu compact={isMobile} />
        </Layout.Header>
        <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

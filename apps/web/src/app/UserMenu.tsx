import { Avatar, Button, Dropdown, Typography } from 'antd';
import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth, useLogout } from './auth';

export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const logout = useLogout();

  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items: [
          {
            key: 'profile',
            icon: <UserOutlined />,
            label: <span data-testid="menu-profile">{t('menu.profile')}</span>,
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="logout">{t('menu.logout')}</span>,
          },
        ],
        onClick: ({ key }) => {
          if (key === 'profile') void navigate('/profile');
          if (key === 'logout') void logout();
        },
      }}
    >
      <Button
        type="text"
        data-testid="user-menu"
        aria-label={`${me.user.displayName} · ${me.user.orgName}`}
        style={{ height: 'auto', padding: '4px 8px', display: 'flex', alignItems: 'center', gap: 8 }}
      >
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1668dc' }} />
        <span
          style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', lineHeight: 1.25 }}
        >
          <Typography.Text
            strong
            data-testid="user-display-name"
            ellipsis
            style={{ maxWidth: compact ? 72 : 160 }}
          >
            {me.user.displayName}
          </Typography.Text>
          {!compact && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="user-org-name">
              {me.user.orgName}
            </Typography.Text>
          )}
        </span>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}

import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { DashboardOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { NAV_ITEMS } from '../../app/nav';
import { OrgLevelTag } from '../../components/OrgLevelTag';
import { useLang } from '../../lib/use-lang';
import { TaskInbox } from './TaskInbox';

export default function HomePage() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const { roleLabel } = useLang();
  const shortcuts = NAV_ITEMS.filter(
    (item) => item.path !== '/' && (!item.permission || can(item.permission)),
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {can('dashboard.read') && (
        <Link to="/dashboard" data-testid="home-dashboard-link">
          <Card hoverable size="small" style={{ borderColor: '#1668dc' }}>
            <Space>
              <DashboardOutlined style={{ fontSize: 24, color: '#1668dc' }} />
              <Typography.Text strong>{t('dashboard.title')}</Typography.Text>
            </Space>
          </Card>
        </Link>
      )}
      <Card data-testid="welcome-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.user.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('home.org')}>
            <Space size={8} wrap>
              <span data-testid="home-org">{me.user.orgName}</span>
              <OrgLevelTag level={me.user.orgLevel} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.permissions')}>
            <span data-testid="home-permission-count">
              {t('home.permissionCount', { count: me.permissions.length })}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.roles')} span="filled">
            {me.roles.length === 0 ? (
              <Typography.Text type="secondary">{t('home.noRoles')}</Typography.Text>
            ) : (
              <Space size={[4, 4]} wrap data-testid="home-roles">
                {me.roles.map((role) => (
                  <Tag key={role.id} color="blue">
                    {roleLabel(role)}
                  </Tag>
                ))}
              </Space>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <TaskInbox />
      {shortcuts.length > 0 && (
        <Card title={t('home.quickLinks')}>
          <Row gutter={[16, 16]}>
            {shortcuts.map((item) => (
              <Col key={item.path} xs={12} sm={8} lg={6}>
                <Link to={item.path}>
                  <Card hoverable size="small" style={{ textAlign: 'center' }}>
                    <div style={{ fontSize: 24, color: '#1668dc' }}>{item.icon}</div>
                    <div style={{ marginTop: 8 }}>{t(item.label)}</div>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </Card>
      )}
    </Space>
  );
}

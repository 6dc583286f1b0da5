import { Alert, Card, Col, Descriptions, Row, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { OrgLevelTag } from '../../components/OrgLevelTag';
import { useLang } from '../../lib/use-lang';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SecondFactorCard } from './SecondFactorCard';

export default function ProfilePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { roleLabel } = useLang();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const mustChange = me.user.mustChangePassword || params.get('mustChange') === '1';
  const mustEnrol = me.secondFactor.mustEnrol || params.get('enrol') === '1';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {mustChange && (
        <Alert
          type="warning"
          showIcon
          title={t('profile.mustChangeTitle')}
          description={t('profile.mustChangeBody')}
          data-testid="must-change-notice"
        />
      )}
      {mustEnrol && !mustChange && (
        <Alert
          type="warning"
          showIcon
          title={t('secondFactor.card')}
          description={t('secondFactor.required')}
          data-testid="must-enrol-notice"
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('profile.info')} style={{ height: '100%' }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('user.username')}>{me.user.username}</Descriptions.Item>
              <Descriptions.Item label={t('user.displayName')}>{me.user.displayName}</Descriptions.Item>
              <Descriptions.Item label={t('user.org')}>
                <Space size={8} wrap>
                  {me.user.orgName}
                  <OrgLevelTag level={me.user.orgLevel} />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('user.roles')}>
                <Space size={[4, 4]} wrap>
                  {me.roles.map((role) => (
                    <Tag key={role.id} color="blue">
                      {roleLabel(role)}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('home.permissions')}>
                {t('home.permissionCount', { count: me.permissions.length })}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('profile.changePassword')} style={{ height: '100%' }}>
            <ChangePasswordForm
              onChanged={() => {
                // Done with the forced change: continue to the home page instead of staying on the notice.
                if (mustChange) void navigate('/', { replace: true });
              }}
            />
          </Card>
        </Col>
        {!me.user.mustChangePassword && (
          <Col xs={24} lg={12}>
            <Card title={t('secondFactor.card')} style={{ height: '100%' }}>
              <SecondFactorCard
                onEnrolled={() => {
                  if (mustEnrol) void navigate('/', { replace: true });
                }}
              />
            </Card>
          </Col>
        )}
      </Row>
    </Space>
  );
}

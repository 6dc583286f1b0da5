import { Descriptions, Drawer, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useLang } from '../../lib/use-lang';
import { groupPermissions } from './permission-groups';
import { PermissionGroupLabel } from './PermissionGroupLabel';
import { usePermissionCatalog, type Role } from './role-api';

export function RolePermissionsDrawer({ role, onClose }: { role: Role; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang, roleLabel } = useLang();
  const catalog = usePermissionCatalog();
  const groups = catalog.data ? groupPermissions(catalog.data, new Set(role.permissions)) : [];

  return (
    <Drawer open onClose={onClose} title={t('role.viewTitle', { name: roleLabel(role) })} size={480}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text code>{role.code}</Typography.Text>
          {role.builtin ? <Tag color="gold">{t('role.builtin')}</Tag> : <Tag>{t('role.custom')}</Tag>}
          <Typography.Text type="secondary">
            {t('role.permissionCount', { count: role.permissions.length })}
          </Typography.Text>
        </Space>
        {catalog.isPending ? (
          <Skeleton active />
        ) : catalog.isError ? (
          <QueryError error={catalog.error} onRetry={() => void catalog.refetch()} />
        ) : groups.length === 0 ? (
          <Empty description={t('common.empty')} />
        ) : (
          <Descriptions column={1} bordered size="small" data-testid="role-permissions">
            {groups.map(({ group, items }) => (
              <Descriptions.Item key={group} label={<PermissionGroupLabel group={group} />}>
                <Space size={[4, 8]} wrap>
                  {items.map((permission) => (
                    <Tag key={permission.name} title={permission.name}>
                      {lang === 'en' ? permission.en : permission.zh}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
      </Space>
    </Drawer>
  );
}

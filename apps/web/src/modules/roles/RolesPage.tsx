import { useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/auth';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/error-message';
import { useLang } from '../../lib/use-lang';
import { roleKeys, roleWrites, useRoles, type Role } from './role-api';
import { RoleFormModal } from './RoleFormModal';
import { RolePermissionsDrawer } from './RolePermissionsDrawer';

type Dialog = { kind: 'view' | 'edit'; role: Role } | { kind: 'create' } | null;

export default function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { roleLabel } = useLang();
  const canManage = useCan('role.manage');
  const roles = useRoles();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);

  const remove = useMutation({
    mutationFn: (role: Role) => roleWrites.remove(role.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: roleKeys.all });
      void message.success(t('role.deleted'));
    },
    onError: (error) => void message.error(errorMessage(t, error)),
  });

  const columns: TableColumnsType<Role> = [
    {
      title: t('role.name'),
      key: 'name',
      render: (_, role) => <Typography.Text strong>{roleLabel(role)}</Typography.Text>,
    },
    {
      title: t('role.code'),
      dataIndex: 'code',
      key: 'code',
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('role.type'),
      key: 'builtin',
      width: 100,
      render: (_, role) =>
        role.builtin ? <Tag color="gold">{t('role.builtin')}</Tag> : <Tag>{t('role.custom')}</Tag>,
    },
    {
      title: t('role.permissions'),
      key: 'permissions',
      width: 220,
      render: (_, role) => (
        <Space size={4} wrap>
          {t('role.permissionCount', { count: role.permissions.length })}
          {role.pendingChangeId && (
            <Link to="/role-changes?status=pending">
              <Tag color="orange" data-testid={`role-pending-${role.code}`}>
                {t('roleChange.pendingTag')}
              </Tag>
            </Link>
          )}
        </Space>
      ),
    },
    { title: t('role.userCount'), dataIndex: 'userCount', key: 'userCount', width: 90, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, role) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            onClick={() => setDialog({ kind: 'view', role })}
            data-testid={`role-view-${role.code}`}
          >
            {t('common.view')}
          </Button>
          {canManage && !role.builtin && (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', role })}>
              {t('common.edit')}
            </Button>
          )}
          {canManage && !role.builtin && (
            <Popconfirm
              title={t('role.deleteConfirm', { name: roleLabel(role) })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              disabled={role.userCount > 0}
              onConfirm={() => remove.mutateAsync(role).catch(() => undefined)}
            >
              <Tooltip title={role.userCount > 0 ? t('role.deleteInUse') : undefined}>
                <Button type="link" size="small" danger disabled={role.userCount > 0}>
                  {t('common.delete')}
                </Button>
              </Tooltip>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('role.title')}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="roles-create"
          >
            {t('role.create')}
          </Button>
        )
      }
    >
      {roles.isError ? (
        <QueryError error={roles.error} onRetry={() => void roles.refetch()} />
      ) : (
        <Table<Role>
          rowKey="id"
          columns={columns}
          dataSource={roles.data ?? []}
          loading={roles.isPending}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('role.empty')} /> }}
          data-testid="roles-table"
        />
      )}
      {dialog?.kind === 'view' && (
        <RolePermissionsDrawer role={dialog.role} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'edit' && <RoleFormModal role={dialog.role} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'create' && <RoleFormModal onClose={() => setDialog(null)} />}
    </Card>
  );
}

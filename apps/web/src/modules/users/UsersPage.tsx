import { useMemo, useState } from 'react';
import { Grid, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../app/auth';
import { ListPage } from '../../kit/ListPage';
import { custom, org, search, select, UUID } from '../../kit/filters';
import { formatTime } from '../../lib/time';
import { useLang } from '../../lib/use-lang';
import { useRoles } from '../roles/role-api';
import { userKeys, type User } from './user-api';
import { UserFormModal } from './UserFormModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserRowActions } from './UserRowActions';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

export function UserStatusTags({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {user.status === 'active' ? (
        <Tag color="success">{t('user.active')}</Tag>
      ) : (
        <Tag color="default">{t('user.disabled')}</Tag>
      )}
      {user.locked && <Tag color="error">{t('user.locked')}</Tag>}
      {user.mustChangePassword && <Tag color="warning">{t('user.mustChange')}</Tag>}
    </Space>
  );
}

const USERS = { path: '/api/users', key: userKeys.all };

/** 用户管理: accounts in the caller's subtree, filtered through the URL; create, edit and reset behind user.manage. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { roleLabel } = useLang();
  const canManage = useCan('user.manage');
  // Only role readers may list roles; others filter without that dropdown.
  const canReadRoles = useCan('role.read');
  const roles = useRoles(canReadRoles);
  // Pinning the actions column helps on wide screens; on a phone it would cover the whole row.
  const wide = Grid.useBreakpoint().md !== false;
  const [params] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog>(null);
  const filters = useMemo(
    () => [
      search('q', { placeholder: t('user.searchPlaceholder'), testId: 'users-search' }),
      org('orgId', {
        includeDisabled: true,
        placeholder: t('user.orgFilter'),
        width: 220,
        testId: 'users-org-filter',
      }),
      // Roles load after the page: a custom filter keeps a role id from the URL while they do.
      custom(
        'roleId',
        (value, onChange) => (
          <Select
            allowClear
            value={value}
            onChange={(roleId?: string) => onChange(roleId)}
            placeholder={t('user.roleFilter')}
            aria-label={t('user.roleFilter')}
            loading={roles.isPending}
            options={(roles.data ?? []).map((role) => ({ value: role.id, label: roleLabel(role) }))}
            style={{ width: 180 }}
            popupMatchSelectWidth={false}
            data-testid="users-role-filter"
          />
        ),
        { visible: canReadRoles, pattern: UUID },
      ),
      select(
        'status',
        [
          { value: 'active', label: t('user.active') },
          { value: 'disabled', label: t('user.disabled') },
          { value: 'locked', label: t('user.locked') },
        ],
        { placeholder: t('user.statusFilter'), width: 120, testId: 'users-status-filter' },
      ),
    ],
    [t, roles.data, roles.isPending, roleLabel, canReadRoles],
  );
  const columns: TableColumnsType<User> = [
    {
      title: t('user.displayName'),
      key: 'user',
      width: 200,
      render: (_, user) => (
        <div style={{ lineHeight: 1.4 }}>
          <Typography.Text strong>{user.displayName}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {user.username}
            {user.phone ? ` · ${user.phone}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('user.org'), dataIndex: 'orgName', key: 'orgName', width: 140, ellipsis: true },
    {
      title: t('user.roles'),
      key: 'roles',
      width: 170,
      render: (_, user) => (
        <Space size={[4, 4]} wrap>
          {user.roles.map((role) => (
            <Tag key={role.id} color="blue" style={{ marginInlineEnd: 0 }}>
              {roleLabel(role)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('user.status'),
      key: 'status',
      width: 110,
      render: (_, user) => <UserStatusTags user={user} />,
    },
    {
      title: t('user.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      width: 150,
      render: (at: string | null) =>
        at ? (
          <span style={{ whiteSpace: 'nowrap' }}>{formatTime(at, 'YYYY-MM-DD HH:mm')}</span>
        ) : (
          <Typography.Text type="secondary">{t('user.never')}</Typography.Text>
        ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      fixed: wide ? 'right' : undefined,
      render: (_, user) => (
        <UserRowActions
          user={user}
          onEdit={() => setDialog({ kind: 'edit', user })}
          onResetPassword={() => setDialog({ kind: 'reset', user })}
        />
      ),
    });
  }

  const orgId = params.get('orgId');
  return (
    <ListPage<User>
      title={t('user.title')}
      resource={USERS}
      filters={filters}
      columns={columns}
      export={{ path: '/api/users/export', baseName: 'users', testId: 'users-export' }}
      create={{
        permission: 'user.manage',
        label: t('user.create'),
        testId: 'users-create',
        onClick: () => setDialog({ kind: 'create' }),
      }}
      emptyText={t('user.empty')}
      testId="users-table"
    >
      {dialog?.kind === 'create' && (
        <UserFormModal
          defaultOrgId={orgId && UUID.test(orgId) ? orgId : undefined}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'edit' && <UserFormModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </ListPage>
  );
}

import { useMemo, useState } from 'react';
import { Button, Card, Empty, Grid, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { QueryError } from '../../components/QueryError';
import { LoadMore } from '../../components/LoadMore';
import { ExportButton } from '../../components/ExportButton';
import { formatTime } from '../../lib/time';
import { useLang } from '../../lib/use-lang';
import { useUserList, type User, type UserFilters } from './user-api';
import { UserFilterBar } from './UserFilterBar';
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

export default function UsersPage() {
  const { t } = useTranslation();
  const { roleLabel } = useLang();
  const canManage = useCan('user.manage');
  // Pinning the actions column helps on wide screens; on a phone it would cover the whole row.
  const wide = Grid.useBreakpoint().md !== false;
  const [filters, setFilters] = useState<UserFilters>({});
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useUserList(filters);
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

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

  return (
    <Card
      title={t('user.title')}
      extra={
        <Space wrap>
          <ExportButton
            path="/api/users/export"
            query={{ ...filters }}
            baseName="users"
            testId="users-export"
          />
          {canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'create' })}
              data-testid="users-create"
            >
              {t('user.create')}
            </Button>
          )}
        </Space>
      }
      styles={{ header: { flexWrap: 'wrap' } }}
    >
      <UserFilterBar value={filters} onChange={setFilters} />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<User>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={list.isPending}
            pagination={false}
            size="middle"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('user.empty')} /> }}
            data-testid="users-table"
          />
          <LoadMore
            shown={rows.length}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </>
      )}

      {dialog?.kind === 'create' && (
        <UserFormModal defaultOrgId={filters.orgId} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'edit' && <UserFormModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </Card>
  );
}

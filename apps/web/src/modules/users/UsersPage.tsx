import { useMemo, useState } from 'react';
import { App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { QueryError } from '../../components/QueryError';
import { LoadMore } from '../../components/LoadMore';
import { downloadFile } from '../../lib/download';
import { errorMessage } from '../../lib/error-message';
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
  const { message } = App.useApp();
  const { roleLabel } = useLang();
  const canManage = useCan('user.manage');
  const [filters, setFilters] = useState<UserFilters>({});
  const [dialog, setDialog] = useState<Dialog>(null);
  const [exporting, setExporting] = useState(false);
  const list = useUserList(filters);
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile('/api/users/export', { ...filters }, 'users.csv');
    } catch (error) {
      void message.error(t('common.exportFailed', { message: errorMessage(t, error) }));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<User> = [
    { title: t('user.username'), dataIndex: 'username', key: 'username', width: 140, fixed: 'left' },
    { title: t('user.displayName'), dataIndex: 'displayName', key: 'displayName', width: 120 },
    { title: t('user.org'), dataIndex: 'orgName', key: 'orgName', width: 160, ellipsis: true },
    {
      title: t('user.roles'),
      key: 'roles',
      width: 200,
      render: (_, user) => (
        <Space size={[4, 4]} wrap>
          {user.roles.map((role) => (
            <Tag key={role.id} color="blue">
              {roleLabel(role)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('user.phone'),
      dataIndex: 'phone',
      key: 'phone',
      width: 130,
      render: (phone: string | null) => phone ?? '—',
    },
    {
      title: t('user.status'),
      key: 'status',
      width: 150,
      render: (_, user) => <UserStatusTags user={user} />,
    },
    {
      title: t('user.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      width: 170,
      render: (at: string | null) =>
        at ? (
          formatTime(at, 'YYYY-MM-DD HH:mm')
        ) : (
          <Typography.Text type="secondary">{t('user.never')}</Typography.Text>
        ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      fixed: 'right',
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
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void onExport()}
            data-testid="users-export"
          >
            {t('common.export')}
          </Button>
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

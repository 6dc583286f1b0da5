import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Space,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/error-message';
import { formatTime } from '../../lib/time';
import { useLang } from '../../lib/use-lang';
import {
  roleChangeWrites,
  roleKeys,
  useRoleChanges,
  type RoleChange,
  type RoleChangeStatus,
} from './role-api';

const STATUSES: RoleChangeStatus[] = ['pending', 'approved', 'rejected'];
const statusKey = {
  pending: 'roleChange.statusPending',
  approved: 'roleChange.statusApproved',
  rejected: 'roleChange.statusRejected',
} as const;

/** 三员分立: the security administrator approves or rejects changes to role permissions here. */
export default function RoleChangesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, can } = useAuth();
  const { permissionLabel } = useLang();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as RoleChangeStatus)
    : 'pending';
  const changes = useRoleChanges(status);
  const [rejecting, setRejecting] = useState<RoleChange | null>(null);
  const [reason, setReason] = useState('');
  const canDecide = can('role.change.approve');

  const done = (text: string) => {
    void queryClient.invalidateQueries({ queryKey: roleKeys.all });
    void message.success(text);
  };
  const approve = useMutation({
    mutationFn: roleChangeWrites.approve,
    onSuccess: () => done(t('roleChange.approved')),
    onError: (e) => void message.error(errorMessage(t, e)),
  });
  const reject = useMutation({
    mutationFn: (c: RoleChange) => roleChangeWrites.reject(c, reason.trim()),
    onSuccess: () => {
      setRejecting(null);
      setReason('');
      done(t('roleChange.rejected'));
    },
    onError: (e) => void message.error(errorMessage(t, e)),
  });

  const perms = (names: string[], color: string, sign: string) =>
    names.map((p) => (
      <Tag key={p} color={color}>
        {sign} {permissionLabel(p)}
      </Tag>
    ));
  const columns: TableColumnsType<RoleChange> = [
    { title: t('roleChange.role'), dataIndex: 'roleName', key: 'role' },
    { title: t('roleChange.holders'), dataIndex: 'userCount', key: 'holders', width: 90, align: 'right' },
    {
      title: t('roleChange.diff'),
      key: 'diff',
      render: (_, c) => (
        <Space size={[0, 4]} wrap data-testid={`role-change-diff-${c.roleCode}`}>
          {perms(c.added, 'green', '+')}
          {perms(c.removed, 'red', '−')}
        </Space>
      ),
    },
    {
      title: t('roleChange.requested'),
      key: 'requested',
      render: (_, c) => `${c.requestedByName} ${formatTime(c.requestedAt, 'YYYY-MM-DD HH:mm')}`,
    },
    ...(status === 'pending'
      ? []
      : [
          {
            title: t('roleChange.decided'),
            key: 'decided',
            render: (_: unknown, c: RoleChange) =>
              `${c.decidedByName ?? ''} ${formatTime(c.decidedAt, 'YYYY-MM-DD HH:mm')}`,
          },
        ]),
    ...(status === 'rejected' ? [{ title: t('roleChange.reason'), dataIndex: 'reason', key: 'reason' }] : []),
    ...(status === 'pending' && canDecide
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 160,
            render: (_: unknown, c: RoleChange) => {
              const own = c.requestedBy === me.user.id;
              return (
                <Tooltip title={own ? t('roleChange.ownRequest') : undefined}>
                  <Space size={0}>
                    <Popconfirm
                      title={t('roleChange.approveConfirm', { name: c.roleName, count: c.userCount })}
                      okText={t('roleChange.approve')}
                      cancelText={t('common.cancel')}
                      disabled={own}
                      onConfirm={() => approve.mutateAsync(c).catch(() => undefined)}
                    >
                      <Button
                        type="link"
                        size="small"
                        disabled={own}
                        data-testid={`role-change-approve-${c.roleCode}`}
                      >
                        {t('roleChange.approve')}
                      </Button>
                    </Popconfirm>
                    <Button type="link" size="small" danger disabled={own} onClick={() => setRejecting(c)}>
                      {t('roleChange.reject')}
                    </Button>
                  </Space>
                </Tooltip>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('roleChange.title')}
      extra={
        <Segmented<RoleChangeStatus>
          value={status}
          options={STATUSES.map((s) => ({ value: s, label: t(statusKey[s]) }))}
          onChange={(s) => setParams({ status: s })}
        />
      }
    >
      <Alert type="info" showIcon message={t('roleChange.intro')} style={{ marginBottom: 16 }} />
      {changes.isError ? (
        <QueryError error={changes.error} onRetry={() => void changes.refetch()} />
      ) : (
        <Table<RoleChange>
          rowKey="id"
          columns={columns}
          dataSource={changes.data ?? []}
          loading={changes.isPending}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('roleChange.empty')} /> }}
          data-testid="role-changes-table"
        />
      )}
      {rejecting && (
        <Modal
          open
          title={t('roleChange.rejectTitle', { name: rejecting.roleName })}
          okText={t('roleChange.reject')}
          okButtonProps={{ danger: true, disabled: !reason.trim(), loading: reject.isPending }}
          cancelText={t('common.cancel')}
          onOk={() => reject.mutate(rejecting)}
          onCancel={() => setRejecting(null)}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            value={reason}
            placeholder={t('roleChange.reasonPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
            data-testid="role-change-reason"
          />
        </Modal>
      )}
    </Card>
  );
}

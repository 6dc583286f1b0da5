import { useState } from 'react';
import { App, Button, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { PhoneOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GRID_ROLE_LABELS } from '@civicgrid/shared/grids';
import { useCan } from '../../app/auth';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/error-message';
import { useLang } from '../../lib/use-lang';
import { gridKeys, gridApi, useGridStaff, type GridStaff } from './grid-api';
import { StaffAssignModal } from './StaffAssignModal';

const ROLE_COLOURS: Record<string, string> = { leader: 'gold', worker: 'blue', police: 'geekblue' };

/** 一格多员: who serves the grid, in which role, since when; ended assignments stay as history. */
export function GridStaffSection({ gridId, gridName }: { gridId: string; gridName: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canManage = useCan('grid.manage');
  // Finding a person needs the user list; a role with grid.manage alone cannot search it.
  const canSearchUsers = useCan('user.read');
  const [history, setHistory] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const staff = useGridStaff({ gridId, includeEnded: history });

  const end = useMutation({
    mutationFn: (row: GridStaff) => gridApi.endStaff(row.id),
    // The answer carries the assignment, not the person: the name comes from the row that was clicked.
    onSuccess: (_ended, row) => {
      void queryClient.invalidateQueries({ queryKey: gridKeys.all });
      void message.success(t('grid.staff.ended', { name: row.displayName }));
    },
    onError: (error) => void message.error(errorMessage(t, error)),
  });

  return (
    <div data-testid="grid-staff">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('grid.staff.title')}
        </Typography.Title>
        <Space wrap>
          <Switch
            size="small"
            checked={history}
            onChange={setHistory}
            aria-label={t('grid.staff.history')}
            data-testid="staff-history"
          />
          <span>{t('grid.staff.history')}</span>
          {canManage && (
            <Tooltip title={canSearchUsers ? undefined : t('grid.staff.needUserRead')}>
              <Button
                size="small"
                type="primary"
                ghost
                icon={<UserAddOutlined />}
                onClick={() => setAssigning(true)}
                disabled={!canSearchUsers}
                data-testid="staff-assign"
              >
                {t('grid.staff.assign')}
              </Button>
            </Tooltip>
          )}
        </Space>
      </Space>
      {staff.isError ? (
        <QueryError error={staff.error} onRetry={() => void staff.refetch()} />
      ) : (
        <Table<GridStaff>
          size="small"
          rowKey="id"
          loading={staff.isPending}
          dataSource={staff.data ?? []}
          pagination={false}
          locale={{ emptyText: t('grid.staff.empty') }}
          data-testid="staff-table"
          columns={[
            {
              title: t('grid.staff.role'),
              dataIndex: 'gridRole',
              render: (role: GridStaff['gridRole']) => (
                <Tag color={ROLE_COLOURS[role]} style={{ marginInlineEnd: 0 }}>
                  {GRID_ROLE_LABELS[role]?.[lang] ?? role}
                </Tag>
              ),
            },
            {
              title: t('grid.staff.name'),
              dataIndex: 'displayName',
              render: (name: string, row) => (
                <>
                  <Typography.Text delete={row.toDate !== null} title={row.username}>
                    {name}
                  </Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.toDate
                      ? `${row.fromDate} ~ ${row.toDate}`
                      : t('grid.staff.since', { date: row.fromDate })}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t('grid.staff.phone'),
              dataIndex: 'phone',
              render: (phone: string | null) =>
                phone ? (
                  <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} style={{ whiteSpace: 'nowrap' }}>
                    <PhoneOutlined /> {phone}
                  </a>
                ) : (
                  '—'
                ),
            },
            ...(canManage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, row: GridStaff) =>
                      row.toDate ? null : (
                        <Popconfirm
                          title={t('grid.staff.endConfirm', { name: row.displayName })}
                          okText={t('common.confirm')}
                          cancelText={t('common.cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() => end.mutateAsync(row).catch(() => undefined)}
                        >
                          <Button size="small" type="link" danger data-testid={`staff-end-${row.id}`}>
                            {t('grid.staff.end')}
                          </Button>
                        </Popconfirm>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {assigning && (
        <StaffAssignModal gridId={gridId} gridName={gridName} onClose={() => setAssigning(false)} />
      )}
    </div>
  );
}

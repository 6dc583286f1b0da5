import { useState } from 'react';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssignmentAction } from '@civicgrid/shared/case-assignments';
import { formatTime } from '../../lib/time';
import type { CaseAssignment, CaseDetail } from './case-types';
import { AssignmentActionModal } from './AssignmentActionModal';

const COLOUR: Record<string, string> = {
  pending: 'gold',
  working: 'blue',
  done: 'green',
  declined: 'red',
  withdrawn: 'default',
  suspended: 'default',
};

/**
 * 大联动 on the case page: every department's row (the lead first, then each co-department) with its status,
 * time limit and result, and the buttons this reader may press on a co-assignment.
 */
export function AssignmentsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ row: CaseAssignment; action: AssignmentAction } | null>(null);
  const anyActions = detail.assignments.some((r) => r.allowedActions.length > 0);
  const columns: TableColumnsType<CaseAssignment> = [
    { title: t('case.assignment.department'), dataIndex: 'department', key: 'department', width: 120 },
    {
      title: t('case.assignment.role'),
      key: 'role',
      width: 64,
      render: (_, r) => (r.role === 'lead' ? t('case.assignment.lead') : t('case.assignment.co')),
    },
    {
      title: t('case.assignment.state'),
      key: 'status',
      render: (_, r) => (
        <Space size={4}>
          <Tag color={COLOUR[r.status]}>{t(`case.assignment.status.${r.status}`)}</Tag>
          {r.wasOverdue && <Tag color="red">{t('case.assignment.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('case.assignment.due'),
      key: 'due',
      width: 150,
      render: (_, r) => (r.due ? formatTime(r.due, 'YYYY-MM-DD HH:mm') : '—'),
    },
    {
      title: t('case.assignment.result'),
      key: 'result',
      render: (_, r) => r.result ?? r.reason ?? '',
    },
    {
      title: t('case.assignment.actions'),
      key: 'actions',
      hidden: !anyActions,
      render: (_, r) =>
        r.allowedActions.length ? (
          <Space wrap size={4}>
            {r.allowedActions.map((a) => (
              <Button
                key={a}
                size="small"
                type={a === 'accept_co' || a === 'feedback_co' ? 'primary' : 'default'}
                danger={a === 'decline_co' || a === 'withdraw_co'}
                data-testid={`assignment-${a}`}
                onClick={() => setOpen({ row: r, action: a })}
              >
                {t(`case.action.${a}`)}
              </Button>
            ))}
          </Space>
        ) : null,
    },
  ];
  return (
    <div data-testid="case-assignments">
      {detail.coOverride && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('case.assignment.override', detail.coOverride)}
        />
      )}
      <Table<CaseAssignment>
        size="small"
        pagination={false}
        rowKey={(r) => r.id ?? `lead-${r.departmentId}`}
        columns={columns}
        dataSource={detail.assignments}
        scroll={{ x: true }}
      />
      {!detail.assignments.length && <Typography.Text type="secondary">—</Typography.Text>}
      {open && (
        <AssignmentActionModal
          key={`${open.row.id}-${open.action}`}
          detail={detail}
          assignment={open.row}
          action={open.action}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}

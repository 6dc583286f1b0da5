import { useEffect, useState } from 'react';
import { App, Alert, DatePicker, Form, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GRID_ROLES, GRID_ROLE_LABELS, type GridRole } from '@civicgrid/shared/grids';
import { api } from '../../lib/api';
import type { Page } from '../../lib/paging';
import { applyFieldErrors, explainedByFields } from '../../lib/form-errors';
import { errorMessage } from '../../lib/error-message';
import { useLang } from '../../lib/use-lang';
import { DISPLAY_TZ } from '../../lib/time';
import type { User } from '../users/user-api';
import { gridKeys, gridApi } from './grid-api';

interface Values {
  userId: string;
  gridRole: GridRole;
  fromDate: Dayjs;
}
const FIELDS = ['userId', 'gridRole', 'fromDate'] as const;

/** Finds people as one types (name, username or phone); waits for a pause so each key is not a request. */
function UserSearchSelect({ value, onChange }: { value?: string; onChange?: (id: string) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const users = useQuery({
    queryKey: ['users', 'staff-search', q],
    queryFn: ({ signal }) =>
      api<Page<User>>('/api/users', { query: { q: q || undefined, status: 'active', limit: 20 }, signal }),
    staleTime: 30_000,
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value}
      onChange={(id: string) => onChange?.(id)}
      placeholder={t('grid.staff.userPlaceholder')}
      loading={users.isFetching}
      notFoundContent={users.isError ? errorMessage(t, users.error) : t('grid.staff.noUser')}
      options={(users.data?.items ?? []).map((u) => ({
        value: u.id,
        label: `${u.displayName} (${u.username})${u.phone ? ` · ${u.phone}` : ''} · ${u.orgName}`,
      }))}
      data-testid="staff-user"
    />
  );
}

export function StaffAssignModal({
  gridId,
  gridName,
  onClose,
}: {
  gridId: string;
  gridName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();

  const assign = useMutation({
    mutationFn: (v: Values) =>
      gridApi.assignStaff(gridId, {
        userId: v.userId,
        gridRole: v.gridRole,
        fromDate: v.fromDate.format('YYYY-MM-DD'),
      }),
    onSuccess: (row) => {
      void queryClient.invalidateQueries({ queryKey: gridKeys.all });
      void message.success(t('grid.staff.assigned', { name: row.displayName }));
      onClose();
    },
    onError: (error) => applyFieldErrors(form, FIELDS, error),
  });

  return (
    <Modal
      open
      title={t('grid.staff.assignTitle', { name: gridName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={assign.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ gridRole: 'worker', fromDate: dayjs().tz(DISPLAY_TZ) }}
        onFinish={(v) => assign.mutate(v)}
        data-testid="staff-assign-form"
      >
        {assign.isError && !explainedByFields(assign.error, FIELDS) && (
          <Alert type="error" showIcon title={errorMessage(t, assign.error)} style={{ marginBottom: 16 }} />
        )}
        <Form.Item
          name="userId"
          label={t('grid.staff.person')}
          rules={[{ required: true, message: t('grid.staff.userPlaceholder') }]}
        >
          <UserSearchSelect />
        </Form.Item>
        <Form.Item name="gridRole" label={t('grid.staff.role')} rules={[{ required: true }]}>
          <Select
            options={GRID_ROLES.map((r) => ({ value: r, label: GRID_ROLE_LABELS[r][lang] }))}
            data-testid="staff-role"
          />
        </Form.Item>
        <Form.Item name="fromDate" label={t('grid.staff.from')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="staff-from" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

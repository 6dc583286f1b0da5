import { useState } from 'react';
import { Button, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useLang } from '../../lib/use-lang';
import { useRoles } from '../roles/role-api';
import type { UserFilters, UserStatusFilter } from './user-api';

interface Props {
  value: UserFilters;
  onChange: (next: UserFilters) => void;
}

export function UserFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { roleLabel } = useLang();
  // Only role readers may list roles; others filter without that dropdown.
  const canReadRoles = useCan('role.read');
  const roles = useRoles(canReadRoles);
  const [q, setQ] = useState(value.q ?? '');
  const set = (patch: Partial<UserFilters>) => onChange({ ...value, ...patch });

  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        value={q}
        onChange={(event) => setQ(event.target.value)}
        onSearch={(text) => set({ q: text.trim() || undefined })}
        placeholder={t('user.searchPlaceholder')}
        aria-label={t('user.searchPlaceholder')}
        style={{ width: 260 }}
        data-testid="users-search"
      />
      <OrgTreeSelect
        allowClear
        includeDisabled
        value={value.orgId}
        onChange={(orgId) => set({ orgId })}
        placeholder={t('user.orgFilter')}
        aria-label={t('user.orgFilter')}
        style={{ width: 220 }}
        data-testid="users-org-filter"
      />
      {canReadRoles && (
        <Select
          allowClear
          value={value.roleId}
          onChange={(roleId?: string) => set({ roleId })}
          placeholder={t('user.roleFilter')}
          aria-label={t('user.roleFilter')}
          loading={roles.isPending}
          options={(roles.data ?? []).map((role) => ({ value: role.id, label: roleLabel(role) }))}
          style={{ width: 180 }}
          popupMatchSelectWidth={false}
          data-testid="users-role-filter"
        />
      )}
      <Select<UserStatusFilter>
        allowClear
        value={value.status}
        onChange={(status?: UserStatusFilter) => set({ status })}
        placeholder={t('user.statusFilter')}
        aria-label={t('user.statusFilter')}
        options={[
          { value: 'active', label: t('user.active') },
          { value: 'disabled', label: t('user.disabled') },
          { value: 'locked', label: t('user.locked') },
        ]}
        style={{ width: 120 }}
        data-testid="users-status-filter"
      />
      <Button
        onClick={() => {
          setQ('');
          onChange({});
        }}
      >
        {t('common.reset')}
      </Button>
    </Space>
  );
}

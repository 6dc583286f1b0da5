import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/paging';
import type { User } from '../users/user-api';

interface Props {
  value?: string;
  onChange: (actorId: string | undefined) => void;
}

/** Searches users as the auditor types; waits for a pause so each keystroke is not a request. */
export function ActorSelect({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);

  const users = useQuery({
    queryKey: ['users', 'actor-search', q],
    queryFn: ({ signal }) =>
      api<Page<User>>('/api/users', { query: { q: q || undefined, limit: 20 }, signal }),
    staleTime: 30_000,
  });

  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value}
      onChange={(next?: string) => onChange(next)}
      placeholder={t('audit.actorPlaceholder')}
      aria-label={t('audit.actor')}
      loading={users.isFetching}
      options={(users.data?.items ?? []).map((user) => ({
        value: user.id,
        label: `${user.displayName} (${user.username})`,
      }))}
      style={{ width: 150 }}
      popupMatchSelectWidth={false}
      data-testid="audit-actor-filter"
    />
  );
}

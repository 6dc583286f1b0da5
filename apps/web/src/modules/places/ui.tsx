import { useState } from 'react';
import { Input, Rate, Select, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/paging';

/** Today as YYYY-MM-DD on this device. */
export const todayText = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function DateInput(props: { value?: string; onChange?: (v: string) => void; testId?: string }) {
  return (
    <Input
      type="date"
      value={props.value}
      max={todayText()}
      onChange={(e) => props.onChange?.(e.target.value)}
      data-testid={props.testId}
    />
  );
}

export function Stars({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (!value) return <Tag>{t('places.rental.unrated')}</Tag>;
  return (
    <Rate
      disabled
      value={value}
      style={{ fontSize: 14 }}
      aria-label={t('places.rental.starsN', { count: value })}
    />
  );
}

function useSearch<T>(path: string, q: string) {
  return useQuery({
    queryKey: ['places', 'picker', path, q],
    queryFn: ({ signal }) => api<Page<T>>(path, { query: { q, limit: 20 }, signal }),
    enabled: q.trim().length > 0,
  });
}

interface PickerProps {
  value?: string;
  onChange?: (v: string) => void;
  testId?: string;
}

/** People come from the registry's person search (name, ID number tail, phone). */
export function PersonSelect({ value, onChange, testId }: PickerProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useSearch<{ id: string; name: string; idNumber: string }>('/api/persons', q);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder={t('places.common.personHint')}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} ${p.idNumber}` }))}
      notFoundContent={null}
      data-testid={testId}
    />
  );
}

export function HouseSelect({ value, onChange, testId }: PickerProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useSearch<{ id: string; address: string; houseNumber: string }>('/api/houses', q);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder={t('places.common.houseHint')}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((h) => ({
        value: h.id,
        label: `${h.address}（${h.houseNumber}）`,
      }))}
      notFoundContent={null}
      data-testid={testId}
      allowClear
    />
  );
}

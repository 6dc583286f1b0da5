import { useState } from 'react';
import { DatePicker, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DISPLAY_TZ } from '../../lib/time';
import { caseApi, useDispatchTargets } from './case-api';

interface FieldProps<T> {
  value?: T;
  onChange?: (next: T) => void;
  id?: string;
  'data-testid'?: string;
}

export function DeadlinePicker({ value, onChange, ...rest }: FieldProps<Dayjs | null>) {
  const today = dayjs().tz(DISPLAY_TZ).format('YYYY-MM-DD');
  return (
    <DatePicker
      {...rest}
      value={value ?? null}
      onChange={(next) => onChange?.(next)}
      showTime={{ format: 'HH:mm', minuteStep: 5 }}
      format="YYYY-MM-DD HH:mm"
      disabledDate={(d) => d.format('YYYY-MM-DD') < today}
      style={{ width: '100%' }}
      inputReadOnly
    />
  );
}

/** Staff of the unit holding the case, who may be named its handler (GET /api/cases/:id/assignees). */
export function AssigneeSelect({
  caseId,
  value,
  onChange,
  ...rest
}: FieldProps<string | undefined> & { caseId: string }) {
  const { t } = useTranslation();
  const staff = useQuery({
    queryKey: ['cases', 'assignees', caseId],
    queryFn: ({ signal }) => caseApi.assignees(caseId, signal),
  });
  return (
    <Select
      {...rest}
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={staff.isLoading}
      placeholder={t('case.assignment.assigneePlaceholder')}
      options={(staff.data ?? []).map((u) => ({ value: u.id, label: `${u.name} · ${u.orgName}` }))}
    />
  );
}

/** Departments the case's centre can dispatch to; search by name or code. */
export function DepartmentSelect({
  caseId,
  value,
  onChange,
  multiple = false,
  placeholder,
  ...rest
}: FieldProps<string | string[] | undefined> & { caseId: string; multiple?: boolean; placeholder?: string }) {
  const { t } = useTranslation();
  const departments = useDispatchTargets(caseId);
  return (
    <Select
      {...rest}
      mode={multiple ? 'multiple' : undefined}
      allowClear={multiple}
      value={value}
      onChange={(next: string | string[] | undefined) => onChange?.(next)}
      placeholder={placeholder}
      loading={departments.isPending}
      notFoundContent={departments.isError ? t('common.loadFailed') : t('common.empty')}
      showSearch={{ optionFilterProp: 'label' }}
      options={(departments.data ?? []).map((d) => ({
        value: d.id,
        label: `${d.name}${d.code ? ` (${d.code})` : ''} · ${d.parentName}`,
      }))}
      style={{ width: '100%' }}
    />
  );
}

/** Another case to merge into, found by number or title. */
export function CaseSearchSelect({
  value,
  onChange,
  exceptId,
  ...rest
}: FieldProps<string> & { exceptId: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['cases', 'search', q],
    queryFn: () => caseApi.search(q),
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
  });
  return (
    <Select
      {...rest}
      value={value}
      onChange={(next: string) => onChange?.(next)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('case.modal.targetCasePlaceholder')}
      loading={found.isFetching}
      notFoundContent={q.trim().length >= 2 ? t('common.empty') : null}
      options={(found.data?.items ?? [])
        .filter((c) => c.id !== exceptId)
        .map((c) => ({ value: c.id, label: `${c.number} ${c.title}` }))}
      style={{ width: '100%' }}
    />
  );
}

import { useState } from 'react';
import { AutoComplete, Button, DatePicker, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { auditActionLabel } from '@civicgrid/shared/audit-labels';
import { useCan } from '../../app/auth';
import { useLang } from '../../lib/use-lang';
import { dayRangeToIso } from '../../lib/time';
import { useAuditActions, type AuditFilters } from './audit-api';
import { ActorSelect } from './ActorSelect';
import { EntityTypeLabel, ENTITY_TYPES } from './EntityTypeLabel';

interface Props {
  value: AuditFilters;
  onChange: (next: AuditFilters) => void;
}

type Range = [Dayjs | null, Dayjs | null] | null;

export function AuditFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const actions = useAuditActions();
  // Picking an actor searches the user list, which only user readers may do.
  const canPickActor = useCan('user.read');
  const [q, setQ] = useState(value.q ?? '');
  const [action, setAction] = useState(value.action ?? '');
  const [range, setRange] = useState<Range>(null);
  const set = (patch: Partial<AuditFilters>) => onChange({ ...value, ...patch });

  // Offered in words, matched by code or words; the filter itself is the code.
  const actionOptions = (actions.data ?? [])
    .map((name) => ({ name, words: auditActionLabel(name, lang) }))
    .filter((o) => `${o.name} ${o.words}`.toLowerCase().includes(action.toLowerCase()))
    .map((o) => ({ value: o.name, label: `${o.words}（${o.name}）` }));

  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <AutoComplete
        value={action}
        options={actionOptions}
        onChange={(next: string) => setAction(next)}
        onSelect={(next: string) => set({ action: next })}
        onBlur={() => set({ action: action.trim() || undefined })}
        allowClear
        placeholder={t('audit.actionPlaceholder')}
        aria-label={t('audit.action')}
        style={{ width: 150 }}
        popupMatchSelectWidth={false}
        data-testid="audit-action-filter"
      />
      <Select
        allowClear
        value={value.entityType}
        onChange={(entityType?: string) => set({ entityType })}
        placeholder={t('audit.entityTypePlaceholder')}
        aria-label={t('audit.entityType')}
        options={ENTITY_TYPES.map((type) => ({ value: type, label: <EntityTypeLabel type={type} /> }))}
        style={{ width: 110 }}
        data-testid="audit-entity-filter"
      />
      {canPickActor && <ActorSelect value={value.actorId} onChange={(actorId) => set({ actorId })} />}
      <DatePicker.RangePicker
        value={range}
        onChange={(next) => {
          setRange(next);
          const [from, to] = next ?? [null, null];
          set(from && to ? dayRangeToIso(from, to) : { from: undefined, to: undefined });
        }}
        aria-label={t('audit.dateRange')}
        style={{ width: 260 }}
        data-testid="audit-date-filter"
      />
      <Input.Search
        allowClear
        value={q}
        onChange={(event) => setQ(event.target.value)}
        onSearch={(text) => set({ q: text.trim() || undefined })}
        placeholder={t('audit.qPlaceholder')}
        aria-label={t('audit.q')}
        style={{ width: 150 }}
        data-testid="audit-q"
      />
      <Button
        onClick={() => {
          setQ('');
          setAction('');
          setRange(null);
          onChange({});
        }}
      >
        {t('common.reset')}
      </Button>
    </Space>
  );
}

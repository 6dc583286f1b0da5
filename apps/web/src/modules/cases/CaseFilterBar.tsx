import { useEffect, useState } from 'react';
import { Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import {
  CASE_STATUSES,
  CHANNELS,
  SLA_STATES,
  URGENCIES,
  type CaseFilters,
  type CaseStatus,
  type Channel,
  type SlaState,
  type Urgency,
} from './case-types';
import { CategoryTreeSelect } from './CategoryTreeSelect';

interface Props {
  value: CaseFilters;
  onChange: (next: CaseFilters) => void;
  /** On a phone: the search box, and the other filters behind a button. */
  compact?: boolean;
}

type Range = [Dayjs | null, Dayjs | null] | null;

export function CaseFilterBar({ value, onChange, compact = false }: Props) {
  const { t } = useTranslation();
  // The org picker lists the org tree, which needs org.read.
  const canPickOrg = useCan('org.read');
  const [q, setQ] = useState(value.q ?? '');
  // The URL may change under the bar (a link, back/forward): the search box follows it.
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  const set = (patch: Partial<CaseFilters>) => onChange({ ...value, ...patch });
  const range: Range = value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null;
  const active = Object.keys(value).filter((k) => k !== 'q').length;
  const [expanded, setExpanded] = useState(false);
  const showAll = !compact || expanded;

  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="case-filters">
      <Input.Search
        allowClear
        value={q}
        onChange={(event) => setQ(event.target.value)}
        onSearch={(text) => set({ q: text.trim() || undefined })}
        placeholder={t('case.list.searchPlaceholder')}
        aria-label={t('case.list.searchPlaceholder')}
        style={{ width: compact ? 180 : 260 }}
        data-testid="cases-search"
      />
      {compact && (
        <Button
          icon={<FilterOutlined />}
          type={active ? 'primary' : 'default'}
          ghost={!!active}
          onClick={() => setExpanded(!expanded)}
          aria-expanded={expanded}
          data-testid="cases-more-filters"
        >
          {t('case.list.filters')}
          {active ? ` (${active})` : ''}
        </Button>
      )}
      {showAll && (
        <>
          <Select<CaseStatus[]>
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            value={value.status ?? []}
            onChange={(status) => set({ status: status.length ? status : undefined })}
            placeholder={t('case.list.statusFilter')}
            aria-label={t('case.list.statusFilter')}
            options={CASE_STATUSES.map((s) => ({ value: s, label: t(`case.status.${s}`) }))}
            style={{ width: 220 }}
            data-testid="cases-status-filter"
          />
          <CategoryTreeSelect
            allowClear
            value={value.categoryId}
            onChange={(categoryId) => set({ categoryId })}
            placeholder={t('case.list.categoryFilter')}
            aria-label={t('case.list.categoryFilter')}
            style={{ width: 180 }}
            data-testid="cases-category-filter"
          />
          {canPickOrg && (
            <OrgTreeSelect
              allowClear
              value={value.orgId}
              onChange={(orgId) => set({ orgId })}
              placeholder={t('case.list.orgFilter')}
              aria-label={t('case.list.orgFilter')}
              style={{ width: 180 }}
              data-testid="cases-org-filter"
            />
          )}
          <Select<Channel>
            allowClear
            value={value.channel}
            onChange={(channel?: Channel) => set({ channel })}
            placeholder={t('case.list.channelFilter')}
            aria-label={t('case.list.channelFilter')}
            options={CHANNELS.map((c) => ({ value: c, label: t(`case.channel.${c}`) }))}
            style={{ width: 130 }}
            popupMatchSelectWidth={false}
            data-testid="cases-channel-filter"
          />
          <Select<Urgency>
            allowClear
            value={value.urgency}
            onChange={(urgency?: Urgency) => set({ urgency })}
            placeholder={t('case.list.urgencyFilter')}
            aria-label={t('case.list.urgencyFilter')}
            options={URGENCIES.map((u) => ({ value: u, label: t(`case.urgency.${u}`) }))}
            style={{ width: 110 }}
            data-testid="cases-urgency-filter"
          />
          <Select<SlaState>
            allowClear
            value={value.slaState}
            onChange={(slaState?: SlaState) => set({ slaState })}
            placeholder={t('case.list.slaFilter')}
            aria-label={t('case.list.slaFilter')}
            options={SLA_STATES.map((s) => ({ value: s, label: t(`case.sla.${s}`) }))}
            style={{ width: 110 }}
            data-testid="cases-sla-filter"
          />
          <Select<'created' | 'deadline'>
            value={value.sort ?? 'created'}
            onChange={(sort) => set({ sort: sort === 'deadline' ? 'deadline' : undefined })}
            aria-label={t('case.list.sort')}
            options={[
              { value: 'created', label: t('case.list.sortCreated') },
              { value: 'deadline', label: t('case.list.sortDeadline') },
            ]}
            style={{ width: 170 }}
            popupMatchSelectWidth={false}
            data-testid="cases-sort"
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(next) => {
              const [from, to] = next ?? [null, null];
              set(
                from && to
                  ? { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') }
                  : { from: undefined, to: undefined },
              );
            }}
            aria-label={t('case.field.reportedAt')}
            style={{ width: 250 }}
            data-testid="cases-date-filter"
          />
        </>
      )}
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

import { useEffect, useState } from 'react';
import { Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { countActive, type FilterDescriptor, type FilterValues } from './filters';

interface Props {
  descriptors: readonly FilterDescriptor[];
  value: FilterValues;
  onChange: (next: FilterValues) => void;
  /** On a phone: the search box, and the other filters behind a button. */
  compact?: boolean;
  testId?: string;
}

/** The filter row of a list page, drawn from its descriptors; every change goes to the URL. */
export function FilterBar({ descriptors, value, onChange, compact = false, testId }: Props) {
  const { t } = useTranslation();
  const shown = descriptors.filter((d) => d.visible !== false);
  const searchBox = shown.find((d) => d.kind === 'search');
  const [q, setQ] = useState(searchBox ? String(value[searchBox.key] ?? '') : '');
  const urlQ = searchBox ? value[searchBox.key] : undefined;
  // The URL may change under the bar (a link, back/forward): the search box follows it.
  useEffect(() => setQ(typeof urlQ === 'string' ? urlQ : ''), [urlQ]);
  const [expanded, setExpanded] = useState(false);
  const set = (patch: FilterValues) => onChange({ ...value, ...patch });
  const others = shown.filter((d) => d.kind !== 'search');
  const activeCount = countActive(descriptors, value);
  const showAll = !compact || expanded;
  const str = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : undefined);

  const render = (d: FilterDescriptor) => {
    const common = { placeholder: d.placeholder, 'aria-label': d.placeholder, 'data-testid': d.testId };
    switch (d.kind) {
      case 'search':
        return null;
      case 'select':
        return d.multiple ? (
          <Select<string[]>
            key={d.key}
            {...common}
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            value={(value[d.key] as string[] | undefined) ?? []}
            onChange={(next) => set({ [d.key]: next.length ? next : undefined })}
            options={d.options.map((o) => ({ value: o.value, label: o.label }))}
            style={{ width: d.width ?? 220 }}
          />
        ) : (
          <Select<string>
            key={d.key}
            {...common}
            allowClear={d.defaultValue === undefined}
            value={str(d.key) ?? d.defaultValue}
            onChange={(next?: string) => set({ [d.key]: next === d.defaultValue ? undefined : next })}
            options={d.options.map((o) => ({ value: o.value, label: o.label }))}
            style={{ width: d.width ?? 130 }}
            popupMatchSelectWidth={false}
          />
        );
      case 'org':
        return (
          <OrgTreeSelect
            key={d.key}
            {...common}
            allowClear
            includeDisabled={d.includeDisabled}
            value={str(d.key)}
            onChange={(next) => set({ [d.key]: next })}
            style={{ width: d.width ?? 180 }}
          />
        );
      case 'dateRange': {
        const from = str(d.from);
        const to = str(d.to);
        return (
          <DatePicker.RangePicker
            key={d.from}
            aria-label={d.placeholder}
            data-testid={d.testId}
            value={from && to ? [dayjs(from), dayjs(to)] : null}
            onChange={(next) => {
              const [a, b] = next ?? [null, null];
              set(
                a && b
                  ? { [d.from]: a.format('YYYY-MM-DD'), [d.to]: b.format('YYYY-MM-DD') }
                  : { [d.from]: undefined, [d.to]: undefined },
              );
            }}
            style={{ width: d.width ?? 250 }}
          />
        );
      }
      case 'custom':
        return <span key={d.key}>{d.render(str(d.key), (next) => set({ [d.key]: next }))}</span>;
    }
  };

  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid={testId}>
      {searchBox && (
        <Input.Search
          allowClear
          value={q}
          onChange={(event) => setQ(event.target.value)}
          onSearch={(text) => set({ [searchBox.key]: text.trim() || undefined })}
          placeholder={searchBox.placeholder}
          aria-label={searchBox.placeholder}
          style={{ width: compact ? 180 : (searchBox.width ?? 260) }}
          data-testid={searchBox.testId}
        />
      )}
      {compact && others.length > 0 && (
        <Button
          icon={<FilterOutlined />}
          type={activeCount ? 'primary' : 'default'}
          ghost={!!activeCount}
          onClick={() => setExpanded(!expanded)}
          aria-expanded={expanded}
          data-testid={testId ? `${testId}-more` : undefined}
        >
          {t('kit.list.filters')}
          {activeCount ? ` (${activeCount})` : ''}
        </Button>
      )}
      {showAll && others.map(render)}
      <Button
        onClick={() => {
          setQ('');
          onChange({});
        }}
        data-testid={testId ? `${testId}-reset` : undefined}
      >
        {t('common.reset')}
      </Button>
    </Space>
  );
}

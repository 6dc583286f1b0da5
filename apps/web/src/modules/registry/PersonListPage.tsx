import { useMemo, useState } from 'react';
import { Button, InputNumber, Select, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../app/auth';
import { ListPage } from '../../kit/ListPage';
import { custom, org, search, select } from '../../kit/filters';
import { useLang } from '../../lib/use-lang';
import { PersonFormModal } from './PersonFormModal';
import { useTags, type Person } from './registry-api';
import { ageThisYear, PersonTags } from './shared-ui';

const PERSONS = { path: '/api/persons', key: ['persons'] };
const AGE = /^\d{1,3}$/;
const TAG_CODES = /^[\w-]+(,[\w-]+)*$/;

/** An age bound: a number box, kept in the URL as digits. */
const ageFilter = (key: 'ageMin' | 'ageMax', placeholder: string) =>
  custom(
    key,
    (value, onChange) => (
      <InputNumber
        min={0}
        max={150}
        value={value === undefined ? null : Number(value)}
        placeholder={placeholder}
        aria-label={placeholder}
        onChange={(v) => onChange(v === null ? undefined : String(v))}
      />
    ),
    { pattern: AGE },
  );

/** 实有人口: people in the caller's scope; the filters live in the URL (name, ID digits, type, tags, age). */
export default function PersonListPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const navigate = useNavigate();
  const canManage = useCan('registry.manage');
  const tags = useTags();
  const [creating, setCreating] = useState(false);
  const filters = useMemo(
    () => [
      search('q', { placeholder: t('registry.persons.search'), width: 280, testId: 'persons-search' }),
      select(
        'residenceType',
        (['registered', 'floating', 'overseas'] as const).map((v) => ({
          value: v,
          label: t(`registry.residenceType.${v}`),
        })),
        { placeholder: t('registry.field.residenceType') },
      ),
      select(
        'sex',
        (['male', 'female'] as const).map((v) => ({ value: v, label: t(`registry.sex.${v}`) })),
        { placeholder: t('registry.field.sex'), width: 90 },
      ),
      // The tag list loads after the page: a custom filter keeps the codes from the URL meanwhile.
      custom(
        'tags',
        (value, onChange) => (
          <Select
            allowClear
            mode="multiple"
            placeholder={t('registry.field.tags')}
            aria-label={t('registry.field.tags')}
            style={{ minWidth: 160 }}
            value={value ? value.split(',') : []}
            onChange={(v: string[]) => onChange(v.length ? v.join(',') : undefined)}
            options={(tags.data ?? []).map((x) => ({
              value: x.code,
              label: lang === 'en' ? (x.nameEn ?? x.name) : x.name,
            }))}
          />
        ),
        { pattern: TAG_CODES },
      ),
      org('orgId', { placeholder: t('registry.field.org'), width: 200 }),
      ageFilter('ageMin', t('registry.persons.ageMin')),
      ageFilter('ageMax', t('registry.persons.ageMax')),
    ],
    [t, tags.data, lang],
  );
  const columns: TableColumnsType<Person> = [
    {
      title: t('registry.field.name'),
      dataIndex: 'name',
      render: (v: string, p) => <Link to={`/persons/${p.id}`}>{v}</Link>,
    },
    {
      title: t('registry.field.idNumber'),
      dataIndex: 'idNumber',
      render: (v: string) => <code>{v}</code>,
    },
    {
      title: t('registry.field.sex'),
      dataIndex: 'sex',
      render: (v: Person['sex']) => (v ? t(`registry.sex.${v}`) : ''),
    },
    {
      title: t('registry.field.age'),
      dataIndex: 'birthYear',
      render: (v: number | null) => ageThisYear(v),
    },
    { title: t('registry.field.phone'), dataIndex: 'phone' },
    {
      title: t('registry.field.residenceType'),
      dataIndex: 'residenceType',
      render: (v: Person['residenceType']) => (
        <Tag color={v === 'registered' ? 'green' : v === 'floating' ? 'orange' : 'purple'}>
          {t(`registry.residenceType.${v}`)}
        </Tag>
      ),
    },
    {
      title: t('registry.field.tags'),
      dataIndex: 'tags',
      render: (v: string[]) => <PersonTags codes={v} />,
    },
    { title: t('registry.field.grid'), dataIndex: 'gridName' },
  ];

  return (
    <ListPage<Person>
      title={t('registry.persons.title')}
      resource={PERSONS}
      filters={filters}
      columns={columns}
      extra={
        canManage && (
          <Button
            icon={<UploadOutlined />}
            onClick={() => void navigate('/persons/import')}
            data-testid="persons-import"
          >
            {t('registry.menu.import')}
          </Button>
        )
      }
      export={{ path: '/api/persons/export', baseName: 'persons', testId: 'persons-export' }}
      create={{
        permission: 'registry.manage',
        label: t('registry.persons.create'),
        testId: 'person-create',
        onClick: () => setCreating(true),
      }}
      emptyText={t('registry.persons.empty')}
      testId="persons-table"
    >
      <PersonFormModal open={creating} onClose={() => setCreating(false)} />
    </ListPage>
  );
}

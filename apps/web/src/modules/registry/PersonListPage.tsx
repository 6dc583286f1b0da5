import { useMemo, useState } from 'react';
import { Button, Card, Empty, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../app/auth';
import { LoadMore } from '../../components/LoadMore';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { QueryError } from '../../components/QueryError';
import { useLang } from '../../lib/use-lang';
import { PersonFormModal } from './PersonFormModal';
import { usePersons, useTags, type Person } from './registry-api';
import { ExportButton } from '../../components/ExportButton';
import { ageOf, PersonTags } from './shared-ui';

export default function PersonListPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const navigate = useNavigate();
  const canManage = useCan('registry.manage');
  const tags = useTags();
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const [creating, setCreating] = useState(false);
  const query = useMemo(() => ({ ...filters, q: q.trim() || undefined }), [filters, q]);
  const list = usePersons(query);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (k: string) => (v: string | number | null | undefined) =>
    setFilters((f) => ({ ...f, [k]: v === null || v === undefined || v === '' ? undefined : String(v) }));

  return (
    <Card
      title={t('registry.persons.title')}
      extra={
        <Space wrap>
          <ExportButton path="/api/persons/export" query={query} baseName="persons" testId="persons-export" />
          {canManage && (
            <Button
              icon={<UploadOutlined />}
              onClick={() => void navigate('/persons/import')}
              data-testid="persons-import"
            >
              {t('registry.menu.import')}
            </Button>
          )}
          {canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="person-create"
            >
              {t('registry.persons.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('registry.persons.search')}
          style={{ width: 280 }}
          onSearch={setQ}
          data-testid="persons-search"
        />
        <Select
          allowClear
          placeholder={t('registry.field.residenceType')}
          style={{ width: 130 }}
          onChange={set('residenceType')}
          options={(['registered', 'floating', 'overseas'] as const).map((v) => ({
            value: v,
            label: t(`registry.residenceType.${v}`),
          }))}
        />
        <Select
          allowClear
          placeholder={t('registry.field.sex')}
          style={{ width: 90 }}
          onChange={set('sex')}
          options={(['male', 'female'] as const).map((v) => ({ value: v, label: t(`registry.sex.${v}`) }))}
        />
        <Select
          allowClear
          mode="multiple"
          placeholder={t('registry.field.tags')}
          style={{ minWidth: 160 }}
          onChange={(v: string[]) => set('tags')(v.join(','))}
          options={(tags.data ?? []).map((x) => ({
            value: x.code,
            label: lang === 'en' ? (x.nameEn ?? x.name) : x.name,
          }))}
        />
        <OrgTreeSelect
          allowClear
          placeholder={t('registry.field.org')}
          style={{ width: 200 }}
          onChange={set('orgId')}
        />
        <InputNumber min={0} max={150} placeholder={t('registry.persons.ageMin')} onChange={set('ageMin')} />
        <InputNumber min={0} max={150} placeholder={t('registry.persons.ageMax')} onChange={set('ageMax')} />
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<Person>
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={items}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: <Empty description={t('registry.persons.empty')} /> }}
            data-testid="persons-table"
            columns={[
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
                dataIndex: 'birthDate',
                render: (v: string | null) => ageOf(v),
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
            ]}
          />
          <LoadMore
            shown={items.length}
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </>
      )}
      <PersonFormModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}

import { useMemo, useState } from 'react';
import { App, Button, Card, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FilePdfOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import type { Query } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';
import type { PolicyCategory, PolicySummary } from '../portal/portal-api';
import {
  adminApi,
  adminKeys,
  usePolicyList,
  useStaffPolicyCategories,
  type PolicyFilters,
} from './admin-api';
import { ExportButton } from '../../components/ExportButton';
import { PolicyFormModal } from './PolicyFormModal';

/** The 1+X policy library: search in full text, filter by category and state, edit, export. */
export default function PoliciesAdminPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const a = 'publicSide.admin.policies';
  const [filters, setFilters] = useState<PolicyFilters>({});
  const [editing, setEditing] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [catsOpen, setCatsOpen] = useState(false);
  const cats = useStaffPolicyCategories();
  const list = usePolicyList(filters);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const refresh = () => client.invalidateQueries({ queryKey: adminKeys.policies });

  const columns: TableColumnsType<PolicySummary> = [
    {
      title: t(`${a}.titleField`),
      dataIndex: 'title',
      render: (_, d) => (
        <div>
          <Typography.Text strong>{d.title}</Typography.Text>{' '}
          {d.hasFile && <FilePdfOutlined style={{ color: '#cf1322' }} />}
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,.55)' }}>{d.excerpt}</div>
        </div>
      ),
    },
    { title: t(`${a}.category`), dataIndex: 'categoryName', width: 110 },
    { title: t(`${a}.issuer`), dataIndex: 'issuer', width: 170 },
    { title: t(`${a}.docNumber`), dataIndex: 'docNumber', width: 140 },
    { title: t(`${a}.issuedOn`), dataIndex: 'issuedOn', width: 110 },
    {
      title: t(`${a}.published`),
      dataIndex: 'published',
      width: 90,
      render: (p: boolean) => (
        <Tag color={p ? 'green' : 'default'}>{t(p ? `${a}.published` : `${a}.unpublished`)}</Tag>
      ),
    },
    {
      title: t('common.actions'),
      width: 130,
      render: (_, d) => (
        <Space size={4}>
          <Button
            size="small"
            type="link"
            onClick={() => {
              setEditing(d.id);
              setOpen(true);
            }}
          >
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t(`${a}.deleteConfirm`)}
            onConfirm={async () => {
              try {
                await adminApi.deletePolicy(d);
                void message.success(t(`${a}.deleted`));
                await refresh();
              } catch (e) {
                void message.error(errorMessage(t, e));
              }
            }}
          >
            <Button size="small" type="link" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t(`${a}.title`)}
      data-testid="policies-admin"
      extra={
        <Space>
          <Button icon={<SettingOutlined />} onClick={() => setCatsOpen(true)}>
            {t(`${a}.categories`)}
          </Button>
          <ExportButton
            path="/api/policies/export"
            query={filters as Query}
            baseName="policies"
            testId="policies-export"
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
            data-testid="policy-create"
          >
            {t(`${a}.create`)}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t(`${a}.search`)}
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
          style={{ width: 280 }}
          data-testid="policy-search"
        />
        <Select
          allowClear
          placeholder={t(`${a}.category`)}
          style={{ width: 160 }}
          value={filters.categoryId}
          onChange={(v) => setFilters((f) => ({ ...f, categoryId: v }))}
          options={(cats.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          allowClear
          placeholder={t(`${a}.published`)}
          style={{ width: 120 }}
          value={filters.published}
          onChange={(v) => setFilters((f) => ({ ...f, published: v }))}
          options={[
            { value: 'true', label: t(`${a}.published`) },
            { value: 'false', label: t(`${a}.unpublished`) },
          ]}
        />
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 980 }}
          locale={{ emptyText: t(`${a}.empty`) }}
          size="middle"
        />
      )}
      <LoadMore
        shown={rows.length}
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
      />
      <PolicyFormModal
        open={open}
        id={editing}
        categories={cats.data?.items ?? []}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          void message.success(t(`${a}.saved`));
          void refresh();
        }}
      />
      <CategoriesModal
        open={catsOpen}
        onClose={() => setCatsOpen(false)}
        categories={cats.data?.items ?? []}
      />
    </Card>
  );
}

/** The ten categories keep their codes; their names are the district's to choose. */
function CategoriesModal({
  open,
  onClose,
  categories,
}: {
  open: boolean;
  onClose: () => void;
  categories: PolicyCategory[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const a = 'publicSide.admin.policies';
  const [names, setNames] = useState<Record<string, { name: string; nameEn: string }>>({});
  const save = async (c: PolicyCategory) => {
    const n = names[c.id];
    if (!n?.name.trim()) return;
    try {
      await adminApi.renameCategory(c, n.name.trim(), n.nameEn.trim() || null);
      void message.success(t(`${a}.saved`));
      await client.invalidateQueries({ queryKey: adminKeys.policyCategories });
    } catch (e) {
      void message.error(errorMessage(t, e));
    }
  };
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t(`${a}.categories`)} width={640}>
      {categories.map((c) => {
        const n = names[c.id] ?? { name: c.name, nameEn: c.nameEn ?? '' };
        const set = (patch: Partial<typeof n>) => setNames((all) => ({ ...all, [c.id]: { ...n, ...patch } }));
        return (
          <Space key={c.id} style={{ display: 'flex', marginBottom: 8 }}>
            <Typography.Text type="secondary" style={{ width: 36, display: 'inline-block' }}>
              {c.code}
            </Typography.Text>
            <Input
              value={n.name}
              maxLength={40}
              onChange={(e) => set({ name: e.target.value })}
              aria-label={t(`${a}.categoryName`)}
              style={{ width: 180 }}
            />
            <Input
              value={n.nameEn}
              maxLength={80}
              onChange={(e) => set({ nameEn: e.target.value })}
              aria-label={t(`${a}.categoryNameEn`)}
              style={{ width: 220 }}
            />
            <Button
              onClick={() => void save(c)}
              disabled={n.name === c.name && n.nameEn === (c.nameEn ?? '')}
            >
              {t('common.save')}
            </Button>
          </Space>
        );
      })}
    </Modal>
  );
}

import { useMemo, useState } from 'react';
import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useOrgTree, walkTree } from '../orgs/org-api';
import { saveCsv, toCsv } from './csv';

export interface GridRow {
  id: string;
  code: string | null;
  name: string;
  community: string;
  street: string;
  staff: number | null;
  hasBoundary: boolean;
}

interface Props {
  boundaryIds: ReadonlySet<string>;
  staffCounts: Record<string, number> | null;
  selectedId: string | null;
  onOpen: (id: string) => void;
}

/** Every grid in scope, with or without a boundary yet, searchable and exportable as CSV. */
export function GridListView({ boundaryIds, staffCounts, selectedId, onOpen }: Props) {
  const { t } = useTranslation();
  const tree = useOrgTree(false);
  const [query, setQuery] = useState('');

  const rows = useMemo(() => {
    const out: GridRow[] = [];
    for (const [node, parents] of walkTree(tree.data ?? [])) {
      if (node.level !== 'grid') continue;
      const up = (level: string) => parents.findLast((p) => p.level === level)?.name ?? '';
      out.push({
        id: node.id,
        code: node.code,
        name: node.name,
        community: up('community'),
        street: up('street'),
        staff: staffCounts ? (staffCounts[node.id] ?? 0) : null,
        hasBoundary: boundaryIds.has(node.id),
      });
    }
    return out.sort((a, b) => (a.code ?? '').localeCompare(b.code ?? '') || a.name.localeCompare(b.name));
  }, [tree.data, staffCounts, boundaryIds]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return rows;
    return rows.filter((r) =>
      [r.code ?? '', r.name, r.community, r.street].some((v) => v.toLowerCase().includes(q)),
    );
  }, [rows, query]);

  const exportCsv = () => {
    const header = [
      t('grid.code'),
      t('grid.name'),
      t('grid.community'),
      t('grid.street'),
      t('grid.staffCount'),
      t('grid.boundary'),
    ];
    const body = shown.map((r) => [
      r.code,
      r.name,
      r.community,
      r.street,
      r.staff,
      r.hasBoundary ? t('grid.boundaryDrawn') : t('grid.boundaryMissing'),
    ]);
    saveCsv('grids.csv', toCsv(header, body));
  };

  if (tree.isError) return <QueryError error={tree.error} onRetry={() => void tree.refetch()} />;

  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', gap: 12, height: '100%' }}
      data-testid="grid-list"
    >
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('grid.searchPlaceholder')}
          aria-label={t('grid.searchPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
          style={{ width: 260 }}
          data-testid="grid-search"
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={exportCsv}
          disabled={shown.length === 0}
          data-testid="grid-csv"
        >
          {t('grid.exportCsv')}
        </Button>
        <Typography.Text type="secondary">{t('grid.listCount', { count: shown.length })}</Typography.Text>
      </Space>
      <Table<GridRow>
        size="small"
        rowKey="id"
        loading={tree.isPending}
        dataSource={shown}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (r.id === selectedId ? 'ant-table-row-selected' : '')}
        data-testid="grid-table"
        columns={[
          { title: t('grid.code'), dataIndex: 'code', render: (v: string | null) => v ?? '—' },
          {
            title: t('grid.name'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <Typography.Link onClick={() => onOpen(r.id)} data-testid={`grid-row-${r.code ?? r.id}`}>
                {name}
              </Typography.Link>
            ),
          },
          { title: t('grid.community'), dataIndex: 'community' },
          { title: t('grid.street'), dataIndex: 'street' },
          {
            title: t('grid.staffCount'),
            dataIndex: 'staff',
            align: 'right',
            sorter: (a, b) => (a.staff ?? 0) - (b.staff ?? 0),
            render: (v: number | null) => (v === null ? '…' : v),
          },
          {
            title: t('grid.boundary'),
            dataIndex: 'hasBoundary',
            render: (v: boolean) =>
              v ? (
                <Tag color="success">{t('grid.boundaryDrawn')}</Tag>
              ) : (
                <Tag color="warning">{t('grid.boundaryMissing')}</Tag>
              ),
          },
        ]}
      />
    </div>
  );
}

import { useMemo, useState } from 'react';
import { Card, Empty, Input, Skeleton, Space, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { OrgLevelTag } from '../../components/OrgLevelTag';
import { useOrgTree, type OrgTreeNode } from './org-api';
import { filterTree } from './tree-search';

function Highlight({ text, query }: { text: string; query: string }) {
  const q = query.trim().toLowerCase();
  const at = q ? text.toLowerCase().indexOf(q) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark style={{ padding: 0, background: '#ffe58f' }}>{text.slice(at, at + q.length)}</mark>
      {text.slice(at + q.length)}
    </>
  );
}

interface Props {
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

export function OrgTreePanel({ selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const tree = useOrgTree(true);
  const [query, setQuery] = useState('');
  // null until the user expands or searches: then the caller's own unit shows open, as an all-closed tree hides
  // the work.
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const expandedKeys = expanded ?? (tree.data ?? []).map((node) => node.id);

  const onSearch = (value: string) => {
    setQuery(value);
    const { expandKeys } = filterTree(tree.data ?? [], value);
    setExpanded([...new Set([...expandedKeys, ...expandKeys])]);
  };

  const filtered = useMemo(() => filterTree(tree.data ?? [], query), [tree.data, query]);

  const treeData = useMemo(() => {
    const toNode = (node: OrgTreeNode): TreeDataNode => ({
      key: node.id,
      title: (
        <Space size={6} data-testid={`org-node-${node.id}`}>
          <Typography.Text type={node.disabled ? 'secondary' : undefined} delete={node.disabled}>
            <Highlight text={node.name} query={query} />
          </Typography.Text>
          <OrgLevelTag level={node.level} />
          {node.disabled && <Tag>{t('org.disabledTag')}</Tag>}
        </Space>
      ),
      children: node.children.map(toNode),
    });
    return filtered.nodes.map(toNode);
  }, [filtered.nodes, query, t]);

  const searching = filtered.matchCount >= 0;

  return (
    <Card title={t('org.treeTitle')} styles={{ body: { padding: 12 } }} data-testid="org-tree">
      <Input.Search
        allowClear
        placeholder={t('org.searchPlaceholder')}
        aria-label={t('org.searchPlaceholder')}
        onChange={(event) => onSearch(event.target.value)}
        style={{ marginBottom: 12 }}
        data-testid="org-search"
      />
      {tree.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : tree.isError ? (
        <QueryError error={tree.error} onRetry={() => void tree.refetch()} />
      ) : treeData.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={searching ? t('org.noMatch') : t('org.treeEmpty')}
        />
      ) : (
        <Tree
          blockNode
          showLine={{ showLeafIcon: false }}
          treeData={treeData}
          selectedKeys={selectedId ? [selectedId] : []}
          expandedKeys={expandedKeys}
          onExpand={(keys) => setExpanded(keys.map(String))}
          onSelect={(keys) => {
            const id = keys[0];
            if (id !== undefined) onSelect(String(id));
          }}
          style={{ overflowX: 'auto' }}
        />
      )}
    </Card>
  );
}

import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrgTree, type OrgTreeNode } from '../modules/orgs/org-api';
import { useLang } from '../lib/use-lang';

interface Option {
  value: string;
  title: string;
  label: string;
  disabled: boolean;
  children: Option[];
}

export interface OrgTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  includeDisabled?: boolean;
  /** Nodes the caller will not accept (e.g. a unit's own subtree when moving it); they stay visible, greyed. */
  isSelectable?: (node: OrgTreeNode) => boolean;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
  'aria-label'?: string;
}

/** Picks one unit of the caller's org subtree; search matches name or code. */
export function OrgTreeSelect({
  value,
  onChange,
  placeholder,
  allowClear,
  includeDisabled = false,
  isSelectable,
  style,
  ...rest
}: OrgTreeSelectProps) {
  const { t } = useTranslation();
  const { levelLabel } = useLang();
  const tree = useOrgTree(includeDisabled);

  const treeData = useMemo(() => {
    const toOption = (node: OrgTreeNode): Option => ({
      value: node.id,
      title: `${node.name} · ${levelLabel(node.level)}${node.code ? ` · ${node.code}` : ''}`,
      label: node.name,
      disabled: isSelectable ? !isSelectable(node) : false,
      children: node.children.map(toOption),
    });
    return (tree.data ?? []).map(toOption);
  }, [tree.data, isSelectable, levelLabel]);

  return (
    <TreeSelect
      {...rest}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next)}
      treeData={treeData}
      treeNodeLabelProp="label"
      loading={tree.isPending}
      placeholder={placeholder ?? t('user.orgPlaceholder')}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      notFoundContent={tree.isError ? t('common.loadFailed') : t('org.noMatch')}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
    />
  );
}

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

interface BaseProps {
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
interface SingleProps extends BaseProps {
  multiple?: false;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
}
/** Several units at once (the co-departments of a dispatch). */
interface MultipleProps extends BaseProps {
  multiple: true;
  value?: string[] | null;
  onChange?: (value: string[]) => void;
}
export type OrgTreeSelectProps = SingleProps | MultipleProps;

/** Picks one unit (or several) of the caller's org subtree; search matches name or code. */
export function OrgTreeSelect(props: OrgTreeSelectProps) {
  const { value, onChange: _onChange, multiple, ...others } = props;
  const change = (next: string | string[] | undefined) => {
    if (props.multiple) props.onChange?.(Array.isArray(next) ? next : next ? [next] : []);
    else props.onChange?.(Array.isArray(next) ? next[0] : next);
  };
  return <OrgTree {...others} value={value} multiple={multiple} onChange={change} />;
}

function OrgTree({
  value,
  onChange,
  multiple,
  placeholder,
  allowClear,
  includeDisabled = false,
  isSelectable,
  style,
  ...rest
}: BaseProps & {
  value?: string | string[] | null;
  multiple?: boolean;
  onChange: (next: string | string[] | undefined) => void;
}) {
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
      multiple={multiple}
      onChange={(next: string | string[] | undefined) => onChange(next)}
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

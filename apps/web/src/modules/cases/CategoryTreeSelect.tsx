import { useMemo, useState, type CSSProperties } from 'react';
import { Space, Tag, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../lib/use-lang';
import { useCategories } from './case-api';
import type { Category } from './case-types';
import { recentCategories, rememberCategory } from './recent-categories';

interface Option {
  value: string;
  title: string;
  label: string;
  disabled: boolean;
  selectable: boolean;
  children: Option[];
}

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Intake takes a small class only; a list filter may take a big class (it matches the codes below it). */
  leafOnly?: boolean;
  placeholder?: string;
  /** Offer the categories picked last in this browser as one-click tags under the field (intake). */
  showRecent?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  'data-testid'?: string;
  'aria-label'?: string;
}

export function categoryName(c: Pick<Category, 'name' | 'nameEn'>, lang: 'zh' | 'en'): string {
  return lang === 'en' && c.nameEn ? c.nameEn : c.name;
}

/** Finds a category anywhere in the tree. */
export function findCategory(nodes: Category[] | undefined, id: string | undefined): Category | undefined {
  if (!nodes || !id) return undefined;
  for (const node of nodes) {
    if (node.id === id) return node;
    const below = findCategory(node.children, id);
    if (below) return below;
  }
  return undefined;
}

/** The category tree with its codes (GB/T 30428 style: SJ01 big class, SJ0101 small class); search by either. */
export function CategoryTreeSelect({
  value,
  onChange,
  leafOnly = false,
  placeholder,
  showRecent = false,
  style,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const categories = useCategories();
  const [recent, setRecent] = useState(() => (showRecent ? recentCategories() : []));
  const pick = (next: string | undefined) => {
    if (next && showRecent) setRecent(rememberCategory(next));
    onChange?.(next);
  };
  const recentFound = recent
    .map((id) => findCategory(categories.data, id))
    .filter((c): c is Category => !!c && !c.disabled && (!leafOnly || c.children.length === 0));

  const treeData = useMemo(() => {
    const toOption = (c: Category): Option => {
      const name = categoryName(c, lang);
      return {
        value: c.id,
        title: `${c.code} ${name}`,
        label: `${c.code} ${name}`,
        disabled: c.disabled,
        selectable: !leafOnly || c.children.length === 0,
        children: c.children.map(toOption),
      };
    };
    return (categories.data ?? []).map(toOption);
  }, [categories.data, lang, leafOnly]);

  const select = (
    <TreeSelect
      {...rest}
      value={value}
      onChange={(next: string | undefined) => pick(next)}
      treeData={treeData}
      // A click on a big class opens it (it cannot be picked at intake); a click on a small class picks it.
      treeExpandAction="click"
      treeNodeLabelProp="label"
      loading={categories.isPending}
      placeholder={placeholder}
      showSearch={{ treeNodeFilterProp: 'title' }}
      notFoundContent={categories.isError ? t('common.loadFailed') : t('common.empty')}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
    />
  );
  if (!showRecent || recentFound.length === 0) return select;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      {select}
      <Space wrap size={4} data-testid="category-recent">
        <Typography.Text type="secondary">{t('case.intake.categoryRecent')}</Typography.Text>
        {recentFound.map((c) => (
          <Tag.CheckableTag key={c.id} checked={c.id === value} onChange={() => pick(c.id)}>
            {`${c.code} ${categoryName(c, lang)}`}
          </Tag.CheckableTag>
        ))}
      </Space>
    </Space>
  );
}

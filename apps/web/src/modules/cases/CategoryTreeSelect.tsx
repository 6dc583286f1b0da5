import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../lib/use-lang';
import { useCategories } from './case-api';
import type { Category } from './case-types';

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
  style,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const categories = useCategories();

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

  return (
    <TreeSelect
      {...rest}
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      treeData={treeData}
      treeNodeLabelProp="label"
      loading={categories.isPending}
      placeholder={placeholder}
      showSearch={{ treeNodeFilterProp: 'title' }}
      notFoundContent={categories.isError ? t('common.loadFailed') : t('common.empty')}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
    />
  );
}

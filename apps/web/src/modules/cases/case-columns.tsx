import { useMemo } from 'react';
import { Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../lib/time';
import { useLang } from '../../lib/use-lang';
import type { CaseListItem, Category } from './case-types';
import { useCategories } from './case-api';
import { categoryName } from './CategoryTreeSelect';
import { CaseStatusTag, SlaBadge } from './CaseTags';
import { isOpen } from './case-labels';

/** Short in the table (month-day time), the full time on hover. */
const time = (at: string | null) =>
  at ? (
    <span style={{ whiteSpace: 'nowrap' }} title={formatTime(at, 'YYYY-MM-DD HH:mm')}>
      {formatTime(at, 'MM-DD HH:mm')}
    </span>
  ) : null;

/** The columns of /cases and /tasks, and the card a phone shows per case instead of a row. */
export function useCaseColumns(): {
  columns: TableColumnsType<CaseListItem>;
  renderCard: (c: CaseListItem) => React.ReactNode;
} {
  const { t } = useTranslation();
  const { lang } = useLang();
  const categories = useCategories();
  // The list carries the Chinese category name; the tree has the English one.
  const byId = useMemo(() => {
    const map = new Map<string, Category>();
    const walk = (nodes: Category[]) =>
      nodes.forEach((n) => {
        map.set(n.id, n);
        walk(n.children);
      });
    walk(categories.data ?? []);
    return map;
  }, [categories.data]);
  const nameOf = (c: CaseListItem) => {
    const cat = byId.get(c.categoryId);
    return cat ? categoryName(cat, lang) : c.categoryName;
  };

  // A phone gets one card per case: what it is, where, its state and when the step is due.
  const renderCard = (c: CaseListItem) => (
    <div data-testid="case-row">
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'center' }}>
        <Link to={`/cases/${c.id}`} data-testid="case-link">
          {c.number}
        </Link>
        <Space size={4}>
          <CaseStatusTag status={c.status} />
          {isOpen(c.status) && <SlaBadge state={c.slaState} />}
        </Space>
      </div>
      <Link to={`/cases/${c.id}`} style={{ color: 'inherit' }}>
        <Typography.Text strong ellipsis style={{ display: 'block' }}>
          {c.title}
        </Typography.Text>
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[nameOf(c), c.gridName].filter(Boolean).join(' · ')}
        {isOpen(c.status) && c.stepDeadline
          ? ` · ${t('case.field.stepDeadline')} ${formatTime(c.stepDeadline, 'MM-DD HH:mm')}`
          : ''}
      </Typography.Text>
    </div>
  );

  const columns: TableColumnsType<CaseListItem> = [
    {
      title: t('case.field.number'),
      key: 'number',
      width: 140,
      fixed: 'left',
      render: (_, c) => (
        <Link to={`/cases/${c.id}`} data-testid="case-link" style={{ whiteSpace: 'nowrap' }}>
          {c.number}
        </Link>
      ),
    },
    {
      title: t('case.field.title'),
      dataIndex: 'title',
      key: 'title',
      width: 180,
      render: (title: string, c) => (
        <Link to={`/cases/${c.id}`} style={{ color: 'inherit' }}>
          <Typography.Text ellipsis={{ tooltip: title }} style={{ maxWidth: 164 }}>
            {title}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('case.field.category'),
      key: 'category',
      width: 110,
      render: (_, c) => {
        const name = nameOf(c);
        return (
          <Typography.Text ellipsis={{ tooltip: `${c.categoryCode} ${name}` }} style={{ maxWidth: 94 }}>
            {name}
          </Typography.Text>
        );
      },
    },
    {
      title: t('case.field.status'),
      key: 'status',
      width: 76,
      render: (_, c) => <CaseStatusTag status={c.status} />,
    },
    {
      title: t('case.field.sla'),
      key: 'sla',
      width: 84,
      render: (_, c) => (isOpen(c.status) ? <SlaBadge state={c.slaState} /> : null),
    },
    { title: t('case.field.grid'), dataIndex: 'gridName', key: 'grid', width: 140, ellipsis: true },
    { title: t('case.field.centre'), dataIndex: 'ownerOrgName', key: 'centre', width: 100, ellipsis: true },
    {
      title: t('case.field.department'),
      dataIndex: 'departmentName',
      key: 'department',
      width: 110,
      ellipsis: true,
    },
    {
      title: t('case.field.reportedAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 100,
      render: time,
    },
    {
      title: t('case.field.stepDeadline'),
      key: 'stepDeadline',
      width: 100,
      render: (_, c) => (isOpen(c.status) ? time(c.stepDeadline) : null),
    },
  ];
  return { columns, renderCard };
}

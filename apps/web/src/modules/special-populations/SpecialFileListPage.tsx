import { useMemo } from 'react';
import { Alert, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  MANAGEMENT_LEVELS,
  SPECIAL_CATEGORIES,
  SPECIAL_STATUSES,
  SUBCATEGORIES,
  type SpecialCategory,
} from '@civicgrid/shared/special-populations';
import { ListPage } from '../../kit/ListPage';
import { search, select } from '../../kit/filters';
import { LevelTag, StatusTag, useSubLabel } from './labels';
import { specialKeys, type SpecialFile } from './special-api';

const FILES = { path: '/api/special-populations/files', key: specialKeys.files };

/**
 * One list per class (/special/corrections, /special/drug …), each its own menu entry under the class
 * permission: filters in the URL, the count, export (the class's export permission), ID numbers masked.
 */
export default function SpecialFileListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sub = useSubLabel();
  const param = useParams().category;
  const category = (SPECIAL_CATEGORIES as readonly string[]).includes(param ?? '')
    ? (param as SpecialCategory)
    : undefined;
  const filters = useMemo(
    () => [
      search('q', { placeholder: t('special.field.name'), testId: 'special-q' }),
      select(
        'status',
        SPECIAL_STATUSES.map((s) => ({ value: s, label: t(`special.status.${s}`) })),
        { placeholder: t('special.field.status'), width: 130, testId: 'special-status-filter' },
      ),
      ...(category
        ? [
            select(
              'subcategory',
              SUBCATEGORIES[category].map((s) => ({ value: s, label: sub(s) })),
              { placeholder: t('special.field.subcategory'), width: 150 },
            ),
            select(
              'managementLevel',
              MANAGEMENT_LEVELS[category].map((s) => ({ value: s, label: t(`special.level.${s}`) })),
              { placeholder: t('special.field.managementLevel'), width: 130 },
            ),
          ]
        : []),
      select('cadre', [{ value: 'mine', label: t('special.list.mine') }], {
        placeholder: t('special.field.cadre'),
        width: 130,
      }),
    ],
    [t, category, sub],
  );
  const query = useMemo(() => (category ? { category } : {}), [category]);
  const columns: TableColumnsType<SpecialFile> = [
    {
      title: t('special.field.name'),
      key: 'name',
      render: (_, r) => <Link to={`/special/files/${r.id}`}>{r.personName}</Link>,
    },
    { title: t('special.field.idNumber'), dataIndex: 'personIdNumber' },
    ...(category
      ? []
      : [
          {
            title: t('special.field.category'),
            key: 'category',
            render: (_: unknown, r: SpecialFile) => t(`special.category.${r.category}`),
          },
        ]),
    { title: t('special.field.subcategory'), key: 'sub', render: (_, r) => sub(r.subcategory) },
    { title: t('special.field.status'), key: 'status', render: (_, r) => <StatusTag status={r.status} /> },
    {
      title: t('special.field.managementLevel'),
      key: 'level',
      render: (_, r) => <LevelTag level={r.managementLevel} risk={r.riskLevel} />,
    },
    { title: t('special.field.cadre'), key: 'cadre', render: (_, r) => r.cadreName ?? '—' },
    { title: t('special.field.startDate'), dataIndex: 'startDate' },
    {
      title: category === 'released' ? t('special.field.windowEnd') : t('special.field.plannedEnd'),
      key: 'end',
      render: (_, r) => r.windowEnd ?? r.plannedEnd ?? '—',
    },
  ];
  return (
    <ListPage<SpecialFile>
      key={category ?? 'all'}
      title={
        category
          ? t('special.list.titleOf', { category: t(`special.category.${category}`) })
          : t('special.list.title')
      }
      resource={FILES}
      query={query}
      filters={filters}
      columns={columns}
      renderCard={(r) => <FileCard r={r} />}
      export={{
        path: '/api/special-populations/files/export',
        baseName: `special-${category ?? 'all'}`,
        testId: 'special-export',
      }}
      create={{
        permission: 'special.manage',
        label: t('special.list.new'),
        testId: 'special-new',
        onClick: () => void navigate(`/special/new${category ? `?category=${category}` : ''}`),
      }}
      emptyText={t('special.list.empty')}
      testId="special-table"
      filterTestId="special-filters"
    >
      <Alert type="info" showIcon message={t('special.list.masked')} style={{ marginBottom: 12 }} />
    </ListPage>
  );
}

function FileCard({ r }: { r: SpecialFile }) {
  const { t } = useTranslation();
  const sub = useSubLabel();
  return (
    <Link
      to={`/special/files/${r.id}`}
      data-testid="special-card"
      style={{ display: 'block', color: 'inherit' }}
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space size={4} wrap>
          <Typography.Text strong>{r.personName}</Typography.Text>
          <StatusTag status={r.status} />
          <LevelTag level={r.managementLevel} risk={r.riskLevel} />
        </Space>
        <Typography.Text>
          {t(`special.category.${r.category}`)} · {sub(r.subcategory)}
        </Typography.Text>
        <Typography.Text type="secondary">
          {r.personIdNumber} · {r.cadreName ?? '—'}
        </Typography.Text>
      </Space>
    </Link>
  );
}

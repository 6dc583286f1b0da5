import { useMemo } from 'react';
import type { TableColumnsType } from 'antd';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  PETITION_CATEGORIES,
  PETITION_CHANNELS,
  PETITION_CLASSES,
  PETITION_STATUSES,
} from '@civicgrid/shared/petitions';
import { useCan } from '../../app/auth';
import { ListPage } from '../../kit/ListPage';
import { dateRange, search, select } from '../../kit/filters';
import { formatTime } from '../../lib/time';
import { MonthlyReturnButton } from './MonthlyReturnButton';
import { PETITIONS, type PetitionItem } from './petition-api';
import { ClockCell, Flags, StatusTag } from './petition-ui';

/** 信访事项: the list with its running legal limit; filters live in the URL, identities masked without the class. */
export default function PetitionListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Petitions are all of the petition class: only its export permission downloads them.
  const canExport = useCan('class.petition.export');
  const filters = useMemo(
    () => [
      search('q', { placeholder: t('petition.list.search'), testId: 'petitions-search' }),
      select(
        'status',
        PETITION_STATUSES.map((s) => ({ value: s, label: t(`petition.status.${s}`) })),
        { placeholder: t('petition.list.status'), width: 140, testId: 'petitions-status' },
      ),
      select(
        'sla',
        (['warning', 'overdue'] as const).map((s) => ({ value: s, label: t(`petition.sla.${s}`) })),
        { placeholder: t('petition.list.sla'), width: 120 },
      ),
      select(
        'class',
        PETITION_CLASSES.map((s) => ({ value: s, label: t(`petition.class.${s}`) })),
        { placeholder: t('petition.list.kind'), width: 130 },
      ),
      select(
        'channel',
        PETITION_CHANNELS.map((s) => ({ value: s, label: t(`petition.channel.${s}`) })),
        { placeholder: t('petition.list.channel'), width: 120 },
      ),
      select(
        'category',
        PETITION_CATEGORIES.map((s) => ({ value: s, label: t(`petition.category.${s}`) })),
        { placeholder: t('petition.list.category'), width: 130 },
      ),
      select('repeat', [{ value: 'true', label: t('petition.flag.repeat') }], {
        placeholder: t('petition.flag.repeat'),
        width: 110,
      }),
      select('collective', [{ value: 'true', label: t('petition.flag.collective') }], {
        placeholder: t('petition.flag.collective'),
        width: 110,
      }),
      dateRange('from', 'to'),
    ],
    [t],
  );
  const columns: TableColumnsType<PetitionItem> = [
    {
      title: t('petition.list.number'),
      key: 'number',
      render: (_, p) => <Link to={`/petitions/${p.id}`}>{p.number}</Link>,
    },
    { title: t('petition.list.summary'), dataIndex: 'summary', ellipsis: true },
    {
      title: t('petition.list.petitioner'),
      key: 'who',
      render: (_, p) => p.petitionerName ?? '—',
    },
    { title: t('petition.list.responsible'), key: 'resp', render: (_, p) => p.responsibleOrgName ?? '—' },
    { title: t('petition.list.status'), key: 'status', render: (_, p) => <StatusTag status={p.status} /> },
    { title: t('petition.list.clock'), key: 'clock', render: (_, p) => <ClockCell p={p} /> },
    {
      title: t('petition.list.routeBy'),
      key: 'route',
      render: (_, p) => formatTime(p.routeDeadline, 'MM-DD'),
    },
    {
      title: t('petition.list.handleBy'),
      key: 'handle',
      render: (_, p) => (p.handleDeadline ? formatTime(p.handleDeadline, 'MM-DD') : '—'),
    },
    { title: t('petition.list.flags'), key: 'flags', render: (_, p) => <Flags p={p} /> },
    {
      title: t('petition.list.receivedAt'),
      key: 'at',
      render: (_, p) => formatTime(p.receivedAt, 'YYYY-MM-DD'),
    },
  ];
  return (
    <ListPage<PetitionItem>
      title={t('petition.list.title')}
      resource={PETITIONS}
      filters={filters}
      columns={columns}
      renderCard={(p) => (
        <div onClick={() => void navigate(`/petitions/${p.id}`)}>
          <Typography.Text strong>{p.number}</Typography.Text> <StatusTag status={p.status} />
          <div>{p.summary}</div>
          <ClockCell p={p} />
        </div>
      )}
      extra={canExport ? <MonthlyReturnButton /> : undefined}
      export={
        canExport
          ? { path: '/api/petitions/export', baseName: 'petitions', testId: 'petitions-export' }
          : undefined
      }
      create={{
        permission: 'petition.register',
        label: t('petition.desk.form'),
        onClick: () => void navigate('/petitions/desk'),
      }}
      emptyText={t('petition.list.empty')}
      testId="petition-list"
    />
  );
}

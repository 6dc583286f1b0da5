import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../app/auth';
import { ListPage } from '../../kit/ListPage';
import { custom, dateRange, org, search, select, UUID } from '../../kit/filters';
import { caseKeys } from './case-api';
import { CASE_STATUSES, CHANNELS, SLA_STATES, URGENCIES } from './case-types';
import { useCaseColumns } from './case-columns';
import { CategoryTreeSelect } from './CategoryTreeSelect';

const CASES = { path: '/api/cases', key: caseKeys.all };

/** 事件列表: every case in the caller's scope, newest first; the filters live in the URL (/cases?slaState=overdue). */
export default function CaseListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The org picker lists the org tree, which needs org.read.
  const canPickOrg = useCan('org.read');
  const { columns, renderCard } = useCaseColumns();
  const filters = useMemo(
    () => [
      search('q', { placeholder: t('case.list.searchPlaceholder'), testId: 'cases-search' }),
      select(
        'status',
        CASE_STATUSES.map((s) => ({ value: s, label: t(`case.status.${s}`) })),
        {
          multiple: true,
          placeholder: t('case.list.statusFilter'),
          width: 220,
          testId: 'cases-status-filter',
        },
      ),
      custom(
        'categoryId',
        (value, onChange) => (
          <CategoryTreeSelect
            allowClear
            value={value}
            onChange={onChange}
            placeholder={t('case.list.categoryFilter')}
            aria-label={t('case.list.categoryFilter')}
            style={{ width: 180 }}
            data-testid="cases-category-filter"
          />
        ),
        { pattern: UUID },
      ),
      org('orgId', {
        visible: canPickOrg,
        placeholder: t('case.list.orgFilter'),
        testId: 'cases-org-filter',
      }),
      select(
        'channel',
        CHANNELS.map((c) => ({ value: c, label: t(`case.channel.${c}`) })),
        { placeholder: t('case.list.channelFilter'), testId: 'cases-channel-filter' },
      ),
      select(
        'urgency',
        URGENCIES.map((u) => ({ value: u, label: t(`case.urgency.${u}`) })),
        { placeholder: t('case.list.urgencyFilter'), width: 110, testId: 'cases-urgency-filter' },
      ),
      select(
        'slaState',
        SLA_STATES.map((s) => ({ value: s, label: t(`case.sla.${s}`) })),
        { placeholder: t('case.list.slaFilter'), width: 110, testId: 'cases-sla-filter' },
      ),
      select(
        'sort',
        [
          { value: 'created', label: t('case.list.sortCreated') },
          { value: 'deadline', label: t('case.list.sortDeadline') },
        ],
        { defaultValue: 'created', placeholder: t('case.list.sort'), width: 170, testId: 'cases-sort' },
      ),
      dateRange('from', 'to', { placeholder: t('case.field.reportedAt'), testId: 'cases-date-filter' }),
    ],
    [t, canPickOrg],
  );

  return (
    <ListPage
      title={t('case.list.title')}
      resource={CASES}
      filters={filters}
      columns={columns}
      renderCard={renderCard}
      export={{ path: '/api/cases/export', baseName: 'cases', testId: 'cases-export' }}
      create={{
        permission: 'case.create',
        label: t('case.list.newCase'),
        testId: 'cases-new',
        onClick: () => void navigate('/cases/new'),
      }}
      emptyText={t('case.list.empty')}
      testId="case-table"
      filterTestId="case-filters"
    />
  );
}

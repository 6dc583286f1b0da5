import { useMemo } from 'react';
import { Button, Card, Grid, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../app/auth';
import { ExportButton } from '../../components/ExportButton';
import { useCaseList } from './case-api';
import type { CaseFilters } from './case-types';
import { apiQueryOf, filtersFromParams, filtersToParams } from './case-filters';
import { CaseFilterBar } from './CaseFilterBar';
import { CaseTable } from './CaseTable';

export default function CaseListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canCreate = useCan('case.create');
  const wide = Grid.useBreakpoint().md !== false;
  // The filters live in the URL, so a link such as /cases?slaState=overdue opens the list already filtered.
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const query = useMemo(() => apiQueryOf(filters), [filters]);
  const list = useCaseList(query);

  const setFilters = (next: CaseFilters) => setParams(filtersToParams(next), { replace: true });

  return (
    <Card
      title={t('case.list.title')}
      extra={
        <Space wrap>
          <ExportButton path="/api/cases/export" query={query} baseName="cases" testId="cases-export" />
          {canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/cases/new')}
              aria-label={t('case.list.newCase')}
              data-testid="cases-new"
            >
              {wide && t('case.list.newCase')}
            </Button>
          )}
        </Space>
      }
      styles={{ header: { flexWrap: 'wrap' } }}
    >
      <CaseFilterBar value={filters} onChange={setFilters} compact={!wide} />
      <CaseTable list={list} emptyText={t('case.list.empty')} />
    </Card>
  );
}

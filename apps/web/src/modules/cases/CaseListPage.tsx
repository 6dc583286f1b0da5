import { useMemo, useState } from 'react';
import { App, Button, Card, Space } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../app/auth';
import { downloadFile } from '../../lib/download';
import { errorMessage } from '../../lib/error-message';
import { useCaseList, type CaseFilters } from './case-api';
import { apiQueryOf, filtersFromParams, filtersToParams } from './case-filters';
import { CaseFilterBar } from './CaseFilterBar';
import { CaseTable } from './CaseTable';

export default function CaseListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canCreate = useCan('case.create');
  // The filters live in the URL, so a link such as /cases?slaState=overdue opens the list already filtered.
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const query = useMemo(() => apiQueryOf(filters), [filters]);
  const list = useCaseList(query);
  const [exporting, setExporting] = useState(false);

  const setFilters = (next: CaseFilters) => setParams(filtersToParams(next), { replace: true });

  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile('/api/cases/export', query, 'cases.csv');
    } catch (error) {
      void message.error(t('common.exportFailed', { message: errorMessage(t, error) }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      title={t('case.list.title')}
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void onExport()}
            data-testid="cases-export"
          >
            {t('case.list.exportCsv')}
          </Button>
          {canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/cases/new')}
              data-testid="cases-new"
            >
              {t('case.list.newCase')}
            </Button>
          )}
        </Space>
      }
      styles={{ header: { flexWrap: 'wrap' } }}
    >
      <CaseFilterBar value={filters} onChange={setFilters} />
      <CaseTable list={list} emptyText={t('case.list.empty')} />
    </Card>
  );
}

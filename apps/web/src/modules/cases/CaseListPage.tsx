import { useMemo, useState } from 'react';
import { App, Button, Card, Dropdown, Grid, Space } from 'antd';
import { DownOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../app/auth';
import { downloadFile } from '../../lib/download';
import { errorMessage } from '../../lib/error-message';
import { useCaseList } from './case-api';
import type { CaseFilters } from './case-types';
import { apiQueryOf, filtersFromParams, filtersToParams } from './case-filters';
import { CaseFilterBar } from './CaseFilterBar';
import { CaseTable } from './CaseTable';

export default function CaseListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canCreate = useCan('case.create');
  const wide = Grid.useBreakpoint().md !== false;
  // The filters live in the URL, so a link such as /cases?slaState=overdue opens the list already filtered.
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const query = useMemo(() => apiQueryOf(filters), [filters]);
  const list = useCaseList(query);
  const [exporting, setExporting] = useState(false);

  const setFilters = (next: CaseFilters) => setParams(filtersToParams(next), { replace: true });

  const onExport = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    try {
      await downloadFile('/api/cases/export', { ...query, format }, `cases.${format}`);
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
          <Space.Compact>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void onExport('csv')}
              aria-label={t('case.list.exportCsv')}
              data-testid="cases-export"
            >
              {wide && t('case.list.exportCsv')}
            </Button>
            <Dropdown
              trigger={['click']}
              placement="bottomRight"
              menu={{
                items: [{ key: 'xlsx', label: t('case.list.exportXlsx') }],
                onClick: () => void onExport('xlsx'),
              }}
            >
              <Button icon={<DownOutlined />} disabled={exporting} aria-label={t('case.list.exportXlsx')} />
            </Dropdown>
          </Space.Compact>
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

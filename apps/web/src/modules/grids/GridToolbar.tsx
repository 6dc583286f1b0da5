import { App, Button, Segmented, Select, Space } from 'antd';
import {
  DownloadOutlined,
  EnvironmentOutlined,
  PlusOutlined,
  TableOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { downloadFile } from '../../lib/download';
import { errorMessage } from '../../lib/error-message';
import { GRID_METRICS, METRIC_LABELS, type GridMetric } from './grid-metrics';

export type GridView = 'map' | 'list';

interface Props {
  view: GridView;
  onView: (view: GridView) => void;
  metric: GridMetric;
  onMetric: (metric: GridMetric) => void;
  drawing: boolean;
  onCreate: () => void;
  onImport: () => void;
  compact: boolean;
}

export function GridToolbar({ view, onView, metric, onMetric, drawing, onCreate, onImport, compact }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCan('grid.manage');
  // A new grid is a new org unit: that takes org.manage as well.
  const canOrgs = useCan('org.manage');
  const canCreate = canManage && canOrgs;

  const exportGeoJson = () =>
    downloadFile('/api/grids/export', { level: 'grid' }, 'grids.geojson').catch((error: unknown) =>
      message.error(t('common.exportFailed', { message: errorMessage(t, error) })),
    );

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
      <Segmented<GridView>
        value={view}
        onChange={onView}
        disabled={drawing}
        options={[
          { value: 'map', label: t('grid.viewMap'), icon: <EnvironmentOutlined /> },
          { value: 'list', label: t('grid.viewList'), icon: <TableOutlined /> },
        ]}
        data-testid="grid-view"
      />
      {view === 'map' && (
        <Select<GridMetric>
          value={metric}
          onChange={onMetric}
          options={GRID_METRICS.map((m) => ({ value: m, label: t(METRIC_LABELS[m]) }))}
          prefix={compact ? undefined : t('grid.metric.label')}
          aria-label={t('grid.metric.label')}
          style={{ minWidth: compact ? 120 : 200 }}
          popupMatchSelectWidth={false}
          data-testid="grid-metric"
        />
      )}
      <div style={{ flex: 1 }} />
      <Space wrap size={8}>
        {canCreate && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={onCreate}
            disabled={drawing}
            data-testid="grid-create"
          >
            {t('grid.create.button')}
          </Button>
        )}
        {canManage && (
          <Button
            icon={<UploadOutlined />}
            onClick={onImport}
            disabled={drawing}
            aria-label={t('grid.import.button')}
            title={compact ? t('grid.import.button') : undefined}
            data-testid="grid-import"
          >
            {compact ? null : t('grid.import.button')}
          </Button>
        )}
        {canManage && (
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void exportGeoJson()}
            aria-label={t('grid.exportGeoJson')}
            title={compact ? t('grid.exportGeoJson') : undefined}
            data-testid="grid-export"
          >
            {compact ? null : t('grid.exportGeoJson')}
          </Button>
        )}
      </Space>
    </div>
  );
}

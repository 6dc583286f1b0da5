import type { ReactNode } from 'react';
import { Breadcrumb, Button, Card, Descriptions, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { CloseOutlined, EditOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CENTRE_TYPE_LABELS } from '@civicgrid/shared/grids';
import { useCan } from '../../app/auth';
import { OrgLevelTag } from '../../components/OrgLevelTag';
import { QueryError } from '../../components/QueryError';
import { useLang } from '../../lib/use-lang';
import { useGridDetail, type GridDetail } from './grid-api';
import { GridStaffSection } from './GridStaffSection';

interface Props {
  gridId: string;
  drawing: boolean;
  onDraw: (grid: GridDetail) => void;
  onClose: () => void;
}

/** A grid's page beside the map: where it sits, who serves it, its zones; and the way into draw mode. */
export function GridPanel({ gridId, drawing, onDraw, onClose }: Props) {
  const { t } = useTranslation();
  const detail = useGridDetail(gridId);
  const close = (
    <Button type="text" icon={<CloseOutlined />} onClick={onClose} aria-label={t('common.close')} />
  );
  if (detail.isPending || detail.isError) {
    return (
      <Card extra={close} data-testid="grid-panel">
        {detail.isPending ? (
          <Skeleton active />
        ) : (
          <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </Card>
    );
  }
  return <GridCard grid={detail.data} drawing={drawing} onDraw={onDraw} close={close} />;
}

function GridCard({
  grid,
  drawing,
  onDraw,
  close,
}: {
  grid: GridDetail;
  drawing: boolean;
  onDraw: (grid: GridDetail) => void;
  close: ReactNode;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const canManage = useCan('grid.manage');
  const canReadRegistry = useCan('registry.read');
  const staffed = grid.level === 'grid' || grid.level === 'microgrid';

  return (
    <Card
      size="small"
      title={
        <Space size={8} wrap>
          <span data-testid="grid-panel-name">{grid.name}</span>
          <OrgLevelTag level={grid.level} />
          {grid.centreType && <Tag color="purple">{CENTRE_TYPE_LABELS[grid.centreType][lang]}</Tag>}
        </Space>
      }
      extra={close}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 16 } }}
      data-testid="grid-panel"
    >
      <Breadcrumb
        items={grid.path.map((step) => ({ key: step.id, title: step.name }))}
        data-testid="grid-path"
      />
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('grid.code')}>{grid.code ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('grid.boundary')}>
          {grid.geometry ? (
            <Tag color="success">{t('grid.boundaryDrawn')}</Tag>
          ) : (
            <Tag color="warning" data-testid="grid-no-boundary">
              {t('grid.boundaryMissing')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('grid.centre')}>
          {grid.centreType ? CENTRE_TYPE_LABELS[grid.centreType][lang] : t('grid.notCentre')}
        </Descriptions.Item>
        <Descriptions.Item label={t('grid.zones')}>
          {grid.zones.length === 0 ? (
            <Typography.Text type="secondary">{t('grid.noZones')}</Typography.Text>
          ) : (
            <Space orientation="vertical" size={2}>
              {grid.zones.map((z) => (
                <span key={z.id}>
                  <Tag color="cyan">{z.name}</Tag>
                  {z.ownerName}
                  {z.ownerPhone && (
                    <>
                      {' '}
                      <a href={`tel:${z.ownerPhone.replace(/[^\d+]/g, '')}`}>
                        <PhoneOutlined /> {z.ownerPhone}
                      </a>
                    </>
                  )}
                </span>
              ))}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
      {canManage && staffed && (
        <div>
          <Button
            icon={<EditOutlined />}
            type={grid.geometry ? 'default' : 'primary'}
            onClick={() => onDraw(grid)}
            disabled={drawing || grid.disabled}
            data-testid="draw-start"
          >
            {grid.geometry ? t('grid.draw.redraw') : t('grid.draw.start')}
          </Button>
        </div>
      )}
      {grid.level === 'grid' && canReadRegistry && (
        <Link to={`/grids/${grid.id}/households`} data-testid="grid-households">
          {t('registry.households.link')}
        </Link>
      )}
      {staffed ? (
        <GridStaffSection gridId={grid.id} gridName={grid.name} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('grid.staff.notAGrid')} />
      )}
    </Card>
  );
}

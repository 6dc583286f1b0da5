import { Button, Spin, Typography } from 'antd';
import { AimOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import type { LngLat } from '../../components/map/map-geometry';
import type { LocateResult as Located } from './grid-api';

export interface LocateState {
  at: LngLat;
  result?: Located;
  error?: unknown;
}

interface Props {
  state: LocateState;
  onOpenGrid: (id: string) => void;
  onClose: () => void;
}

/** Which grid, community and street a clicked point falls in; outside every grid, the nearest one. */
export function LocateResult({ state, onOpenGrid, onClose }: Props) {
  const { t } = useTranslation();
  const { result, error, at } = state;
  const pending = !result && !error;
  let body;
  if (pending) body = <Spin size="small" />;
  else if (error) body = <Typography.Text type="danger">{errorMessage(t, error)}</Typography.Text>;
  else if (result?.grid) {
    const chain = [result.community, result.street, result.district].filter((o) => o !== null);
    body = (
      <>
        <div>
          <Typography.Text type="secondary">{t('grid.locate.inGrid')}</Typography.Text>{' '}
          <Typography.Link strong onClick={() => onOpenGrid(result.grid!.id)} data-testid="locate-grid">
            {result.grid.name}
          </Typography.Link>
          {result.grid.code && <Typography.Text type="secondary"> ({result.grid.code})</Typography.Text>}
        </div>
        {chain.length > 0 && <div>{chain.map((o) => o.name).join(' · ')}</div>}
      </>
    );
  } else {
    const near = result?.nearest;
    body = (
      <>
        <Typography.Text strong>{t('grid.locate.outside')}</Typography.Text>
        {near && (
          <div>
            {t('grid.locate.nearest')}{' '}
            <Typography.Link onClick={() => onOpenGrid(near.id)}>{near.name}</Typography.Link>
            {t('grid.locate.distance', { metres: Math.round(near.distanceMetres).toLocaleString() })}
          </div>
        )}
      </>
    );
  }
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="locate-result"
      data-state={pending ? 'pending' : error ? 'error' : result?.grid ? 'inside' : 'outside'}
      style={{
        position: 'absolute',
        top: 10,
        right: 10,
        zIndex: 1000,
        maxWidth: 'min(340px, calc(100% - 70px))',
        padding: '8px 32px 8px 12px',
        background: 'rgba(255,255,255,0.96)',
        borderRadius: 8,
        boxShadow: '0 2px 8px rgba(0,0,0,0.18)',
        fontSize: 13,
        lineHeight: '20px',
      }}
    >
      <div style={{ color: '#8c8c8c', fontSize: 12 }}>
        <AimOutlined /> {at[0].toFixed(6)}, {at[1].toFixed(6)}
      </div>
      {body}
      <Button
        type="text"
        size="small"
        icon={<CloseOutlined />}
        aria-label={t('common.close')}
        onClick={onClose}
        style={{ position: 'absolute', top: 4, right: 4 }}
      />
    </div>
  );
}

import { useCallback, useState } from 'react';
import { Button, Input, Spin, Typography } from 'antd';
import { AimOutlined, CloseOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MapView, type MapFocus } from '../../components/map/MapView';
import type { AreaFeature } from '../../components/map/map-geometry';
import { errorMessage } from '../../lib/error-message';
import { caseApi, useGridFeatures } from './case-api';

export interface LngLatValue {
  lng: number;
  lat: number;
}

interface Props {
  value?: LngLatValue | null;
  onChange?: (next: LngLatValue | null) => void;
  mapHeight: number;
}

const COORDS = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,，\s]\s*(-?\d{1,2}(?:\.\d+)?)\s*$/;

/** "121.355, 31.092" (longitude first, as GeoJSON and the API have it). */
export function parseLngLat(text: string): LngLatValue | null {
  const m = COORDS.exec(text);
  if (!m) return null;
  const lng = Number(m[1]);
  const lat = Number(m[2]);
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90) return null;
  return { lng, lat };
}

/** Where the case happened: a click on the grid map (or typed coordinates) drops the pin; its grid is looked up. */
export function LocationPicker({ value, onChange, mapHeight }: Props) {
  const { t } = useTranslation();
  const grids = useGridFeatures();
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState(false);
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const located = useQuery({
    queryKey: ['grids', 'locate', value?.lng, value?.lat],
    queryFn: () => caseApi.locate(value!.lng, value!.lat),
    enabled: !!value,
    staleTime: 60_000,
  });

  // The pin's own grid goes unlabelled: its name is said below the map, and the label would hide the pin.
  const pinnedGrid = located.data?.grid?.id ?? null;
  const labelTexts = useCallback(
    (f: AreaFeature) => (f.properties.id === pinnedGrid ? [] : [f.properties.name]),
    [pinnedGrid],
  );

  const applyTyped = () => {
    if (!typed.trim()) return;
    const at = parseLngLat(typed);
    setTypedError(!at);
    if (!at) return;
    onChange?.(at);
    const d = 0.003;
    setFocus({ key: Date.now(), bbox: [at.lng - d, at.lat - d, at.lng + d, at.lat + d] });
  };

  let status;
  if (!value) {
    status = (
      <Typography.Text type="secondary">
        <AimOutlined /> {t('case.intake.mapHint')}
      </Typography.Text>
    );
  } else if (located.isPending) {
    status = (
      <span>
        <Spin size="small" /> {t('case.intake.locating')}
      </span>
    );
  } else if (located.isError) {
    status = <Typography.Text type="danger">{errorMessage(t, located.error)}</Typography.Text>;
  } else if (located.data?.grid) {
    const d = located.data;
    const chain = [d.community?.name, d.street?.name].filter(Boolean).join(' · ');
    status = (
      <span data-state="inside">
        <EnvironmentOutlined style={{ color: '#722ed1' }} />{' '}
        <Typography.Text strong>{t('case.intake.located', { grid: d.grid!.name })}</Typography.Text>
        {chain && <Typography.Text type="secondary"> （{chain}）</Typography.Text>}
      </span>
    );
  } else {
    status = (
      <Typography.Text type="warning" data-state="outside">
        {t('case.intake.outside')}
      </Typography.Text>
    );
  }

  return (
    <div>
      <MapView
        grids={grids.data}
        onMapClick={(lng, lat) => {
          setTypedError(false);
          onChange?.({ lng, lat });
        }}
        points={value ? [{ id: 'pin', lngLat: [value.lng, value.lat], colour: '#f5222d' }] : []}
        selectedId={pinnedGrid}
        labelTexts={labelTexts}
        focus={focus}
        style={{ height: mapHeight }}
      />
      <div
        role="status"
        aria-live="polite"
        data-testid="intake-located"
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          flexWrap: 'wrap',
          marginTop: 8,
          minHeight: 24,
        }}
      >
        <span style={{ flex: 1, minWidth: 0 }}>{status}</span>
        {value && (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="intake-coords">
              {value.lng.toFixed(6)}, {value.lat.toFixed(6)}
            </Typography.Text>
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              onClick={() => onChange?.(null)}
              aria-label={t('case.intake.clearPin')}
              title={t('case.intake.clearPin')}
            />
          </>
        )}
      </div>
      <Input.Search
        value={typed}
        onChange={(e) => {
          setTyped(e.target.value);
          setTypedError(false);
        }}
        onSearch={applyTyped}
        // Enter here places the pin; it must not submit the surrounding form.
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
        enterButton={<AimOutlined />}
        placeholder={t('case.intake.coordinatesPlaceholder')}
        aria-label={t('case.field.coordinates')}
        status={typedError ? 'error' : undefined}
        style={{ marginTop: 8 }}
        data-testid="intake-coords-input"
      />
      {typedError && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {t('case.intake.coordinatesInvalid')}
        </Typography.Text>
      )}
    </div>
  );
}

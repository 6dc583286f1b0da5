import { Button, Tooltip } from 'antd';
import { ExpandOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Back to the whole picture: sits under Leaflet's zoom buttons. */
export function MapFitButton({ onFit }: { onFit: () => void }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('map.fitAll')} placement="right">
      <Button
        size="small"
        icon={<ExpandOutlined />}
        aria-label={t('map.fitAll')}
        onClick={onFit}
        style={{ position: 'absolute', top: 84, left: 10, zIndex: 1000, width: 34, height: 34 }}
        data-testid="map-fit"
      />
    </Tooltip>
  );
}

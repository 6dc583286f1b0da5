import { useTranslation } from 'react-i18next';
import { formatRange, NO_DATA_COLOUR, type ColourClass } from './choropleth';

/** The key to a coloured map: one swatch per class, and grey for grids without a value. */
export function MapLegend({
  title,
  classes,
  noData,
}: {
  title: string;
  classes: ColourClass[];
  noData: boolean;
}) {
  const { t } = useTranslation();
  const swatch = (colour: string) => (
    <span
      style={{
        display: 'inline-block',
        width: 14,
        height: 14,
        marginInlineEnd: 6,
        verticalAlign: -2,
        background: colour,
        border: '1px solid rgba(0,0,0,0.2)',
      }}
    />
  );
  return (
    <div className="cg-map-legend" data-testid="map-legend">
      <div style={{ fontWeight: 600, marginBottom: 4 }}>{title}</div>
      {classes.map((c) => (
        <div key={`${c.from}-${c.to}`}>
          {swatch(c.colour)}
          {formatRange(c)}
        </div>
      ))}
      {noData && (
        <div>
          {swatch(NO_DATA_COLOUR)}
          {t('map.noData')}
        </div>
      )}
    </div>
  );
}

import { MapView, type MapPoint } from '../../components/map/MapView';
import { usePublicGrids } from './portal-api';

interface Props {
  points: MapPoint[];
  onMapClick?: (lng: number, lat: number) => void;
  height: number;
}

/** The portal's map: grid outlines (names only) from the public API; carries Leaflet, so it is loaded lazily. */
export default function PortalMap({ points, onMapClick, height }: Props) {
  const grids = usePublicGrids();
  return (
    <MapView
      grids={grids.data}
      points={points}
      {...(onMapClick ? { onMapClick } : {})}
      style={{ height, borderRadius: 8 }}
    />
  );
}

import { MapView } from '../../components/map/MapView';

// Its own module so the house page loads Leaflet only when a house has a point.
export default function HouseMap({ id, lng, lat }: { id: string; lng: number; lat: number }) {
  const d = 0.003;
  return (
    <MapView
      points={[{ id, lngLat: [lng, lat], colour: '#f5222d' }]}
      focus={{ key: id, bbox: [lng - d, lat - d, lng + d, lat + d] }}
      style={{ height: 280 }}
    />
  );
}

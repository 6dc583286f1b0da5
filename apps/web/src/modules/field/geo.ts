/** One position fix, or null when the phone has none in `timeoutMs` (indoors, refused): records go on without. */
export function currentPosition(timeoutMs = 4000): Promise<{ lng: number; lat: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lng: p.coords.longitude, lat: p.coords.latitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 },
    );
  });
}

import { z } from 'zod';

/** Grid field work (modules.md §4.5): what the field PWA sends, shared by the API and the offline queue. */
export const VISIT_KINDS = ['wubifang', '12345', 'pairing', 'care', 'special', 'rental_check'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const PATROL_KINDS = ['street', 'house', 'night', 'vehicle'] as const;
export type PatrolKind = (typeof PATROL_KINDS)[number];
/** A patrol shorter than this, or without points, is flagged 无效. */
export const PATROL_MIN_SECONDS = 5 * 60;
/** The offline track is sampled every 30 s. */
export const TRACK_SAMPLE_MS = 30_000;
/** 12345: at least five households on days 1–5 of each month. */
export const RULE_12345 = { households: 5, lastDay: 5 } as const;
/** 逢五进站: the station duty days of each month (district setting; a day off moves by the district rule). */
export const DUTY_DAYS = [5, 15, 25] as const;

const lng = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const instant = z.iso.datetime({ offset: true });

export const visitInput = z.object({
  kind: z.enum(VISIT_KINDS),
  household: z.string().trim().min(1).max(200),
  findings: z.string().trim().min(1).max(4000),
  needs: z.string().trim().max(2000).optional(),
  lng: lng.optional(),
  lat: lat.optional(),
  visitedAt: instant,
  recordedOffline: z.boolean().optional(),
  /** The registry person visited (五必访 clears on it). */
  personId: z.uuid().optional(),
});
export type VisitInput = z.infer<typeof visitInput>;

export const trackPoint = z.object({ lng, lat, at: instant });
export type TrackPoint = z.infer<typeof trackPoint>;

export const patrolInput = z
  .object({
    kind: z.enum(PATROL_KINDS),
    startedAt: instant,
    endedAt: instant,
    points: z.array(trackPoint).max(3000),
  })
  .refine((p) => Date.parse(p.endedAt) >= Date.parse(p.startedAt), {
    path: ['endedAt'],
    message: 'must not be before startedAt',
  });
export type PatrolInput = z.infer<typeof patrolInput>;

export const fieldListQuery = z.object({
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export interface FieldVisit {
  id: string;
  kind: VisitKind;
  household: string;
  findings: string;
  needs: string | null;
  lng: number | null;
  lat: number | null;
  locationMissing: boolean;
  visitedAt: string;
  recordedOffline: boolean;
  visitorName: string;
  personId: string | null;
}

export interface FieldPatrol {
  id: string;
  kind: PatrolKind;
  startedAt: string;
  endedAt: string;
  pointCount: number;
  distanceM: number;
  durationS: number;
  invalid: boolean;
  userName: string;
}

export interface FieldToday {
  month: string;
  visitsThisMonth: number;
  households12345: number;
  rule12345: { households: number; lastDay: number; met: boolean; checkable: boolean };
  patrolSecondsThisMonth: number;
  patrolDistanceMThisMonth: number;
  nextDutyDay: string;
}

/** Great-circle length of a track in metres (haversine), the same on the phone and on the server. */
export function trackDistanceMeters(points: readonly { lng: number; lat: number }[]): number {
  const R = 6_371_000;
  const rad = (d: number) => (d * Math.PI) / 180;
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const dLat = rad(b.lat - a.lat);
    const dLng = rad(b.lng - a.lng);
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
    total += 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
  }
  return Math.round(total);
}

/** The next 逢五进站 day on or after `day` (YYYY-MM-DD, local calendar). */
export function nextDutyDay(day: string, days: readonly number[] = DUTY_DAYS): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const next = days.find((n) => n >= d);
  if (next !== undefined) return `${y}-${String(m).padStart(2, '0')}-${String(next).padStart(2, '0')}`;
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return `${ny}-${String(nm).padStart(2, '0')}-${String(days[0]).padStart(2, '0')}`;
}

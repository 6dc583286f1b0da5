import { z } from 'zod';
import { isMainlandPhone } from './validators.ts';

/**
 * 信访 work beyond the single matter (modules.md §4.2): leader reception days (领导接访日) and the portal's
 * bookings, 领导包案, and the petition-agent network (信访代理).
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const RECEPTION_DAY_STATUSES = ['planned', 'published', 'held', 'cancelled'] as const;
export const BOOKING_STATUSES = ['booked', 'attended', 'no_show', 'cancelled'] as const;

export const receptionDayInput = z
  .object({
    orgId: z.uuid().optional(),
    leaderId: z.uuid().optional(),
    leaderName: text(60),
    day: isoDay,
    fromTime: hhmm,
    toTime: hhmm,
    slotMinutes: z.number().int().min(10).max(240).default(30),
    slotCapacity: z.number().int().min(1).max(100).default(3),
    place: text(200),
    topic: optText(200),
  })
  .refine((d) => d.fromTime < d.toTime, { path: ['toTime'], message: 'must be after fromTime' });
export type ReceptionDayInput = z.infer<typeof receptionDayInput>;

export const receptionDayQuery = z.object({ from: isoDay.optional(), to: isoDay.optional() });

/** A resident's booking on the portal; `website` is the honeypot every portal form carries. */
export const bookingInput = z.object({
  slot: hhmm,
  name: text(40),
  phone: z.string().trim().refine(isMainlandPhone, 'a mainland mobile or landline number'),
  summary: text(500),
  website: z.string().max(200).optional(),
});
export type BookingInput = z.infer<typeof bookingInput>;

/** The slots of a day: from, from + minutes, … while the slot ends by `to`. */
export function receptionSlots(fromTime: string, toTime: string, minutes: number): string[] {
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  const out: string[] = [];
  for (let t = m(fromTime); t + minutes <= m(toTime); t += minutes)
    out.push(`${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`);
  return out;
}

export const LEADER_CASE_STATUSES = ['open', 'resolved', 'not_resolved'] as const;

export const leaderCaseInput = z.object({
  leaderId: z.uuid(),
  targetDate: isoDay,
  plan: text(2000),
});
/** On the petition page: the version of the petition's case, the current one when left out. */
export const leaderProgressInput = z.object({ text: text(2000), version: z.number().int().optional() });
export const leaderCloseInput = z.object({
  version: z.number().int().optional(),
  outcome: z.enum(['resolved', 'not_resolved']),
  text: optText(2000),
});

export const AGENT_STATION_LEVELS = ['village', 'town', 'department', 'county', 'union'] as const;
export const AGENT_KINDS = [
  'cadre',
  'lawyer',
  'old_party_member',
  'women_rep',
  'volunteer',
  'deputy',
  'cppcc',
  'party_rep',
  'notable',
  'wulao',
  'technician',
] as const;
export const AGENT_TENURES = ['full_time', 'part_time', 'honorary'] as const;
export const AGENT_MATTER_KINDS = ['petition', 'errand', 'care', 'dispute'] as const;
export const AGENT_RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const;

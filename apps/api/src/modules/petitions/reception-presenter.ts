import { receptionSlots } from '@civicgrid/shared/petitions-work';

export type DayRow = {
  id: string;
  org_id: string;
  leader_name: string;
  day: string;
  from_time: string;
  to_time: string;
  slot_minutes: number;
  slot_capacity: number;
  place: string;
  topic: string | null;
  status: string;
  version: number;
};

/** A reception day with its slots and the places booked and left in each. */
export function presentDay(d: DayRow, booked: Map<string, number>, orgName?: string) {
  const slots = receptionSlots(d.from_time, d.to_time, d.slot_minutes).map((time) => ({
    time,
    booked: booked.get(time) ?? 0,
    left: Math.max(0, d.slot_capacity - (booked.get(time) ?? 0)),
  }));
  return {
    id: d.id,
    orgId: d.org_id,
    orgName: orgName ?? null,
    leaderName: d.leader_name,
    day: d.day,
    fromTime: d.from_time,
    toTime: d.to_time,
    slotMinutes: d.slot_minutes,
    slotCapacity: d.slot_capacity,
    place: d.place,
    topic: d.topic,
    status: d.status,
    version: d.version,
    slots,
    booked: slots.reduce((n, s) => n + s.booked, 0),
  };
}

import type { Generated } from 'kysely';
import type { Json, Timestamp } from './schema-types.ts';

/** Field work (migration 0030): visits and patrols sent by the field PWA. */
export interface FieldVisitTable {
  id: Generated<string>;
  org_id: string;
  org_path: string;
  visitor_id: string;
  visitor_name: string;
  kind: string;
  household: string;
  findings: string;
  needs: string | null;
  lng: number | null;
  lat: number | null;
  location_missing: boolean;
  visited_at: Timestamp;
  recorded_offline: Generated<boolean>;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  created_at: Generated<Timestamp>;
}

export interface FieldPatrolTable {
  id: Generated<string>;
  org_id: string;
  org_path: string;
  user_id: string;
  user_name: string;
  kind: string;
  started_at: Timestamp;
  ended_at: Timestamp;
  track: Json;
  point_count: number;
  distance_m: number;
  duration_s: number;
  invalid: boolean;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  created_at: Generated<Timestamp>;
}

/** 逢五进站: one sign-in per worker and duty day. */
export interface FieldDutySigninTable {
  id: Generated<string>;
  org_id: string;
  org_path: string;
  user_id: string;
  day: string;
  signed_in_at: Timestamp;
  lng: number | null;
  lat: number | null;
}

export interface FieldTables {
  field_duty_signins: FieldDutySigninTable;
  field_visits: FieldVisitTable;
  field_patrols: FieldPatrolTable;
}

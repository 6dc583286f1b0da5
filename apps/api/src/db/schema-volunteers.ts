import type { ColumnType, Generated } from 'kysely';
import type { DateText, GeneratedTimestamp, Json, Timestamp } from './schema-types.ts';

/** 群防群治 (migration 0031). */
export interface VolunteerTeamTable {
  id: Generated<string>;
  name: string;
  kind: string;
  org_id: string;
  org_path: string;
  leader_user_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface VolunteerTable {
  id: Generated<string>;
  person_id: string;
  org_id: string;
  org_path: string;
  kind: string;
  subtype: string | null;
  team_id: string | null;
  user_id: string | null;
  skills: Json;
  employer: string | null;
  certificate_number: string | null;
  certificate_issued: DateText | null;
  certificate_valid_to: DateText | null;
  trainings: Json;
  status: Generated<string>;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface VolunteerPostTable {
  id: Generated<string>;
  name: string;
  kind: string;
  place_kind: Generated<string>;
  org_id: string;
  org_path: string;
  team_id: string | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  coverage_start: Generated<string>;
  coverage_end: Generated<string>;
  min_per_shift: Generated<number>;
  pattern: Json;
  weekdays: ColumnType<number[], number[] | undefined, number[]>;
  active_from: DateText | null;
  active_to: DateText | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface VolunteerShiftTable {
  id: Generated<string>;
  post_id: string;
  org_path: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  assignees: ColumnType<string[], string[] | undefined, string[]>;
  status: Generated<string>;
  understaffed_alerted_at: Timestamp | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface VolunteerSigninTable {
  id: Generated<string>;
  shift_id: string;
  volunteer_id: string;
  org_path: string;
  signed_in_at: Timestamp;
  signed_out_at: Timestamp | null;
  in_lng: number | null;
  in_lat: number | null;
  note: string | null;
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
  created_at: GeneratedTimestamp;
}

export interface VolunteerTables {
  volunteer_teams: VolunteerTeamTable;
  volunteers: VolunteerTable;
  volunteer_posts: VolunteerPostTable;
  volunteer_shifts: VolunteerShiftTable;
  volunteer_signins: VolunteerSigninTable;
}

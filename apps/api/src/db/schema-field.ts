import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Json, Timestamp } from './schema-types.ts';

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
  /** 0037: the registry person visited (五必访 clears on it). */
  person_id: Generated<string | null>;
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

/** 工作日志 (0037): one per worker and day. */
export interface FieldWorkLogTable {
  id: Generated<string>;
  org_id: string;
  org_path: string;
  user_id: string;
  user_name: string;
  day: string;
  summary: Json;
  body: string;
  recorded_offline: Generated<boolean>;
  submitted_at: Timestamp;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Timestamp | null;
  review_comment: string | null;
  version: Generated<number>;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  created_at: Generated<Timestamp>;
  updated_at: GeneratedTimestamp;
}

export interface FieldWorkLogReminderTable {
  user_id: string;
  day: string;
  sent_at: Timestamp;
}

/** 一键通 (0037): a terminal and the alarms its gateway sends. */
export interface FieldTerminalTable {
  id: Generated<string>;
  org_id: string;
  org_path: string;
  code: string;
  location: string;
  person_id: string | null;
  house_id: string | null;
  secret: string;
  status: Generated<string>;
  version: Generated<number>;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: GeneratedTimestamp;
}

export interface FieldTerminalAlarmTable {
  id: Generated<string>;
  terminal_id: string;
  org_id: string;
  org_path: string;
  alarm_id: string;
  raised_at: Timestamp;
  deadline: Timestamp;
  worker_id: string | null;
  status: Generated<string>;
  arrived_at: Timestamp | null;
  arrived_lng: number | null;
  arrived_lat: number | null;
  handled_at: Timestamp | null;
  handled_note: string | null;
  overdue_notified: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
}

export interface FieldTables {
  field_duty_signins: FieldDutySigninTable;
  field_visits: FieldVisitTable;
  field_patrols: FieldPatrolTable;
  field_work_logs: FieldWorkLogTable;
  field_work_log_reminders: FieldWorkLogReminderTable;
  field_terminals: FieldTerminalTable;
  field_terminal_alarms: FieldTerminalAlarmTable;
}

import type { ColumnType, Generated } from 'kysely';
import type { DateText, Json, Timestamp } from './schema-types.ts';

/** 信访 (migration 0024): one row per matter, the legal facts of each step as columns. */
export interface PetitionTable {
  id: Generated<string>;
  number: string;
  channel: string;
  class: string;
  category: string;
  summary: string;
  demands: string;
  address: string | null;
  /** category + responsible org + normalised address: what "the same matter" means for 重复访. */
  matter_key: string;
  received_at: Timestamp;
  first_receiver_id: string | null;
  first_receiver_name: string;
  receiving_org_id: string;
  org_path: string;
  responsible_org_id: string | null;
  responsible_path: string | null;
  respondent_org_id: string | null;
  respondent_path: string | null;
  petitioner_id: string | null;
  petitioner_name: string | null;
  petitioner_id_number: string | null;
  petitioner_phone: string | null;
  people_count: Generated<number>;
  collective: Generated<boolean>;
  repeat_of: string | null;
  repeat_count: Generated<number>;
  cross_level: Generated<boolean>;
  status: string;
  route: string | null;
  routed_at: Timestamp | null;
  route_deadline: Timestamp | null;
  transferred_at: Timestamp | null;
  accept_decided_at: Timestamp | null;
  accepted: boolean | null;
  accepted_at: Timestamp | null;
  handle_deadline: Timestamp | null;
  extension: Json;
  answer_document_id: string | null;
  answered_at: Timestamp | null;
  served_at: Timestamp | null;
  serve_method: string | null;
  satisfaction: string | null;
  review_requested_at: Timestamp | null;
  review_org_id: string | null;
  review_answered_at: Timestamp | null;
  review_served_at: Timestamp | null;
  review_upheld: boolean | null;
  recheck_requested_at: Timestamp | null;
  recheck_org_id: string | null;
  hearing_since: Timestamp | null;
  hearings: Json;
  recheck_answered_at: Timestamp | null;
  concluded_at: Timestamp | null;
  conclusion: string | null;
  clock: string | null;
  deadline: Timestamp | null;
  sla_state: Generated<string>;
  was_overdue: Generated<boolean>;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Migration 0033: where the matter comes from (the petitioner's home org), for the 三个零 per street. */
  origin_path: ColumnType<string | null, string | null | undefined, string | null>;
  /** 进京/赴省访: received outside the district, a manual field of the monthly return. */
  beyond_district: ColumnType<string | null, string | null | undefined, string | null>;
  leader_case_id: ColumnType<string | null, string | null | undefined, string | null>;
  agent_matter_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 领导接访日 (migration 0033): a leader's reception day, cut into slots of a capacity each. */
export interface ReceptionDayTable {
  id: Generated<string>;
  org_id: string;
  org_path: string;
  leader_id: string | null;
  leader_name: string;
  day: DateText;
  from_time: string;
  to_time: string;
  slot_minutes: number;
  slot_capacity: number;
  place: string;
  topic: string | null;
  status: Generated<string>;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VisitAppointmentTable {
  id: Generated<string>;
  reception_day_id: string;
  slot: string;
  name: string;
  phone: string;
  summary: string;
  status: Generated<string>;
  petition_id: string | null;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  created_at: Timestamp;
}

/** 领导包案: one hard case a leader takes, over one or more petitions (petitions.leader_case_id). */
export interface LeaderCaseTable {
  id: Generated<string>;
  org_path: string;
  leader_id: string;
  leader_name: string;
  plan: string;
  since: Timestamp;
  target_date: DateText;
  status: Generated<string>;
  resolved_at: Timestamp | null;
  created_at: Timestamp;
  title: string | null;
  progress: ColumnType<unknown, string | undefined, string>;
  progress_every_days: Generated<number>;
  next_progress_due: DateText | null;
  closing_note: string | null;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  version: Generated<number>;
  updated_at: Timestamp | null;
}

/** 接访记录 (migration 0038): a leader received the petitioner; the 批示 and who follows up by when. */
export interface ReceptionRecordTable {
  id: Generated<string>;
  petition_id: string;
  reception_day_id: string | null;
  org_path: string;
  leader_id: string | null;
  leader_name: string;
  received_on: DateText;
  instruction: string;
  follow_up_owner_id: string;
  follow_up_owner_name: string;
  follow_up_due: DateText;
  created_by: string | null;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  created_at: Timestamp;
}

export interface AgentStationTable {
  id: Generated<string>;
  name: string;
  level: string;
  org_id: string;
  org_path: string;
  parent_station_id: string | null;
  phone: string | null;
  hours: string | null;
  created_at: Timestamp;
}

export interface PetitionAgentTable {
  id: Generated<string>;
  station_id: string;
  org_path: string;
  person_id: string;
  user_id: string | null;
  name: string;
  kind: string;
  tenure: Generated<string>;
  active: Generated<boolean>;
  created_at: Timestamp;
  area: string | null;
  phone: string | null;
}

export interface AgentMatterTable {
  id: Generated<string>;
  agent_id: string;
  station_id: string;
  org_path: string;
  kind: string;
  client_person_id: string | null;
  client_name: string;
  summary: string;
  accepted_at: Timestamp;
  steps: Json;
  status: Generated<string>;
  result: string | null;
  rating: string | null;
  closed_at: Timestamp | null;
  petition_id: string | null;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface PetitionTables {
  petitions: PetitionTable;
  reception_days: ReceptionDayTable;
  visit_appointments: VisitAppointmentTable;
  leader_cases: LeaderCaseTable;
  agent_stations: AgentStationTable;
  petition_agents: PetitionAgentTable;
  agent_matters: AgentMatterTable;
  reception_records: ReceptionRecordTable;
}

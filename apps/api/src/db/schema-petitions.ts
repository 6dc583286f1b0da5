import type { Generated } from 'kysely';
import type { Json, Timestamp } from './schema-types.ts';

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
}

export interface PetitionTables {
  petitions: PetitionTable;
}

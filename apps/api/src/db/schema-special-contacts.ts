import type { Generated } from 'kysely';
import type { DateText, GeneratedTimestamp, Json, Timestamp } from './schema-types.ts';

export interface SpecialPlanTable {
  id: Generated<string>;
  special_person_id: string;
  version: number;
  goals: string;
  measures: string | null;
  rhythm: Json;
  start_on: DateText;
  current: Generated<boolean>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface SpecialContactTable {
  id: Generated<string>;
  special_person_id: string;
  kind: string;
  done_on: DateText;
  note: string;
  minutes: number | null;
  location: string | null;
  due_on: DateText | null;
  by_id: string | null;
  by_name: string;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  created_at: GeneratedTimestamp;
}

export interface SpecialContactMissTable {
  special_person_id: string;
  rule: string;
  due_on: DateText;
  marked_at: Timestamp;
}

export interface SpecialIncidentTable {
  id: Generated<string>;
  special_person_id: string;
  kind: string;
  occurred_on: DateText;
  detail: string;
  action: string | null;
  org_path: string;
  by_id: string | null;
  by_name: string;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  created_at: GeneratedTimestamp;
}

export interface SpecialContactTables {
  special_plans: SpecialPlanTable;
  special_contacts: SpecialContactTable;
  special_contact_misses: SpecialContactMissTable;
  special_incidents: SpecialIncidentTable;
}

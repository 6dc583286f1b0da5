import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Json, Timestamp } from './schema-types.ts';

/** 维稳 (migration 0029): risk factors, their links, warnings and their target units. */
export interface RiskFactorTable {
  id: Generated<string>;
  number: string;
  title: string;
  type: string;
  source: string;
  level: string;
  people_involved: Generated<number>;
  collective: Generated<boolean>;
  location: string | null;
  lng: number | null;
  lat: number | null;
  description: string | null;
  sensitive_period: string | null;
  org_id: string;
  org_path: string;
  unit_id: string | null;
  unit_path: string | null;
  responsible_person: string | null;
  responsible_user_id: string | null;
  measures: string | null;
  deadline: Timestamp | null;
  overdue: Generated<boolean>;
  was_overdue: Generated<boolean>;
  escalated_to_id: string | null;
  escalated_from: string | null;
  result: string | null;
  resolved_at: Timestamp | null;
  occurred_at: Timestamp | null;
  status: string;
  reported_by: string | null;
  reported_at: Timestamp;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface RiskLinkTable {
  risk_id: string;
  record_type: string;
  record_id: string;
  label: string;
  created_at: GeneratedTimestamp;
}

export interface StabilityWarningTable {
  id: Generated<string>;
  number: string;
  source: string;
  rule: string | null;
  cluster_key: string | null;
  level: string;
  title: string;
  detail: string | null;
  data: Json;
  org_id: string;
  org_path: string;
  status: Generated<string>;
  issued_by: string | null;
  issued_at: Timestamp;
  closed_at: Timestamp | null;
  close_note: string | null;
  version: Generated<number>;
  updated_at: GeneratedTimestamp;
}

export interface WarningTargetTable {
  id: Generated<string>;
  warning_id: string;
  org_id: string;
  org_path: string;
  ack_due: Timestamp;
  acked_at: Timestamp | null;
  acked_by: string | null;
  acked_by_name: string | null;
  note: string | null;
  escalated_at: Timestamp | null;
  escalated_from: string | null;
}

export interface StabilityTables {
  risk_factors: RiskFactorTable;
  risk_links: RiskLinkTable;
  stability_warnings: StabilityWarningTable;
  warning_targets: WarningTargetTable;
}

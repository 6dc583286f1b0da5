import type { Generated } from 'kysely';
import type { DateText, GeneratedTimestamp, Timestamp } from './schema-types.ts';

/** Periodic returns (migration 0035): campaigns or periods, one return per unit, the records a return lists. */
export interface ReturnCampaignTable {
  id: Generated<string>;
  kind: string;
  name: string;
  period_start: DateText;
  period_end: DateText;
  due_at: Timestamp;
  issuer_id: string;
  issuer_path: string;
  unit_levels: string[];
  instructions: string | null;
  auto_key: string | null;
  created_by: string | null;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface UnitReturnTable {
  id: Generated<string>;
  campaign_id: string;
  org_id: string;
  org_path: string;
  status: Generated<string>;
  zero: Generated<boolean>;
  statement: string | null;
  note: string | null;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  submitted_by_name: string | null;
  late_notified_at: Timestamp | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface UnitReturnItemTable {
  return_id: string;
  record_type: string;
  record_id: string;
  label: string;
  created_at: GeneratedTimestamp;
}

export interface ReturnTables {
  return_campaigns: ReturnCampaignTable;
  unit_returns: UnitReturnTable;
  unit_return_items: UnitReturnItemTable;
}

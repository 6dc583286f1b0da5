import type { Generated } from 'kysely';
import type { Timestamp } from './schema-types.ts';

/** Shared record parts (0019-record-parts): owned by any record as (owner_type, owner_id). */
export interface RecordSubjectTable {
  id: Generated<string>;
  owner_type: string;
  owner_id: string;
  subject_type: string;
  subject_id: string;
  role: string;
  created_at: Timestamp;
  created_by: string | null;
}

export interface ReferralTable {
  id: Generated<string>;
  owner_type: string;
  owner_id: string;
  kind: string;
  from_org_id: string;
  from_path: string;
  to_org_id: string;
  to_path: string;
  status: Generated<string>;
  reason: string;
  response: string | null;
  due_at: Timestamp;
  created_at: Timestamp;
  created_by: string | null;
  answered_at: Timestamp | null;
  answered_by: string | null;
  version: Generated<number>;
}

export interface RecordClassTable {
  owner_type: string;
  owner_id: string;
  class: string;
  org_path: string;
  created_at: Timestamp;
  created_by: string | null;
}

export interface RecordTables {
  record_subjects: RecordSubjectTable;
  referrals: ReferralTable;
  record_classes: RecordClassTable;
}

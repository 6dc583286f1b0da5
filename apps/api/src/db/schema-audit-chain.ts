import type { Generated } from 'kysely';
import type { Timestamp } from './schema-types.ts';

/** Tables of 0027-security (issue 23). One link per audit row, in chain order. */
export interface AuditChainTable {
  seq: string;
  audit_id: string;
  prev_hash: string;
  hash: string;
  chained_at: Timestamp;
}

export interface TotpUsedStepTable {
  user_id: string;
  last_step: string;
}

export interface SubjectRequestTable {
  id: Generated<string>;
  person_id: string;
  org_path: string;
  kind: 'access' | 'correction' | 'deletion';
  detail: string;
  received_at: Timestamp;
  due_at: Timestamp;
  status: Generated<'open' | 'done' | 'refused'>;
  outcome: string | null;
  created_by: string | null;
  closed_by: string | null;
  closed_at: Timestamp | null;
  version: Generated<number>;
}

export interface AuditChainTables {
  audit_chain: AuditChainTable;
  totp_used_steps: TotpUsedStepTable;
  subject_requests: SubjectRequestTable;
}

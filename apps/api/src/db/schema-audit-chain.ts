import type { Timestamp } from './schema-types.ts';

/** One link per audit row, in chain order (0027-security). */
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

export interface AuditChainTables {
  audit_chain: AuditChainTable;
  totp_used_steps: TotpUsedStepTable;
}

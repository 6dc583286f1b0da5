import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './schema-types.ts';

/** A call-back to the reporter after an unsatisfied evaluation (回访, migration 0032). */
export interface CaseCallbackTable {
  id: Generated<string>;
  case_id: string;
  org_id: string;
  org_path: string;
  status: 'open' | 'done';
  evaluation: string | null;
  evaluation_comment: string | null;
  due: Timestamp;
  attempts: Generated<number>;
  last_attempt_at: Timestamp | null;
  outcome: 'satisfied' | 'not_solved' | null;
  note: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  created_at: GeneratedTimestamp;
}

export interface CaseReturnVisitTables {
  case_callbacks: CaseCallbackTable;
}

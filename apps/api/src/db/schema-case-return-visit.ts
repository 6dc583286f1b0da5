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

/** 常用回复: a unit's texts for a case action's note (migration 0032). */
export interface CaseReplyTemplateTable {
  id: Generated<string>;
  org_id: string;
  org_path: string;
  action: string;
  category_id: string | null;
  title: string;
  body: string;
  created_by: string | null;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface CaseReturnVisitTables {
  case_callbacks: CaseCallbackTable;
  case_reply_templates: CaseReplyTemplateTable;
}

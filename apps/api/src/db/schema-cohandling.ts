import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './schema-types.ts';

/** A co-department's share of a case (大联动, migration 0026). */
export interface CaseAssignmentTable {
  id: Generated<string>;
  case_id: string;
  org_id: string;
  org_path: string;
  status: string;
  reason: string | null;
  result: string | null;
  attachment_ids: ColumnType<string[], string[] | undefined, string[]>;
  due: Timestamp | null;
  warn_at: Timestamp | null;
  warned: Generated<boolean>;
  overdue_notified: Generated<boolean>;
  was_overdue: Generated<boolean>;
  assigned_by: string | null;
  accepted_at: Timestamp | null;
  done_at: Timestamp | null;
  ended_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CohandlingTables {
  case_assignments: CaseAssignmentTable;
}

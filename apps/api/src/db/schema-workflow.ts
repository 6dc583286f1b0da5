import type { Generated } from 'kysely';
import type { DateText, Json, Timestamp } from './schema-types.ts';

/** The workflow engine's tables (migration 0018): shared by every record with a workflow. */
export interface WorkflowEventTable {
  id: Generated<string>;
  owner_type: string;
  owner_id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  actor_org: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  data: Json;
  internal: Generated<boolean>;
  sensitive: Generated<boolean>;
}

export interface WorkflowClockTable {
  owner_type: string;
  owner_id: string;
  clock: string;
  started_at: Timestamp;
  warn_at: Timestamp | null;
  deadline: Timestamp | null;
  paused_remaining: number | null;
  warned: Generated<boolean>;
  overdue_notified: Generated<boolean>;
}

export interface WorkflowObligationTable {
  id: Generated<string>;
  owner_type: string;
  owner_id: string;
  rule: string;
  due_on: DateText;
  done_at: Timestamp | null;
  notified: Generated<boolean>;
}

export interface WorkflowTables {
  workflow_events: WorkflowEventTable;
  workflow_clocks: WorkflowClockTable;
  workflow_obligations: WorkflowObligationTable;
}

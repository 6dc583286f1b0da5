import type { ColumnType, Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './schema-types.ts';

/** Meetings with tracked decisions (migration 0034): core/meetings. */
export interface MeetingTable {
  id: Generated<string>;
  number: string;
  kind: string;
  title: string;
  org_id: string;
  org_path: string;
  /** A `date` column: pg hands it back as 'YYYY-MM-DD' text (db/client.ts type parsers). */
  held_on: ColumnType<string, string, string>;
  place: string | null;
  chair: string | null;
  attendees: ColumnType<string[], string, string>;
  minutes: string | null;
  status: Generated<string>;
  created_by: string | null;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface MeetingItemTable {
  id: Generated<string>;
  meeting_id: string;
  record_type: string;
  record_id: string;
  label: string;
  note: string | null;
  carried_from_decision_id: string | null;
  added_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface MeetingDecisionTable {
  id: Generated<string>;
  meeting_id: string;
  item_id: string;
  record_type: string;
  record_id: string;
  kind: string;
  org_id: string;
  org_path: string;
  content: string;
  responsible_user_id: string;
  responsible_name: string;
  responsible_org_id: string;
  responsible_org_name: string;
  deadline: Timestamp;
  status: Generated<string>;
  done_at: Timestamp | null;
  done_note: string | null;
  done_by: string | null;
  overdue_notified_at: Timestamp | null;
  carried_to_meeting_id: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface MeetingTables {
  meetings: MeetingTable;
  meeting_items: MeetingItemTable;
  meeting_decisions: MeetingDecisionTable;
}

import type { Generated } from 'kysely';
import type { DateText, GeneratedTimestamp, Timestamp } from './schema-types.ts';

export interface SpecialPersonTable {
  id: Generated<string>;
  person_id: string;
  category: string;
  subcategory: string | null;
  status: string;
  management_level: string;
  risk_level: number | null;
  guardian_name: string | null;
  guardian_phone: string | null;
  responsible_org_id: string;
  responsible_cadre_id: string | null;
  org_path: string;
  start_date: DateText;
  planned_end: DateText | null;
  effective_date: DateText | null;
  report_due: DateText | null;
  reported_at: Timestamp | null;
  late_report: Generated<boolean>;
  release_date: DateText | null;
  window_end: DateText | null;
  ended_at: Timestamp | null;
  end_reason: string | null;
  note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface SpecialTeamMemberTable {
  id: Generated<string>;
  special_person_id: string;
  role: string;
  name: string;
  sex: string | null;
  phone: string | null;
  user_id: string | null;
  created_at: GeneratedTimestamp;
}

export interface SpecialPopulationTables {
  special_persons: SpecialPersonTable;
  special_team_members: SpecialTeamMemberTable;
}

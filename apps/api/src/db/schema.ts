import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Filled by the database when left out of an insert. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export interface OrgTable {
  id: Generated<string>;
  parent_id: string | null;
  /** Materialised path of ids, `/root/…/self/`, so a subtree is one indexed prefix match. */
  path: string;
  depth: number;
  name: string;
  code: string | null;
  level: string;
  disabled: Generated<boolean>;
  geometry: Json;
  centre_type: ColumnType<string | null, string | null | undefined, string | null>;
  sort_order: Generated<number>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface UserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  phone: string | null;
  org_id: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  status: Generated<string>;
  failed_count: Generated<number>;
  failed_window_start: Timestamp | null;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  password_changed_at: Timestamp | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface RoleTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: string | null;
  builtin: Generated<boolean>;
  permissions: ColumnType<string[], string[], string[]>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface UserRoleTable {
  user_id: string;
  role_id: string;
}

export interface SessionTable {
  /** sha256 of the cookie token: a stolen database dump holds no usable session. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_id: string | null;
  summary: string | null;
  before: Json;
  after: Json;
  ip: string | null;
  user_agent: string | null;
}

export interface GridStaffTable {
  id: Generated<string>;
  grid_id: string;
  user_id: string;
  grid_role: string;
  from_date: ColumnType<string, string, string>;
  to_date: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: GeneratedTimestamp;
  ended_at: Timestamp | null;
}

export interface ZoneTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  owner_user_id: string;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface ZoneMemberTable {
  zone_id: string;
  org_id: string;
}

export interface CalendarDayTable {
  day: ColumnType<string, string, string>;
  is_workday: boolean;
  name: string | null;
  source: string;
  updated_at: GeneratedTimestamp;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  orgs: OrgTable;
  users: UserTable;
  roles: RoleTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_log: AuditTable;
  app_meta: MetaTable;
  calendar_days: CalendarDayTable;
  grid_staff: GridStaffTable;
  zones: ZoneTable;
  zone_members: ZoneMemberTable;
}

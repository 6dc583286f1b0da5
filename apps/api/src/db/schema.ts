import type { ColumnType, Generated } from 'kysely';
import type { GeneratedTimestamp, Json, Timestamp } from './schema-types.ts';
import type { RegistryTables } from './schema-registry.ts';
import type { PlacesTables } from './schema-places.ts';
import type { PublicTables } from './schema-public.ts';
import type { Open311Tables } from './schema-open311.ts';
import type { CommandTables } from './schema-command.ts';
import type { AssessmentTables } from './schema-assessment.ts';
import type { RecordTables } from './schema-records.ts';
import type { WorkflowTables } from './schema-workflow.ts';
import type { CohandlingTables } from './schema-cohandling.ts';
import type { SpecialPopulationTables } from './schema-special-populations.ts';
import type { SpecialContactTables } from './schema-special-contacts.ts';
import type { CaseReturnVisitTables } from './schema-case-return-visit.ts';
import type { DocumentTables } from './schema-documents.ts';
import type { SecurityTables } from './schema-security.ts';
import type { AuditChainTables } from './schema-audit-chain.ts';
import type { PetitionTables } from './schema-petitions.ts';
import type { MediationTables } from './schema-mediation.ts';
import type { FieldTables } from './schema-field.ts';
import type { VolunteerTables } from './schema-volunteers.ts';
import type { StabilityTables } from './schema-stability.ts';
import type { MediationStarTables } from './schema-mediation-stars.ts';
import type { MeetingTables } from './schema-meetings.ts';
import type { ReturnTables } from './schema-returns.ts';

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
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_pending_secret: string | null;
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
  /** The password was right; the second factor is still due. Such a session reaches only the code step. */
  pending_second_factor: Generated<boolean>;
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

export interface CategoryTable {
  id: Generated<string>;
  parent_id: string | null;
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  default_department_id: string | null;
  limits: Json;
  photo_required: Generated<boolean>;
  self_handle: Generated<boolean>;
  public: Generated<boolean>;
  disabled: Generated<boolean>;
  sort_order: Generated<number>;
  version: Generated<number>;
}

export interface AttachmentTable {
  id: Generated<string>;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  case_id: string | null;
  created_at: GeneratedTimestamp;
}

export interface CaseTable {
  id: Generated<string>;
  number: string;
  channel: string;
  title: string;
  description: Generated<string>;
  category_id: string;
  urgency: string;
  status: string;
  suspended_from: string | null;
  lng: number | null;
  lat: number | null;
  address: string | null;
  grid_id: string | null;
  community_id: string | null;
  street_id: string | null;
  org_path: string;
  owner_org_id: string;
  owner_path: string;
  department_id: string | null;
  department_path: string | null;
  co_department_ids: ColumnType<string[], string[] | undefined, string[]>;
  /** A leader's leave for the lead to give feedback while co-assignments are open (0026). */
  co_override: Json;
  /** The named handler inside the holding unit (0026). */
  assignee_user_id: string | null;
  /** 首问负责 (0026): who received the matter first, at which unit; follows: that unit does not hold it. */
  first_receiver_user_id: string | null;
  first_receiver_org_id: string | null;
  first_receiver_follows: Generated<boolean>;
  /** The return visit (0032): times reopened; the open call-back's due time. */
  reopen_count: Generated<number>;
  callback_due: Timestamp | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  created_by: string | null;
  step: string;
  step_started_at: Timestamp;
  step_warn_at: Timestamp | null;
  step_deadline: Timestamp | null;
  warned: Generated<boolean>;
  overdue_notified: Generated<boolean>;
  was_overdue: Generated<boolean>;
  handle_deadline: Timestamp | null;
  extension_request: Json;
  supervision: Json;
  rework_count: Generated<number>;
  merged_into: string | null;
  registered_at: Timestamp | null;
  dispatched_at: Timestamp | null;
  handled_at: Timestamp | null;
  closed_at: Timestamp | null;
  evaluation: string | null;
  evaluation_comment: string | null;
  evaluated_at: Timestamp | null;
  idempotency_key: string | null;
  /** SHA-256 of the intake the key was first used with (migration 0022). */
  idempotency_hash: Generated<string | null>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseEventTable {
  id: Generated<string>;
  case_id: string;
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
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  /** The Chinese wording at write time: what a row without params (or of an unknown kind) shows. */
  title: string;
  body: string | null;
  /** The kind's parameters, worded per reader from the shared catalogue. */
  params: ColumnType<unknown, string | undefined, string>;
  owner_type: string | null;
  owner_id: string | null;
  case_id: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** Each module declares its tables in its own schema-*.ts file; this is their union. */
export interface Database
  extends
    RegistryTables,
    PlacesTables,
    PublicTables,
    Open311Tables,
    CommandTables,
    AssessmentTables,
    RecordTables,
    WorkflowTables,
    DocumentTables,
    SecurityTables,
    AuditChainTables,
    PetitionTables,
    MediationTables,
    FieldTables,
    VolunteerTables,
    StabilityTables,
    CohandlingTables,
    SpecialPopulationTables,
    CaseReturnVisitTables,
    MediationStarTables,
    SpecialContactTables,
    MeetingTables,
    ReturnTables {
  orgs: OrgTable;
  users: UserTable;
  roles: RoleTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_log: AuditTable;
  app_meta: MetaTable;
  calendar_days: CalendarDayTable;
  categories: CategoryTable;
  attachments: AttachmentTable;
  cases: CaseTable;
  /** A view over workflow_events (owner_type 'case') since 0018; writers use workflow_events. */
  case_events: CaseEventTable;
  notifications: NotificationTable;
  grid_staff: GridStaffTable;
  zones: ZoneTable;
  zone_members: ZoneMemberTable;
}

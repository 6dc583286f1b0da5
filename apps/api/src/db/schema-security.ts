import type { Generated } from 'kysely';
import type { Timestamp } from './schema-types.ts';

export interface RecoveryCodeTable {
  id: Generated<string>;
  user_id: string;
  /** argon2id, like passwords: a database dump holds no usable code. */
  code_hash: string;
  used_at: Timestamp | null;
}

/** Failed sign-ins for names that are not accounts, counted like an account's so a lock gives nothing away. */
export interface LoginFailureTable {
  subject: string;
  failed_count: Generated<number>;
  failed_window_start: Timestamp | null;
  locked_until: Timestamp | null;
}

export interface PasswordHistoryTable {
  id: Generated<string>;
  user_id: string;
  password_hash: string;
  changed_at: Timestamp;
}

/** One row per district (root org); no row means the defaults. */
export interface SecuritySettingsTable {
  org_id: string;
  admin_password_max_days: Generated<number>;
  password_max_days: number | null;
  version: Generated<number>;
  updated_at: Generated<Timestamp>;
}

/** A change to a role's permissions, waiting for a security administrator other than its author (三员分立). */
export interface RoleChangeRequestTable {
  id: Generated<string>;
  role_id: string;
  permissions_before: string[];
  permissions_after: string[];
  status: Generated<'pending' | 'approved' | 'rejected'>;
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  reason: string | null;
  version: Generated<number>;
}

export interface SecurityTables {
  user_recovery_codes: RecoveryCodeTable;
  login_failures: LoginFailureTable;
  password_history: PasswordHistoryTable;
  security_settings: SecuritySettingsTable;
  role_change_requests: RoleChangeRequestTable;
}

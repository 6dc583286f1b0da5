import { sql, type Kysely } from 'kysely';

/**
 * Sign-in hardening (issue 23): a TOTP second factor with single-use recovery codes, a session state that
 * waits for the code and grants nothing else, failed sign-ins counted for names that are not accounts (so a
 * lock does not tell real usernames from unknown ones), the last passwords kept (as hashes) against reuse,
 * and the district's password lifetime.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE users ADD COLUMN totp_secret text;
    ALTER TABLE users ADD COLUMN totp_enabled_at timestamptz;
    ALTER TABLE users ADD COLUMN totp_pending_secret text;
    ALTER TABLE sessions ADD COLUMN pending_second_factor boolean NOT NULL DEFAULT false;

    CREATE TABLE user_recovery_codes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz
    );
    CREATE INDEX user_recovery_codes_user_idx ON user_recovery_codes (user_id);

    CREATE TABLE login_failures (
      subject text PRIMARY KEY,
      failed_count int NOT NULL DEFAULT 0,
      failed_window_start timestamptz,
      locked_until timestamptz
    );

    CREATE TABLE password_history (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      password_hash text NOT NULL,
      changed_at timestamptz NOT NULL
    );
    CREATE INDEX password_history_user_idx ON password_history (user_id, changed_at DESC);

    CREATE TABLE security_settings (
      org_id uuid PRIMARY KEY REFERENCES orgs(id),
      admin_password_max_days int NOT NULL DEFAULT 90,
      password_max_days int,
      version int NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE security_settings;
    DROP TABLE password_history;
    DROP TABLE login_failures;
    DROP TABLE user_recovery_codes;
    ALTER TABLE sessions DROP COLUMN pending_second_factor;
    ALTER TABLE users DROP COLUMN totp_pending_secret;
    ALTER TABLE users DROP COLUMN totp_enabled_at;
    ALTER TABLE users DROP COLUMN totp_secret;
  `.execute(db);
}

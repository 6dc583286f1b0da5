import { sql, type Kysely } from 'kysely';

/**
 * The return visit (回访, issue 15): an unsatisfied evaluation opens a call-back task for the centre holding
 * the case, due within the district's working days; the centre records whether the reporter was reached and
 * whether the matter is solved. A not-solved answer reopens the case (closed → registered, reopen_count + 1);
 * the evaluation that led to it stays on the call-back row and on the timeline.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE case_callbacks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'done')),
      evaluation text,
      evaluation_comment text,
      due timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      last_attempt_at timestamptz,
      outcome text CHECK (outcome IN ('satisfied', 'not_solved')),
      note text,
      answered_by uuid REFERENCES users(id),
      answered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    -- One open call-back per case.
    CREATE UNIQUE INDEX case_callbacks_open_uq ON case_callbacks (case_id) WHERE status = 'open';
    -- 我的待办 (case.callback): the open call-backs under a centre's path, soonest due first.
    CREATE INDEX case_callbacks_todo_idx ON case_callbacks (org_path text_pattern_ops, due)
      WHERE status = 'open';
    -- 回访满意率 counts the answers of a period.
    CREATE INDEX case_callbacks_answered_idx ON case_callbacks (answered_at) WHERE answered_at IS NOT NULL;

    ALTER TABLE cases
      ADD COLUMN reopen_count integer NOT NULL DEFAULT 0,
      ADD COLUMN callback_due timestamptz;

    -- 常用回复: texts a unit's staff pick for a case action's note (feedback, reject, return, call-back), for
    -- one category or all; a unit's templates serve the units under it too.
    CREATE TABLE case_reply_templates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      action text NOT NULL CHECK (action IN ('feedback', 'reject', 'return', 'callback')),
      category_id uuid REFERENCES categories(id),
      title text NOT NULL,
      body text NOT NULL,
      created_by uuid REFERENCES users(id),
      idempotency_key text UNIQUE,
      idempotency_hash text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    );
    CREATE INDEX case_reply_templates_org_idx ON case_reply_templates (org_path text_pattern_ops, action);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE cases DROP COLUMN reopen_count, DROP COLUMN callback_due;
    DROP TABLE case_callbacks;
    DROP TABLE case_reply_templates;
  `.execute(db);
}

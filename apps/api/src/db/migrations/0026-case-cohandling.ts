import { sql, type Kysely } from 'kysely';

/**
 * 大联动: each co-department of a case gets its own assignment with its own small workflow (pending →
 * working or declined → done; withdrawn by the centre), deadline and clock, instead of sharing the lead's
 * rights through `cases.co_department_ids`. The lead stays the case itself (department_id and the case
 * workflow); rows here are co-assignments only. `co_department_ids` stays as the copy the visibility rule
 * reads (repository caseVisible, core/access.ts): the departments whose assignment is live or done.
 *
 * Existing co-departments become assignments in the state their case is in: a dispatched case's are pending,
 * a case being handled has them working, a case past handling has them done (at the lead's handling time).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE case_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'working', 'declined', 'done', 'withdrawn')),
      reason text,
      result text,
      attachment_ids uuid[] NOT NULL DEFAULT '{}',
      due timestamptz,
      warn_at timestamptz,
      warned boolean NOT NULL DEFAULT false,
      overdue_notified boolean NOT NULL DEFAULT false,
      was_overdue boolean NOT NULL DEFAULT false,
      assigned_by uuid REFERENCES users(id),
      accepted_at timestamptz,
      done_at timestamptz,
      ended_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    );
    CREATE INDEX case_assignments_case_idx ON case_assignments (case_id);
    -- One live assignment per department and case.
    CREATE UNIQUE INDEX case_assignments_live_uq ON case_assignments (case_id, org_id)
      WHERE status IN ('pending', 'working');
    -- The co-department inbox (co_accept / co_handle): open work under a path, most pressing first.
    CREATE INDEX case_assignments_open_idx ON case_assignments (status, org_path text_pattern_ops, due)
      WHERE status IN ('pending', 'working');
    -- 联动处置率 counts the assignments due in a period.
    CREATE INDEX case_assignments_due_idx ON case_assignments (due) WHERE status <> 'withdrawn';

    -- A leader lets the lead give feedback while co-assignments are still open (who, why, when).
    ALTER TABLE cases ADD COLUMN co_override jsonb;

    -- A named handler inside the holding unit (assign to self or a colleague); the inbox's "mine" filter.
    ALTER TABLE cases ADD COLUMN assignee_user_id uuid REFERENCES users(id);
    -- 首问负责: who took the matter first, at which unit, and whether that unit is not the one holding it (then
    -- the receiver follows the case until it closes: notified of every status change, listed under 我首问的).
    ALTER TABLE cases
      ADD COLUMN first_receiver_user_id uuid REFERENCES users(id),
      ADD COLUMN first_receiver_org_id uuid REFERENCES orgs(id),
      ADD COLUMN first_receiver_follows boolean NOT NULL DEFAULT false;
    UPDATE cases c SET first_receiver_user_id = u.id, first_receiver_org_id = u.org_id,
                       first_receiver_follows = (u.org_id <> c.owner_org_id)
      FROM users u WHERE u.id = c.created_by AND u.username <> '_public';
    CREATE INDEX cases_first_receiver_idx ON cases (first_receiver_user_id, created_at DESC, id DESC)
      WHERE first_receiver_follows;
    CREATE INDEX cases_first_receiver_org_idx ON cases (first_receiver_org_id, created_at)
      WHERE first_receiver_org_id IS NOT NULL;
    CREATE INDEX cases_assignee_idx ON cases (assignee_user_id, created_at DESC, id DESC)
      WHERE assignee_user_id IS NOT NULL;
  `.execute(db);
  await backfillCoAssignments(db);
}

/**
 * Existing co-departments as assignments, with clocks for the open ones. Cases that have assignments already
 * are left alone, so running it again adds nothing.
 */
export async function backfillCoAssignments(db: Kysely<unknown>): Promise<void> {
  await sql`
    INSERT INTO case_assignments (case_id, org_id, org_path, status, due, accepted_at, done_at, ended_at,
                                  created_at, updated_at)
    SELECT c.id, o.id, o.path, s.status, c.handle_deadline,
           CASE WHEN s.status <> 'pending' THEN coalesce(c.dispatched_at, c.created_at) END,
           CASE WHEN s.status = 'done' THEN coalesce(c.handled_at, c.closed_at, c.updated_at) END,
           CASE WHEN s.status = 'done' THEN coalesce(c.handled_at, c.closed_at, c.updated_at) END,
           coalesce(c.dispatched_at, c.created_at), c.updated_at
      FROM cases c
      JOIN orgs o ON o.id = ANY(c.co_department_ids)
      CROSS JOIN LATERAL (SELECT CASE
        WHEN c.status = 'dispatched' OR (c.status = 'suspended' AND c.suspended_from = 'dispatched') THEN 'pending'
        WHEN c.status IN ('handling', 'suspended') THEN 'working'
        ELSE 'done' END AS status) s
     WHERE c.dispatched_at IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM case_assignments x WHERE x.case_id = c.id);

    -- Their clocks, so the deadline sweep warns about the open ones.
    INSERT INTO workflow_clocks (owner_type, owner_id, clock, started_at, warn_at, deadline)
    SELECT 'case_assignment', a.id, 'due', a.created_at, NULL, a.due
      FROM case_assignments a
     WHERE a.status IN ('pending', 'working') AND a.due IS NOT NULL
    ON CONFLICT DO NOTHING;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM workflow_clocks WHERE owner_type = 'case_assignment';
    DELETE FROM workflow_events WHERE owner_type = 'case_assignment';
    ALTER TABLE cases DROP COLUMN co_override, DROP COLUMN assignee_user_id,
      DROP COLUMN first_receiver_user_id, DROP COLUMN first_receiver_org_id, DROP COLUMN first_receiver_follows;
    DROP TABLE case_assignments;
  `.execute(db);
}

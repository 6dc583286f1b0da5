import { sql, type Kysely } from 'kysely';

/**
 * The workflow engine's tables, owned by any record through (owner_type, owner_id): the timeline, the running
 * clocks and the recurring obligations. Case and permit events move into the shared timeline; views keep the
 * names case_events and permit_events for the reads that still use them (simple enough for PostgreSQL to
 * let an UPDATE through).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE workflow_events (
      id bigserial PRIMARY KEY,
      owner_type text NOT NULL,
      owner_id uuid NOT NULL,
      at timestamptz NOT NULL,
      actor_id uuid,
      actor_name text,
      actor_org text,
      action text NOT NULL,
      from_status text,
      to_status text,
      note text,
      data jsonb,
      internal boolean NOT NULL DEFAULT false,
      sensitive boolean NOT NULL DEFAULT false
    );
    INSERT INTO workflow_events (id, owner_type, owner_id, at, actor_id, actor_name, actor_org, action,
        from_status, to_status, note, data, internal)
      SELECT id, 'case', case_id, at, actor_id, actor_name, actor_org, action, from_status, to_status, note,
        data, internal
      FROM case_events ORDER BY id;
    SELECT setval(pg_get_serial_sequence('workflow_events', 'id'),
      coalesce((SELECT max(id) FROM workflow_events), 0) + 1, false);
    CREATE INDEX workflow_events_owner_idx ON workflow_events (owner_type, owner_id, id);
    CREATE INDEX workflow_events_action_idx ON workflow_events (action, at);

    -- The clock that runs while a record sits in a status. paused_remaining holds what was left when it
    -- stopped (in the clock's unit), so resuming gives that time back.
    CREATE TABLE workflow_clocks (
      owner_type text NOT NULL,
      owner_id uuid NOT NULL,
      clock text NOT NULL,
      started_at timestamptz NOT NULL,
      warn_at timestamptz,
      deadline timestamptz,
      paused_remaining double precision,
      warned boolean NOT NULL DEFAULT false,
      overdue_notified boolean NOT NULL DEFAULT false,
      PRIMARY KEY (owner_type, owner_id, clock)
    );
    CREATE INDEX workflow_clocks_warn_idx ON workflow_clocks (warn_at) WHERE NOT warned;
    CREATE INDEX workflow_clocks_deadline_idx ON workflow_clocks (deadline) WHERE NOT overdue_notified;
    -- Open cases get their running step clock; a suspended case keeps the remainder its suspend event noted.
    INSERT INTO workflow_clocks (owner_type, owner_id, clock, started_at, warn_at, deadline, paused_remaining,
        warned, overdue_notified)
      SELECT 'case', c.id, 'step', c.step_started_at, c.step_warn_at, c.step_deadline,
        CASE WHEN c.status = 'suspended' THEN (
          SELECT (e.data->>'remainingWorkingMinutes')::double precision FROM workflow_events e
          WHERE e.owner_type = 'case' AND e.owner_id = c.id AND e.action = 'suspend'
          ORDER BY e.id DESC LIMIT 1) END,
        c.warned, c.overdue_notified
      FROM cases c
      WHERE c.status NOT IN ('closed', 'rejected')
        AND (c.step_deadline IS NOT NULL OR c.status = 'suspended');

    -- Recurring duties (a monthly visit, every 5th day, a report every N days): one row per due date.
    CREATE TABLE workflow_obligations (
      id bigserial PRIMARY KEY,
      owner_type text NOT NULL,
      owner_id uuid NOT NULL,
      rule text NOT NULL,
      due_on date NOT NULL,
      done_at timestamptz,
      notified boolean NOT NULL DEFAULT false,
      UNIQUE (owner_type, owner_id, rule, due_on)
    );
    CREATE INDEX workflow_obligations_open_idx ON workflow_obligations (due_on) WHERE done_at IS NULL;

    -- Permit events join the shared timeline the same way (their from/to were kept in data).
    INSERT INTO workflow_events (owner_type, owner_id, at, actor_id, actor_name, action, from_status,
        to_status, data)
      SELECT 'permit', permit_id, at, actor_id, actor_name, action, data->>'from', data->>'to', data
      FROM permit_events ORDER BY id;
    DROP TABLE permit_events;
    CREATE VIEW permit_events AS
      SELECT id, owner_id AS permit_id, at, action, actor_id, actor_name, coalesce(data, '{}'::jsonb) AS data
      FROM workflow_events WHERE owner_type = 'permit';

    DROP TABLE case_events;
    CREATE VIEW case_events AS
      SELECT id, owner_id AS case_id, at, actor_id, actor_name, actor_org, action, from_status, to_status,
        note, data, internal
      FROM workflow_events WHERE owner_type = 'case';
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0018-workflow-engine cannot be rolled back: restore from a backup instead');
}

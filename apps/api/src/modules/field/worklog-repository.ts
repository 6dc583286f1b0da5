import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { WorkLog, WorkLogSummary } from '@civicgrid/shared/field-day';
import type { RequestContext } from '../../core/context.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import type { FieldWorkLogTable } from '../../db/schema-field.ts';

type Db = RequestContext['db'];
const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;
/** The instants a local (Shanghai) day starts and ends. */
export const dayBounds = (day: string) => {
  const from = new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
  return { from, to: new Date(from.getTime() + DAY_MS) };
};

export const LOG_COLUMNS = [
  'id',
  'org_path',
  'user_id',
  'user_name',
  sql<string>`day::text`.as('day'),
  'summary',
  'body',
  'recorded_offline',
  'submitted_at',
  'reviewed_by_name',
  'reviewed_at',
  'review_comment',
  'version',
  'idempotency_hash',
] as const;
type LogRow = Pick<
  Selectable<FieldWorkLogTable>,
  | 'id'
  | 'org_path'
  | 'user_id'
  | 'user_name'
  | 'summary'
  | 'body'
  | 'recorded_offline'
  | 'submitted_at'
  | 'reviewed_by_name'
  | 'reviewed_at'
  | 'review_comment'
  | 'version'
  | 'idempotency_hash'
> & { day: string };

export const toWorkLog = (r: LogRow): WorkLog => ({
  id: r.id,
  day: r.day,
  userName: r.user_name,
  summary: r.summary as WorkLogSummary,
  body: r.body,
  recordedOffline: r.recorded_offline,
  submittedAt: new Date(r.submitted_at).toISOString(),
  reviewedByName: r.reviewed_by_name,
  reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
  reviewComment: r.review_comment,
  version: r.version,
});

const logs = (db: Db) => db.selectFrom('field_work_logs').select(LOG_COLUMNS);

export const logOfDay = (db: Db, userId: string, day: string) =>
  logs(db)
    .where('user_id', '=', userId)
    .where(sql`day`, '=', sql`${day}::date`)
    .executeTakeFirst();
export const logByKey = (db: Db, userId: string, key: string) =>
  logs(db).where('user_id', '=', userId).where('idempotency_key', '=', key).executeTakeFirst();
export const logById = (db: Db, scope: OrgScope, id: string) =>
  logs(db)
    .where('id', '=', id)
    .where((eb) => pathInScope(scope, eb.ref('org_path')))
    .executeTakeFirst();

export const insertLog = (db: Db, row: Insertable<FieldWorkLogTable>) =>
  db.insertInto('field_work_logs').values(row).returning(LOG_COLUMNS).executeTakeFirstOrThrow();

/** A versioned write: nothing when the version moved on (the caller answers 409). */
export const updateLog = (db: Db, id: string, version: number, patch: Updateable<FieldWorkLogTable>) =>
  db
    .updateTable('field_work_logs')
    .set({ ...patch, version: sql`version + 1`, updated_at: new Date() } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(LOG_COLUMNS)
    .executeTakeFirst();

/** Logs in scope, newest day first; `userId` narrows to one worker's own. */
export function listLogRows(
  db: Db,
  scope: OrgScope,
  opts: { userId?: string; limit: number; after: [string, string] | null },
) {
  let q = logs(db).where((eb) => pathInScope(scope, eb.ref('org_path')));
  if (opts.userId) q = q.where('user_id', '=', opts.userId);
  if (opts.after) {
    const [day, id] = opts.after;
    q = q.where(sql<boolean>`(day, id) < (${day}::date, ${id}::uuid)`);
  }
  return q
    .orderBy('day', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit + 1)
    .execute();
}

/** What the worker recorded on that day, for the log's prefilled summary. */
export async function daySummary(db: Db, userId: string, day: string): Promise<WorkLogSummary> {
  const { from, to } = dayBounds(day);
  const visits = await db
    .selectFrom('field_visits')
    .select('household')
    .where('visitor_id', '=', userId)
    .where('visited_at', '>=', from)
    .where('visited_at', '<', to)
    .orderBy('visited_at')
    .execute();
  const p = await db
    .selectFrom('field_patrols')
    .select((eb) => [
      eb.fn.countAll<string>().as('n'),
      eb.fn.coalesce(eb.fn.sum<string>('duration_s'), eb.lit(0)).as('s'),
    ])
    .where('user_id', '=', userId)
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .executeTakeFirstOrThrow();
  const cases = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('created_by', '=', userId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirstOrThrow();
  const duty = await db
    .selectFrom('field_duty_signins')
    .select('id')
    .where('user_id', '=', userId)
    .where(sql`day`, '=', sql`${day}::date`)
    .executeTakeFirst();
  const alarms = await db
    .selectFrom('field_terminal_alarms')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('worker_id', '=', userId)
    .where('handled_at', '>=', from)
    .where('handled_at', '<', to)
    .executeTakeFirstOrThrow();
  return {
    visits: visits.length,
    households: [...new Set(visits.map((v) => v.household))].slice(0, 30),
    patrols: Number(p.n),
    patrolMinutes: Math.round(Number(p.s) / 60),
    cases: Number(cases.n),
    dutySignedIn: !!duty,
    alarmsHandled: Number(alarms.n),
  };
}

export interface MissingRow {
  day: string;
  user_id: string;
  user_name: string;
  grid_id: string;
  grid_name: string;
}

/**
 * Each (working day, grid worker) of the grids in scope without a log, newest day first. `days` are the
 * working days asked about; a worker counts only on the days of the assignment.
 */
function missingQuery(db: Db, scope: OrgScope, days: string[], gridId: string | undefined) {
  return db
    .selectFrom(sql<{ day: string }>`unnest(${sql.val(days)}::date[])`.as('d'))
    .innerJoin('grid_staff as gs', (j) => j.onTrue())
    .innerJoin('orgs as g', 'g.id', 'gs.grid_id')
    .innerJoin('users as u', 'u.id', 'gs.user_id')
    .where('gs.grid_role', '=', 'worker')
    .where(sql<boolean>`gs.from_date <= d`)
    .where(sql<boolean>`(gs.to_date IS NULL OR gs.to_date >= d)`)
    .where((eb) => pathInScope(scope, eb.ref('g.path')))
    .$if(!!gridId, (q) => q.where('g.id', '=', gridId!))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('field_work_logs as l')
            .select('l.id')
            .whereRef('l.user_id', '=', 'gs.user_id')
            .where(sql<boolean>`l.day = d`),
        ),
      ),
    );
}

export async function missingLogRows(
  db: Db,
  scope: OrgScope,
  q: { days: string[]; gridId?: string | undefined; limit: number; after: [string, string, string] | null },
) {
  let rows = missingQuery(db, scope, q.days, q.gridId).select([
    sql<string>`d::text`.as('day'),
    'gs.user_id',
    'u.display_name as user_name',
    'g.id as grid_id',
    'g.name as grid_name',
  ]);
  if (q.after) {
    const [day, userId, gridId] = q.after;
    rows = rows.where(
      sql<boolean>`(d < ${day}::date OR (d = ${day}::date AND (gs.user_id, g.id) > (${userId}::uuid, ${gridId}::uuid)))`,
    );
  }
  return (await rows
    .orderBy(sql`d`, 'desc')
    .orderBy('gs.user_id')
    .orderBy('g.id')
    .limit(q.limit + 1)
    .execute()) as MissingRow[];
}

export async function countMissingLogs(db: Db, scope: OrgScope, days: string[], gridId?: string) {
  const r = await missingQuery(db, scope, days, gridId)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

import { sql, type Insertable, type Updateable } from 'kysely';
import type { TerminalAlarm } from '@civicgrid/shared/field-day';
import type { RequestContext } from '../../core/context.ts';
import { likeContains } from '../../core/like.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import type { Db as RootDb } from '../../db/client.ts';
import type { FieldTerminalAlarmTable, FieldTerminalTable } from '../../db/schema-field.ts';

type Db = RequestContext['db'];

const terminalSelect = (db: Db) =>
  db
    .selectFrom('field_terminals as t')
    .innerJoin('orgs as g', 'g.id', 't.org_id')
    .leftJoin('persons as p', 'p.id', 't.person_id')
    .leftJoin('houses as h', 'h.id', 't.house_id')
    .select((eb) => [
      't.id',
      't.code',
      't.location',
      't.org_id as grid_id',
      'g.name as grid_name',
      't.person_id',
      'p.name as person_name',
      't.house_id',
      'h.address as house_address',
      't.status',
      't.version',
      't.org_path',
      't.idempotency_hash',
      eb
        .selectFrom('field_terminal_alarms as a')
        .select((x) => x.fn.countAll<string>().as('n'))
        .whereRef('a.terminal_id', '=', 't.id')
        .as('alarm_count'),
      eb
        .selectFrom('field_terminal_alarms as a')
        .select((x) => x.fn.max('a.raised_at').as('m'))
        .whereRef('a.terminal_id', '=', 't.id')
        .as('last_alarm_at'),
    ]);
export type TerminalRow = Awaited<ReturnType<ReturnType<typeof terminalSelect>['executeTakeFirstOrThrow']>>;

export const toTerminal = (r: TerminalRow) => ({
  id: r.id,
  code: r.code,
  location: r.location,
  gridId: r.grid_id,
  gridName: r.grid_name,
  personId: r.person_id,
  personName: r.person_name,
  houseId: r.house_id,
  houseAddress: r.house_address,
  status: r.status,
  version: r.version,
  alarmCount: Number(r.alarm_count ?? 0),
  lastAlarmAt: r.last_alarm_at ? new Date(r.last_alarm_at as Date).toISOString() : null,
});

export const terminalById = (db: Db, scope: OrgScope, id: string) =>
  terminalSelect(db)
    .where('t.id', '=', id)
    .where((eb) => pathInScope(scope, eb.ref('t.org_path')))
    .executeTakeFirst();
export const terminalByKey = (db: Db, userId: string, key: string) =>
  terminalSelect(db)
    .where('t.created_by', '=', userId)
    .where('t.idempotency_key', '=', key)
    .executeTakeFirst();

export function terminalFilter(
  db: Db,
  scope: OrgScope,
  q: { q?: string | undefined; gridId?: string | undefined },
) {
  let s = terminalSelect(db).where((eb) => pathInScope(scope, eb.ref('t.org_path')));
  if (q.gridId) s = s.where('t.org_id', '=', q.gridId);
  if (q.q)
    s = s.where((eb) =>
      eb.or([eb('t.code', 'ilike', likeContains(q.q!)), eb('t.location', 'ilike', likeContains(q.q!))]),
    );
  return s;
}

export async function countTerminals(
  db: Db,
  scope: OrgScope,
  q: { q?: string | undefined; gridId?: string | undefined },
) {
  let s = db.selectFrom('field_terminals as t').where((eb) => pathInScope(scope, eb.ref('t.org_path')));
  if (q.gridId) s = s.where('t.org_id', '=', q.gridId);
  if (q.q)
    s = s.where((eb) =>
      eb.or([eb('t.code', 'ilike', likeContains(q.q!)), eb('t.location', 'ilike', likeContains(q.q!))]),
    );
  const r = await s.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export const insertTerminal = (db: Db, row: Insertable<FieldTerminalTable>) =>
  db.insertInto('field_terminals').values(row).returning('id').executeTakeFirstOrThrow();

/** The terminal a gateway names, whatever the scope (the webhook has no user); with its secret. */
export const terminalForAlarm = (db: RootDb, code: string) =>
  db
    .selectFrom('field_terminals as t')
    .leftJoin('persons as p', 'p.id', 't.person_id')
    .select([
      't.id',
      't.code',
      't.secret',
      't.status',
      't.org_id',
      't.org_path',
      't.location',
      'p.name as person_name',
    ])
    .where('t.code', '=', code)
    .executeTakeFirst();

/** The grid's worker (the longest-serving one) who answers its terminals. */
export const gridWorkerOf = (db: Db, gridId: string) =>
  db
    .selectFrom('grid_staff')
    .select('user_id')
    .where('grid_id', '=', gridId)
    .where('grid_role', '=', 'worker')
    .where('to_date', 'is', null)
    .orderBy('from_date')
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();

export const insertAlarm = (db: Db, row: Insertable<FieldTerminalAlarmTable>) =>
  db
    .insertInto('field_terminal_alarms')
    .values(row)
    .onConflict((oc) => oc.columns(['terminal_id', 'alarm_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
export const alarmByGatewayId = (db: Db, terminalId: string, alarmId: string) =>
  db
    .selectFrom('field_terminal_alarms')
    .select('id')
    .where('terminal_id', '=', terminalId)
    .where('alarm_id', '=', alarmId)
    .executeTakeFirstOrThrow();

const alarmSelect = (db: Db) =>
  db
    .selectFrom('field_terminal_alarms as a')
    .innerJoin('field_terminals as t', 't.id', 'a.terminal_id')
    .leftJoin('persons as p', 'p.id', 't.person_id')
    .leftJoin('users as w', 'w.id', 'a.worker_id')
    .select([
      'a.id',
      'a.org_path',
      'a.worker_id',
      't.code',
      't.location',
      'p.name as person_name',
      'a.raised_at',
      'a.deadline',
      'a.status',
      'a.arrived_at',
      'a.handled_at',
      'a.handled_note',
      'w.display_name as worker_name',
      'a.version',
    ]);
export type AlarmRow = Awaited<ReturnType<ReturnType<typeof alarmSelect>['executeTakeFirstOrThrow']>>;

/** Overdue: not there by the deadline (arrived late, or not yet and the deadline passed). */
export const toAlarm = (r: AlarmRow, now: Date): TerminalAlarm => ({
  id: r.id,
  terminalCode: r.code,
  location: r.location,
  personName: r.person_name,
  raisedAt: r.raised_at.toISOString(),
  deadline: r.deadline.toISOString(),
  status: r.status as TerminalAlarm['status'],
  overdue: (r.arrived_at ?? now) > r.deadline,
  arrivedAt: r.arrived_at?.toISOString() ?? null,
  handledAt: r.handled_at?.toISOString() ?? null,
  handledNote: r.handled_note,
  workerName: r.worker_name,
  version: r.version,
});

export const alarmById = (db: Db, scope: OrgScope, id: string) =>
  alarmSelect(db)
    .where('a.id', '=', id)
    .where((eb) => pathInScope(scope, eb.ref('a.org_path')))
    .executeTakeFirst();

/** Alarms in scope, newest first; `workerId` narrows to one worker's; `open` leaves out the handled. */
export function listAlarmRows(
  db: Db,
  scope: OrgScope,
  q: { workerId?: string; open: boolean; limit: number; after: [string, string] | null },
) {
  let s = alarmSelect(db).where((eb) => pathInScope(scope, eb.ref('a.org_path')));
  if (q.workerId) s = s.where('a.worker_id', '=', q.workerId);
  if (q.open) s = s.where('a.status', '<>', 'handled');
  if (q.after)
    s = s.where(sql<boolean>`(a.raised_at, a.id) < (${q.after[0]}::timestamptz, ${q.after[1]}::uuid)`);
  return s
    .orderBy('a.raised_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

export const updateAlarm = (
  db: Db,
  id: string,
  version: number,
  patch: Updateable<FieldTerminalAlarmTable>,
) =>
  db
    .updateTable('field_terminal_alarms')
    .set({ ...patch, version: sql`version + 1` } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();

/** 我的待办: the caller's alarms not yet handled, and for a terminal manager the overdue ones of the subtree. */
export function pendingAlarms(db: Db, scope: OrgScope, who: { userId: string; manages: boolean }, now: Date) {
  return alarmSelect(db)
    .where((eb) => pathInScope(scope, eb.ref('a.org_path')))
    .where('a.status', '<>', 'handled')
    .where((eb) =>
      who.manages
        ? eb.or([
            eb('a.worker_id', '=', who.userId),
            eb.and([eb('a.deadline', '<=', now), eb('a.status', '=', 'open')]),
          ])
        : eb('a.worker_id', '=', who.userId),
    );
}

/** A grid, person or house inside the scope (what a terminal may be bound to); the grid with its path. */
export async function inScopeRow(db: Db, scope: OrgScope, table: 'orgs' | 'persons' | 'houses', id: string) {
  if (table === 'orgs')
    return db
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('id', '=', id)
      .where('level', '=', 'grid')
      .where((eb) => pathInScope(scope, eb.ref('path')))
      .executeTakeFirst();
  return db
    .selectFrom(table)
    .select(['id', 'org_path as path'])
    .where('id', '=', id)
    .where((eb) => pathInScope(scope, eb.ref('org_path')))
    .executeTakeFirst();
}

export const terminalCodeTaken = async (db: Db, code: string) =>
  !!(await db.selectFrom('field_terminals').select('id').where('code', '=', code).executeTakeFirst());

export const terminalSecret = async (db: Db, id: string) =>
  (await db.selectFrom('field_terminals').select('secret').where('id', '=', id).executeTakeFirstOrThrow())
    .secret;

export const updateTerminalRow = (
  db: Db,
  id: string,
  version: number,
  patch: { location?: string; status?: string; updated_at: Date },
) =>
  db
    .updateTable('field_terminals')
    .set({ ...patch, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();

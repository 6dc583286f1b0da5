import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/client.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';

/**
 * 信访代理 network rows (migration 0033/0038): stations, agents and their matters. Every read adds the caller's
 * scope (the station's org path); the use cases are in agent-service.ts, matters in agent-matter-repository.ts.
 */
export function listStations(db: Db, scope: OrgScope) {
  return db
    .selectFrom('agent_stations as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .select([
      's.id',
      's.name',
      's.level',
      's.org_id',
      'o.name as org_name',
      's.parent_station_id',
      's.phone',
      's.hours',
      sql<number>`(SELECT count(*) FROM petition_agents a WHERE a.station_id = s.id AND a.active)::int`.as(
        'agents',
      ),
      sql<number>`(SELECT count(*) FROM agent_matters m WHERE m.station_id = s.id AND m.status = 'open')::int`.as(
        'open_matters',
      ),
    ])
    .where(pathInScope(scope, sql.ref('s.org_path')))
    .orderBy('s.org_path')
    .orderBy('s.name')
    .limit(500)
    .execute();
}

export function findStation(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('agent_stations as s')
    .select(['s.id', 's.org_id', 's.org_path', 's.name'])
    .where('s.id', '=', id)
    .where(pathInScope(scope, sql.ref('s.org_path')))
    .executeTakeFirst();
}

export async function insertStation(
  db: Db,
  v: {
    name: string;
    level: string;
    orgId: string;
    orgPath: string;
    parentId: string | null;
    phone: string | null;
    hours: string | null;
    now: Date;
  },
) {
  const r = await db
    .insertInto('agent_stations')
    .values({
      name: v.name,
      level: v.level,
      org_id: v.orgId,
      org_path: v.orgPath,
      parent_station_id: v.parentId,
      phone: v.phone,
      hours: v.hours,
      created_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

const agentColumns = [
  'a.id',
  'a.name',
  'a.kind',
  'a.tenure',
  'a.area',
  'a.phone',
  'a.active',
  'a.user_id',
  'a.station_id',
  'a.org_path',
  's.name as station_name',
  sql<number>`(SELECT count(*) FROM agent_matters m WHERE m.agent_id = a.id)::int`.as('matters'),
  sql<number>`(SELECT count(*) FROM agent_matters m WHERE m.agent_id = a.id AND m.status = 'closed')::int`.as(
    'closed',
  ),
] as const;

export async function listAgents(
  db: Db,
  scope: OrgScope,
  f: {
    stationId?: string | undefined;
    kind?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  let q = db
    .selectFrom('petition_agents as a')
    .innerJoin('agent_stations as s', 's.id', 'a.station_id')
    .select(agentColumns)
    .where(pathInScope(scope, sql.ref('a.org_path')));
  if (f.stationId) q = q.where('a.station_id', '=', f.stationId);
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  const after = decodeCursor(f.cursor, 2);
  if (after) q = q.where(sql<SqlBool>`(a.name, a.id) > (${after[0] as string}, ${after[1] as string}::uuid)`);
  const rows = await q
    .orderBy('a.name')
    .orderBy('a.id')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [r.name, r.id]);
}

export async function countAgents(
  db: Db,
  scope: OrgScope,
  f: { stationId?: string | undefined; kind?: string | undefined },
) {
  let q = db
    .selectFrom('petition_agents as a')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(pathInScope(scope, sql.ref('a.org_path')));
  if (f.stationId) q = q.where('a.station_id', '=', f.stationId);
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  return (await q.executeTakeFirstOrThrow()).n;
}

export function findAgent(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('petition_agents as a')
    .innerJoin('agent_stations as s', 's.id', 'a.station_id')
    .select(agentColumns)
    .where('a.id', '=', id)
    .where('a.active', '=', true)
    .where(pathInScope(scope, sql.ref('a.org_path')))
    .executeTakeFirst();
}

/** The caller's own agent record, when the caller is an agent. */
export function agentOfUser(db: Db, scope: OrgScope, userId: string) {
  return db
    .selectFrom('petition_agents as a')
    .innerJoin('agent_stations as s', 's.id', 'a.station_id')
    .select(agentColumns)
    .where('a.user_id', '=', userId)
    .where('a.active', '=', true)
    .where(pathInScope(scope, sql.ref('a.org_path')))
    .orderBy('a.created_at')
    .executeTakeFirst();
}

export function personInScope(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('persons as p')
    .select(['p.id', 'p.name', 'p.phone', 'p.id_number'])
    .where('p.id', '=', id)
    .where(pathInScope(scope, sql.ref('p.org_path')))
    .executeTakeFirst();
}

export async function insertAgent(
  db: Db,
  v: {
    stationId: string;
    orgPath: string;
    personId: string;
    userId: string | null;
    name: string;
    kind: string;
    tenure: string;
    area: string | null;
    phone: string | null;
    now: Date;
  },
) {
  const r = await db
    .insertInto('petition_agents')
    .values({
      station_id: v.stationId,
      org_path: v.orgPath,
      person_id: v.personId,
      user_id: v.userId,
      name: v.name,
      kind: v.kind,
      tenure: v.tenure,
      area: v.area,
      phone: v.phone,
      created_at: v.now,
    })
    .onConflict((oc) => oc.columns(['station_id', 'person_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

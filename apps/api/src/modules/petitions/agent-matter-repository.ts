import { sql, type SqlBool } from 'kysely';
import type { AgentMatterQuery } from '@civicgrid/shared/petitions-cases';
import type { Db } from '../../db/client.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';

/** 代理事项 rows: every read adds the caller's scope (the station's org path); the use cases are in agent-matter-service.ts. */
export interface AgentStep {
  at: string;
  by: string;
  text: string;
}

const matterColumns = [
  'm.id',
  'm.agent_id',
  'a.name as agent_name',
  'm.station_id',
  's.name as station_name',
  'm.org_path',
  'm.kind',
  'm.client_person_id',
  'm.client_name',
  'm.summary',
  'm.accepted_at',
  'm.steps',
  'm.status',
  'm.result',
  'm.rating',
  'm.closed_at',
  'm.petition_id',
  'p.number as petition_number',
  'm.version',
  'm.idempotency_hash',
] as const;

function matterQuery(db: Db, scope: OrgScope) {
  return db
    .selectFrom('agent_matters as m')
    .innerJoin('petition_agents as a', 'a.id', 'm.agent_id')
    .innerJoin('agent_stations as s', 's.id', 'm.station_id')
    .leftJoin('petitions as p', 'p.id', 'm.petition_id')
    .select(matterColumns)
    .where(pathInScope(scope, sql.ref('m.org_path')));
}
export type MatterRow = NonNullable<Awaited<ReturnType<typeof findMatter>>>;

export function findMatter(db: Db, scope: OrgScope, id: string, lock = false) {
  let q = matterQuery(db, scope).where('m.id', '=', id);
  if (lock) q = q.forUpdate('m');
  return q.executeTakeFirst();
}

export function matterByKey(db: Db, key: string) {
  return db
    .selectFrom('agent_matters')
    .select(['id', 'idempotency_hash'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

function matterWhere(f: Omit<AgentMatterQuery, 'limit' | 'cursor'>, userId: string) {
  const parts: ReturnType<typeof sql<SqlBool>>[] = [sql<SqlBool>`true`];
  if (f.agentId) parts.push(sql<SqlBool>`m.agent_id = ${f.agentId}::uuid`);
  if (f.stationId) parts.push(sql<SqlBool>`m.station_id = ${f.stationId}::uuid`);
  if (f.status) parts.push(sql<SqlBool>`m.status = ${f.status}`);
  if (f.kind) parts.push(sql<SqlBool>`m.kind = ${f.kind}`);
  if (f.mine === 'true') parts.push(sql<SqlBool>`a.user_id = ${userId}::uuid`);
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

/** Newest first, keyset on (accepted_at, id). */
export async function listMatters(db: Db, scope: OrgScope, f: AgentMatterQuery, userId: string) {
  let q = matterQuery(db, scope).where(matterWhere(f, userId));
  const after = decodeCursor(f.cursor, 2);
  if (after)
    q = q.where(
      sql<SqlBool>`(m.accepted_at, m.id) < (${new Date(after[0] as string)}, ${after[1] as string}::uuid)`,
    );
  const rows = await q
    .orderBy('m.accepted_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [new Date(r.accepted_at).toISOString(), r.id]);
}

export async function countMatters(
  db: Db,
  scope: OrgScope,
  f: Omit<AgentMatterQuery, 'limit' | 'cursor'>,
  userId: string,
) {
  const r = await db
    .selectFrom('agent_matters as m')
    .innerJoin('petition_agents as a', 'a.id', 'm.agent_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(pathInScope(scope, sql.ref('m.org_path')))
    .where(matterWhere(f, userId))
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function insertMatter(
  db: Db,
  v: {
    agentId: string;
    stationId: string;
    orgPath: string;
    kind: string;
    clientPersonId: string | null;
    clientName: string;
    summary: string;
    steps: AgentStep[];
    now: Date;
    key: string | null;
    hash: string | null;
  },
) {
  const r = await db
    .insertInto('agent_matters')
    .values({
      agent_id: v.agentId,
      station_id: v.stationId,
      org_path: v.orgPath,
      kind: v.kind,
      client_person_id: v.clientPersonId,
      client_name: v.clientName,
      summary: v.summary,
      accepted_at: v.now,
      steps: JSON.stringify(v.steps),
      idempotency_key: v.key,
      idempotency_hash: v.hash,
      created_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Versioned: false when the version moved meanwhile. */
export async function updateMatter(
  db: Db,
  id: string,
  version: number,
  patch: {
    steps?: AgentStep[];
    status?: string;
    result?: string;
    rating?: string | null;
    closed_at?: Date;
    petition_id?: string;
  },
) {
  const { steps, ...rest } = patch;
  const r = await db
    .updateTable('agent_matters')
    .set({
      ...rest,
      ...(steps ? { steps: JSON.stringify(steps) } : {}),
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function linkPetitionToMatter(db: Db, petitionId: string, matterId: string) {
  return db
    .updateTable('petitions')
    .set({ agent_matter_id: matterId })
    .where('id', '=', petitionId)
    .execute();
}

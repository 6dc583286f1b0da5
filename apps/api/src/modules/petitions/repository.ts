import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { Permission } from '@civicgrid/shared/permissions';
import type { PetitionListQuery } from '@civicgrid/shared/petitions';
import type { Db } from '../../db/client.ts';
import type { PetitionTable } from '../../db/schema-petitions.ts';
import { likeContains, likePrefix } from '../../core/like.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';

export type PetitionRow = Selectable<PetitionTable>;

/**
 * Who sees a petition: the receiving org's subtree or the responsible authority's, but an accusation
 * (检举控告) never reaches the accused unit or anyone inside it, even when it lies in the caller's subtree.
 * The system scope (sweeps) has an empty prefix, which starts with no respondent path.
 */
export function petitionVisible(scope: OrgScope): Expression<SqlBool> {
  const prefix = scope.pathPrefix;
  return sql<SqlBool>`((${pathInScope(scope, sql.ref('p.org_path'))}
      OR (p.responsible_path IS NOT NULL AND ${pathInScope(scope, sql.ref('p.responsible_path'))}))
    AND NOT (p.class = 'accusation' AND p.respondent_path IS NOT NULL
      AND starts_with(${prefix}::text, p.respondent_path)))`;
}

export function findPetition(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('petitions as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where(petitionVisible(scope))
    .executeTakeFirst();
}

export async function visiblePetitionIds(db: Db, scope: OrgScope, ids: readonly string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .selectFrom('petitions as p')
    .select('p.id')
    .where('p.id', 'in', [...ids])
    .where(petitionVisible(scope))
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function describePetitions(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('petitions')
    .select(['id', 'number', 'summary', 'status', 'receiving_org_id', 'org_path'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Keyset list, newest first; every filter has its index (migration 0024). */
export async function listPetitionRows(db: Db, scope: OrgScope, f: PetitionListQuery) {
  let q = db
    .selectFrom('petitions as p')
    .innerJoin('orgs as o', 'o.id', 'p.receiving_org_id')
    .leftJoin('orgs as r', 'r.id', 'p.responsible_org_id')
    .selectAll('p')
    .select(['o.name as receivingOrgName', 'r.name as responsibleOrgName'])
    .where(petitionVisible(scope));
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.class) q = q.where('p.class', '=', f.class);
  if (f.channel) q = q.where('p.channel', '=', f.channel);
  if (f.category) q = q.where('p.category', '=', f.category);
  if (f.sla) q = q.where('p.sla_state', '=', f.sla);
  if (f.collective) q = q.where('p.collective', '=', f.collective === 'true');
  if (f.repeat === 'true') q = q.where('p.repeat_of', 'is not', null);
  if (f.repeat === 'false') q = q.where('p.repeat_of', 'is', null);
  if (f.from) q = q.where('p.received_at', '>=', f.from);
  if (f.to) q = q.where('p.received_at', '<', f.to);
  if (f.q) {
    const like = likeContains(f.q);
    q = q.where((eb) => eb.or([eb('p.number', 'like', likePrefix(f.q!)), eb('p.summary', 'ilike', like)]));
  }
  const after = decodeCursor(f.cursor, 2);
  if (after) {
    const [at, id] = after as [string, string];
    q = q.where(sql<SqlBool>`(p.received_at, p.id) < (${new Date(at)}, ${id}::uuid)`);
  }
  const rows = await q
    .orderBy('p.received_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [new Date(r.received_at).toISOString(), r.id]);
}

export async function countPetitions(db: Db, scope: OrgScope, f: PetitionListQuery) {
  const { cursor: _c, ...filters } = f;
  let q = db
    .selectFrom('petitions as p')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(petitionVisible(scope));
  if (filters.status) q = q.where('p.status', '=', filters.status);
  if (filters.class) q = q.where('p.class', '=', filters.class);
  if (filters.channel) q = q.where('p.channel', '=', filters.channel);
  if (filters.category) q = q.where('p.category', '=', filters.category);
  if (filters.sla) q = q.where('p.sla_state', '=', filters.sla);
  if (filters.collective) q = q.where('p.collective', '=', filters.collective === 'true');
  if (filters.repeat === 'true') q = q.where('p.repeat_of', 'is not', null);
  if (filters.repeat === 'false') q = q.where('p.repeat_of', 'is', null);
  if (filters.from) q = q.where('p.received_at', '>=', filters.from);
  if (filters.to) q = q.where('p.received_at', '<', filters.to);
  return (await q.executeTakeFirstOrThrow()).n;
}

/** A person's earlier petitions the caller may see (the desk's history), newest first. */
export function petitionsOfPerson(db: Db, scope: OrgScope, idNumber: string, limit = 50) {
  return db
    .selectFrom('petitions as p')
    .select(['p.id', 'p.number', 'p.summary', 'p.category', 'p.status', 'p.received_at', 'p.answered_at'])
    .where('p.petitioner_id_number', '=', idNumber)
    .where(petitionVisible(scope))
    .orderBy('p.received_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * 重复访 and 越级访 facts of one person and matter, counted over the whole district (the counts go upward,
 * whoever receives): petitions of the last year on the same matter, the newest, and whether one lower in the
 * tree than `receivingPath` is still unanswered.
 */
export async function samePersonMatter(
  db: Db,
  f: { idNumber: string; matterKey: string; since: Date; receivingPath: string },
) {
  const rows = await db
    .selectFrom('petitions as p')
    .select(['p.id', 'p.number', 'p.org_path', 'p.answered_at', 'p.status', 'p.received_at'])
    .where('p.petitioner_id_number', '=', f.idNumber)
    .where('p.matter_key', '=', f.matterKey)
    .where('p.received_at', '>=', f.since)
    .orderBy('p.received_at', 'desc')
    .limit(100)
    .execute();
  const lowerUnanswered = rows.some(
    (r) =>
      r.org_path !== f.receivingPath &&
      r.org_path.startsWith(f.receivingPath) &&
      !r.answered_at &&
      !['concluded', 'redirected', 'not_accepted'].includes(r.status),
  );
  return { count: rows.length, latest: rows[0] ?? null, lowerUnanswered };
}

export function orgById(db: Db, id: string) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'path', 'level', 'code', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The next number of the receiving org this year: XF2026SF00012, gap-free (the counter row is locked). */
export async function nextPetitionNumber(db: Db, org: { id: string; code: string }, year: number) {
  const { last_seq } = await db
    .insertInto('document_counters')
    .values({ org_id: org.id, series: 'petition.number', year, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'series', 'year'])
        .doUpdateSet({ last_seq: sql<number>`document_counters.last_seq + 1` }),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return `XF${year}${org.code}${String(last_seq).padStart(5, '0')}`;
}

/** The 处理意见书 series needs a number word at the issuing org; a district that set none gets 信复字. */
export async function ensureSeries(db: Db, orgId: string, series: string, prefix: string, now: Date) {
  await db
    .insertInto('document_series')
    .values({ org_id: orgId, series, prefix, updated_at: now })
    .onConflict((oc) => oc.columns(['org_id', 'series']).doNothing())
    .execute();
}

/** Active staff at an org or below it holding a permission: who is told of a petition's step. */
export async function staffUnder(db: Db, path: string, permission: Permission) {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select('u.id')
    .where('o.path', 'like', likePrefix(path))
    .where('u.status', '=', 'active')
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
        WHERE ur.user_id = u.id AND ${permission} = ANY(r.permissions))`,
    )
    .limit(200)
    .execute();
  return rows.map((r) => r.id);
}

export async function personByIdNumber(db: Db, idNumber: string) {
  return db
    .selectFrom('persons')
    .select(['id', 'name', 'id_number', 'phone', 'org_path'])
    .where('id_number', '=', idNumber)
    .executeTakeFirst();
}

export async function personsById(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('persons')
    .select(['id', 'name', 'id_number', 'phone', 'org_path'])
    .where('id', 'in', [...ids])
    .execute();
}

const CLOCK_UNIT_KEY = 'petition_clock_unit';

/** The district setting: 'workingDays' switches every petition clock to working days (some provinces count 工作日). */
export async function petitionClockUnit(db: Db): Promise<'statutoryDays' | 'workingDays'> {
  const row = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', CLOCK_UNIT_KEY)
    .executeTakeFirst();
  return row?.value === 'workingDays' ? 'workingDays' : 'statutoryDays';
}

export async function setPetitionClockUnit(db: Db, unit: 'statutoryDays' | 'workingDays') {
  await db
    .insertInto('app_meta')
    .values({ key: CLOCK_UNIT_KEY, value: unit })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: unit }))
    .execute();
}

/** The petition's history as its page shows it: the workflow events, system bookkeeping left out. */
export function petitionEvents(db: Db, id: string) {
  return db
    .selectFrom('workflow_events')
    .select(['id', 'at', 'actor_name', 'actor_org', 'action', 'from_status', 'to_status', 'note', 'data'])
    .where('owner_type', '=', 'petition')
    .where('owner_id', '=', id)
    .where('internal', '=', false)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/**
 * An active user of the caller's part of the tree, with the path of their unit: a leader receiving or holding
 * a 包案, a follow-up owner.
 */
export function userInScope(db: Db, scope: OrgScope, userId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.display_name', 'o.path'])
    .where('u.id', '=', userId)
    .where('u.status', '=', 'active')
    .where(pathInScope(scope, sql.ref('o.path')))
    .executeTakeFirst();
}

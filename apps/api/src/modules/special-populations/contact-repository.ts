import { sql, type Insertable, type SqlBool } from 'kysely';
import type { SpecialCategory } from '@civicgrid/shared/special-populations';
import type { Db } from '../../db/client.ts';
import type { SpecialContactTable, SpecialIncidentTable } from '../../db/schema-special-contacts.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';

export const OWNER = 'special_person';
/** Statuses in which a file's rhythm runs (a closed or moved file has no more contacts due). */
export const RHYTHM_CLOSED = ['ended', 'transferred'] as const;

/** Is the user the file's responsible cadre or on its help team (一人联系一名, help-team members)? */
export const onTeam = (userId: string) =>
  sql<SqlBool>`(s.responsible_cadre_id = ${userId} OR EXISTS (SELECT 1 FROM special_team_members m
    WHERE m.special_person_id = s.id AND m.user_id = ${userId}))`;

/**
 * A file as the contact routes see it: under one of the caller's classes, and in the caller's subtree or with
 * the caller on its team (team membership is checked, not org scope: §4.3 `special.contact`).
 */
export function fileForContacts(
  db: Db,
  scope: OrgScope,
  categories: readonly SpecialCategory[],
  id: string,
  userId: string,
) {
  if (!categories.length) return Promise.resolve(undefined);
  return db
    .selectFrom('special_persons as s')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .select([
      's.id',
      's.category',
      's.status',
      's.management_level',
      's.risk_level',
      's.start_date',
      's.org_path',
      's.responsible_org_id',
      's.responsible_cadre_id',
      'p.name as person_name',
      sql<boolean>`${onTeam(userId)}`.as('on_team'),
    ])
    .where('s.id', '=', id)
    .where('s.category', 'in', [...categories])
    .where((eb) => eb.or([pathInScope(scope, sql.ref('s.org_path')), onTeam(userId)]))
    .executeTakeFirst();
}
export type ContactFile = NonNullable<Awaited<ReturnType<typeof fileForContacts>>>;

export function currentPlan(db: Db, fileId: string) {
  return db
    .selectFrom('special_plans')
    .select(['id', 'version', 'goals', 'measures', 'rhythm', 'start_on', 'created_at'])
    .where('special_person_id', '=', fileId)
    .where('current', '=', true)
    .executeTakeFirst();
}

export async function replacePlan(
  db: Db,
  p: {
    fileId: string;
    version: number;
    goals: string;
    measures: string | null;
    rhythm: unknown;
    startOn: string;
    by: string;
    at: Date;
  },
) {
  await db
    .updateTable('special_plans')
    .set({ current: false })
    .where('special_person_id', '=', p.fileId)
    .where('current', '=', true)
    .execute();
  return db
    .insertInto('special_plans')
    .values({
      special_person_id: p.fileId,
      version: p.version,
      goals: p.goals,
      measures: p.measures,
      rhythm: JSON.stringify(p.rhythm),
      start_on: p.startOn,
      created_by: p.by,
      created_at: p.at,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** The due items a new plan replaces: those not done and not yet due are dropped (the past ones stay). */
export async function dropFutureObligations(db: Db, fileId: string, today: string) {
  await db
    .deleteFrom('workflow_obligations')
    .where('owner_type', '=', OWNER)
    .where('owner_id', '=', fileId)
    .where('done_at', 'is', null)
    .where('due_on', '>', today)
    .execute();
}

export function openObligations(db: Db, fileId: string) {
  return db
    .selectFrom('workflow_obligations')
    .select(['id', 'rule', 'due_on', 'done_at', 'notified'])
    .where('owner_type', '=', OWNER)
    .where('owner_id', '=', fileId)
    .where('done_at', 'is', null)
    .orderBy('due_on')
    .execute();
}

export async function completeUpTo(
  db: Db,
  fileId: string,
  rule: string,
  upTo: string,
  at: Date,
  limit?: number,
) {
  let pick = db
    .selectFrom('workflow_obligations')
    .select('id')
    .where('owner_type', '=', OWNER)
    .where('owner_id', '=', fileId)
    .where('rule', '=', rule)
    .where('done_at', 'is', null)
    .where('due_on', '<=', upTo)
    .orderBy('due_on');
  if (limit) pick = pick.limit(limit);
  const ids = (await pick.execute()).map((r) => r.id);
  if (!ids.length) return [];
  const rows = await db
    .updateTable('workflow_obligations')
    .set({ done_at: at })
    .where('id', 'in', ids)
    .returning('due_on')
    .execute();
  return rows.map((r) => String(r.due_on).slice(0, 10)).sort();
}

export function contactsOf(db: Db, fileId: string) {
  return db
    .selectFrom('special_contacts')
    .select(['id', 'kind', 'done_on', 'note', 'minutes', 'location', 'due_on', 'by_name', 'created_at'])
    .where('special_person_id', '=', fileId)
    .orderBy('done_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

export function incidentsOf(db: Db, fileId: string) {
  return db
    .selectFrom('special_incidents')
    .select(['id', 'kind', 'occurred_on', 'detail', 'action', 'by_name', 'created_at'])
    .where('special_person_id', '=', fileId)
    .orderBy('occurred_on', 'desc')
    .execute();
}

export function insertContact(db: Db, row: Insertable<SpecialContactTable>) {
  return db.insertInto('special_contacts').values(row).returningAll().executeTakeFirstOrThrow();
}
export function contactByKey(db: Db, userId: string, key: string) {
  return db
    .selectFrom('special_contacts')
    .selectAll()
    .where('by_id', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}
export function insertIncident(db: Db, row: Insertable<SpecialIncidentTable>) {
  return db.insertInto('special_incidents').values(row).returningAll().executeTakeFirstOrThrow();
}
export function incidentByKey(db: Db, userId: string, key: string) {
  return db
    .selectFrom('special_incidents')
    .selectAll()
    .where('by_id', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

import { sql, type SqlBool } from 'kysely';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import type { Db } from '../../db/client.ts';

/** Queries of data-subject requests (PIPL art. 44–47); every read takes the caller's scope. */
const COLUMNS = [
  'r.id',
  'r.person_id as personId',
  'p.name as personName',
  'r.kind',
  'r.detail',
  'r.received_at as receivedAt',
  'r.due_at as dueAt',
  'r.status',
  'r.outcome',
  'r.closed_at as closedAt',
  'r.version',
  'r.org_path as orgPath',
] as const;

export function requestsQuery(db: Db, scope: OrgScope) {
  return db
    .selectFrom('subject_requests as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .select(COLUMNS)
    .where(pathInScope(scope, sql.ref('r.org_path')));
}

export type SubjectRequestRow = Awaited<
  ReturnType<ReturnType<typeof requestsQuery>['executeTakeFirstOrThrow']>
>;

export const findRequest = (db: Db, scope: OrgScope, id: string) =>
  requestsQuery(db, scope).where('r.id', '=', id).executeTakeFirst();

export async function listRequestRows(
  db: Db,
  scope: OrgScope,
  f: { status: string; personId?: string | undefined; after: [string, string] | null; limit: number },
) {
  let q = requestsQuery(db, scope).where('r.status', '=', f.status as 'open');
  if (f.personId) q = q.where('r.person_id', '=', f.personId);
  if (f.after)
    q = q.where(sql<SqlBool>`(r.due_at, r.id) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return q
    .orderBy('r.due_at')
    .orderBy('r.id')
    .limit(f.limit + 1)
    .execute();
}

export async function insertRequest(
  db: Db,
  v: {
    personId: string;
    orgPath: string;
    kind: 'access' | 'correction' | 'deletion';
    detail: string;
    receivedAt: Date;
    dueAt: Date;
    createdBy: string;
  },
) {
  const { id } = await db
    .insertInto('subject_requests')
    .values({
      person_id: v.personId,
      org_path: v.orgPath,
      kind: v.kind,
      detail: v.detail,
      received_at: v.receivedAt,
      due_at: v.dueAt,
      created_by: v.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Closes an open request at `version`; false when the version is stale or it is closed already. */
export async function closeRequestRow(
  db: Db,
  id: string,
  v: { version: number; status: 'done' | 'refused'; outcome: string; by: string; at: Date },
) {
  const r = await db
    .updateTable('subject_requests')
    .set({
      status: v.status,
      outcome: v.outcome,
      closed_by: v.by,
      closed_at: v.at,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', v.version)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The request's own audit rows, oldest first: who recorded, exported and answered it. */
export const requestAuditTrail = (db: Db, id: string) =>
  db
    .selectFrom('audit_log')
    .select(['at', 'actor_name as actorName', 'action', 'summary'])
    .where('entity_type', '=', 'subject_request')
    .where('entity_id', '=', id)
    .orderBy('id')
    .execute();

/** What the registry holds about one person, clear: the record, residences, change history, record links. */
export async function personDossier(db: Db, personId: string) {
  const [person, residences, history, links] = await Promise.all([
    db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirstOrThrow(),
    db
      .selectFrom('residences as r')
      .innerJoin('houses as h', 'h.id', 'r.house_id')
      .select([
        'r.relation',
        'r.from_date as fromDate',
        'r.to_date as toDate',
        'h.house_number as houseNumber',
        'h.address',
      ])
      .where('r.person_id', '=', personId)
      .orderBy('r.from_date')
      .execute(),
    db
      .selectFrom('registry_changes')
      .select(['at', 'actor_name as actorName', 'action', 'changes'])
      .where('entity', '=', 'person')
      .where('entity_id', '=', personId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('record_subjects')
      .select(['owner_type as ownerType', 'owner_id as ownerId', 'role', 'created_at as since'])
      .where('subject_type', '=', 'person')
      .where('subject_id', '=', personId)
      .orderBy('created_at')
      .execute(),
  ]);
  return { person, residences, history, links };
}

export const DAYS_KEY = 'subject_request_days';

export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function writeSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('app_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../../db/client.ts';
import { pathInScope, type OrgScope } from '../../../core/org-scope.ts';

const COLUMNS = [
  't.id',
  't.org_id as orgId',
  'o.name as orgName',
  't.action',
  't.category_id as categoryId',
  'c.name as categoryName',
  't.title',
  't.body',
  't.version',
  't.updated_at as updatedAt',
] as const;

const base = (db: Db) =>
  db
    .selectFrom('case_reply_templates as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .leftJoin('categories as c', 'c.id', 't.category_id');

/**
 * The templates a user may pick: those of their own unit and the units above it (a district centre's serve its
 * streets), and those of the units in their scope (which they maintain).
 */
export async function listTemplates(
  db: Db,
  scope: OrgScope,
  userOrgPath: string,
  f: { action?: string | undefined; categoryId?: string | undefined },
) {
  let q = base(db)
    .select(COLUMNS)
    .where((eb) =>
      eb.or([sql<SqlBool>`${userOrgPath} LIKE t.org_path || '%'`, pathInScope(scope, sql.ref('t.org_path'))]),
    );
  if (f.action) q = q.where('t.action', '=', f.action);
  if (f.categoryId)
    q = q.where((eb) => eb.or([eb('t.category_id', 'is', null), eb('t.category_id', '=', f.categoryId!)]));
  return q.orderBy('t.action').orderBy('t.title').orderBy('t.id').limit(500).execute();
}

/** One template a user maintains: inside their scope, else nothing (404). */
export async function findTemplate(db: Db, scope: OrgScope, id: string) {
  return base(db)
    .select([...COLUMNS, 't.org_path as orgPath'])
    .where('t.id', '=', id)
    .where(pathInScope(scope, sql.ref('t.org_path')))
    .executeTakeFirst();
}

export async function templateByIdempotencyKey(db: Db, key: string) {
  return db
    .selectFrom('case_reply_templates')
    .select(['id', 'idempotency_hash'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function insertTemplate(
  db: Db,
  v: {
    orgId: string;
    orgPath: string;
    action: string;
    categoryId: string | null;
    title: string;
    body: string;
    by: string;
    key: string | null;
    hash: string | null;
  },
) {
  const row = await db
    .insertInto('case_reply_templates')
    .values({
      org_id: v.orgId,
      org_path: v.orgPath,
      action: v.action,
      category_id: v.categoryId,
      title: v.title,
      body: v.body,
      created_by: v.by,
      idempotency_key: v.key,
      idempotency_hash: v.hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes when the version still matches; the number of rows says whether it did. */
export async function updateTemplate(
  db: Db,
  id: string,
  version: number,
  set: { action?: string; category_id?: string | null; title?: string; body?: string },
) {
  const r = await db
    .updateTable('case_reply_templates')
    .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function deleteTemplate(db: Db, id: string) {
  await db.deleteFrom('case_reply_templates').where('id', '=', id).execute();
}

export async function categoryExists(db: Db, id: string) {
  return !!(await db.selectFrom('categories').select('id').where('id', '=', id).executeTakeFirst());
}

export async function orgPathOf(db: Db, id: string) {
  const r = await db.selectFrom('orgs').select('path').where('id', '=', id).executeTakeFirstOrThrow();
  return r.path;
}

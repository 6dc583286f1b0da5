import { sql, type Insertable } from 'kysely';
import type { PolicyDocumentTable } from '../../db/schema-public.ts';
import type { RequestContext, SignedInContext } from '../../core/context.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { matchesQuery } from './policy-search.ts';
import type { PolicyListQuery } from './schemas.ts';

/** The reads of policy documents (category and file joined), the checks that need a lookup, and the insert. */
export function policyCategories(ctx: RequestContext) {
  return ctx.db
    .selectFrom('policy_categories')
    .select(['id', 'code', 'name', 'name_en as nameEn', 'sort_order as sortOrder', 'version'])
    .orderBy('sort_order')
    .execute();
}

interface ListOptions {
  staff: SignedInContext | null;
}

/** One list for the portal (published only) and the staff app (their org's documents, any state). */
export async function listPolicies(
  ctx: RequestContext,
  q: Omit<PolicyListQuery, 'published'> & { published?: boolean | undefined },
  opts: ListOptions,
) {
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  let query = ctx.db
    .selectFrom('policy_documents as d')
    .innerJoin('policy_categories as k', 'k.id', 'd.category_id')
    .select([
      'd.id',
      'd.title',
      'd.issuer',
      'd.doc_number as docNumber',
      'd.issued_on as issuedOn',
      'd.category_id as categoryId',
      'k.name as categoryName',
      'k.name_en as categoryNameEn',
      'd.published',
      sql<boolean>`d.attachment_id IS NOT NULL`.as('hasFile'),
      sql<string>`left(d.body, 120)`.as('excerpt'),
      'd.version',
      'd.updated_at as updatedAt',
    ]);
  if (opts.staff) query = query.where(pathInScope(opts.staff.scope, sql.ref('d.org_path')));
  else query = query.where('d.published', '=', true);
  if (q.categoryId) query = query.where('d.category_id', '=', q.categoryId);
  if (q.q) query = query.where(matchesQuery(q.q));
  if (opts.staff && q.published !== undefined) query = query.where('d.published', '=', q.published);
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('d.issued_on', '<', after[0]),
        eb.and([eb('d.issued_on', '=', after[0]), eb('d.id', '<', after[1])]),
      ]),
    );
  const rows = await query
    .orderBy('d.issued_on', 'desc')
    .orderBy('d.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  return pageOf(rows, q.limit, (r) => [r.issuedOn, r.id]);
}

export async function findPolicy(ctx: RequestContext, id: string, staff: SignedInContext | null) {
  let query = ctx.db
    .selectFrom('policy_documents as d')
    .innerJoin('policy_categories as k', 'k.id', 'd.category_id')
    .leftJoin('attachments as a', 'a.id', 'd.attachment_id')
    .select([
      'd.id',
      'd.title',
      'd.issuer',
      'd.doc_number as docNumber',
      'd.issued_on as issuedOn',
      'd.category_id as categoryId',
      'k.name as categoryName',
      'k.name_en as categoryNameEn',
      'd.body',
      'd.published',
      'd.attachment_id as attachmentId',
      'a.filename as fileName',
      'a.size as fileSize',
      'a.storage_key as storageKey',
      'd.org_id as orgId',
      'd.version',
      'd.updated_at as updatedAt',
    ])
    .where('d.id', '=', id);
  query = staff
    ? query.where(pathInScope(staff.scope, sql.ref('d.org_path')))
    : query.where('d.published', '=', true);
  const d = await query.executeTakeFirst();
  if (!d) throw notFound('policy');
  return d;
}

export async function getPolicy(ctx: RequestContext, id: string, staff: SignedInContext | null) {
  const { storageKey: _k, orgId: _o, ...d } = await findPolicy(ctx, id, staff);
  return d;
}

/** A PDF for a document: the uploader's own, not yet used by a case or another document. */
export async function checkAttachment(
  ctx: SignedInContext,
  id: string | null | undefined,
  docId: string | null,
) {
  if (!id) return null;
  const a = await ctx.db
    .selectFrom('attachments')
    .select(['id', 'mime', 'uploaded_by', 'case_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  const usedBy = await ctx.db
    .selectFrom('policy_documents')
    .select('id')
    .where('attachment_id', '=', id)
    .executeTakeFirst();
  if (!a || a.case_id || (usedBy && usedBy.id !== docId) || (!usedBy && a.uploaded_by !== ctx.user.id))
    throw badRequest('attachmentId', 'no such uploaded file');
  if (a.mime !== 'application/pdf') throw badRequest('attachmentId', 'must be a PDF');
  return a.id;
}

export async function checkCategory(ctx: RequestContext, id: string) {
  const k = await ctx.db.selectFrom('policy_categories').select('id').where('id', '=', id).executeTakeFirst();
  if (!k) throw badRequest('categoryId', 'no such category');
}

export async function insertPolicy(
  ctx: SignedInContext,
  row: Omit<
    Insertable<PolicyDocumentTable>,
    'org_id' | 'org_path' | 'created_by' | 'created_at' | 'updated_at'
  >,
) {
  const now = ctx.clock.now();
  const { id } = await ctx.db
    .insertInto('policy_documents')
    .values({
      ...row,
      org_id: ctx.user.orgId,
      org_path: ctx.user.orgPath,
      created_by: ctx.user.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

import { sql } from 'kysely';
import { audit } from '../../core/audit.ts';
import { inTransaction, type RequestContext, type SignedInContext } from '../../core/context.ts';
import { badRequest, notFound, staleVersion } from '../../core/errors.ts';
import type { FileStore } from '../../core/files.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { matchesQuery, searchGrams } from './policy-search.ts';
import type { PolicyInput, PolicyListQuery } from './schemas.ts';

export function policyCategories(ctx: RequestContext) {
  return ctx.db
    .selectFrom('policy_categories')
    .select(['id', 'code', 'name', 'name_en as nameEn', 'sort_order as sortOrder', 'version'])
    .orderBy('sort_order')
    .execute();
}

export async function renamePolicyCategory(
  ctx: SignedInContext,
  id: string,
  input: { name: string; nameEn?: string | null | undefined; version: number },
) {
  return inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('policy_categories')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('policy category');
    if (before.version !== input.version) throw staleVersion(before.version);
    await tx.db
      .updateTable('policy_categories')
      .set({ name: input.name, name_en: input.nameEn ?? null, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await audit(tx, {
      action: 'policy_category.update',
      entityType: 'policy_category',
      entityId: id,
      summary: `renamed ${before.name} → ${input.name}`,
      before: { name: before.name, nameEn: before.name_en },
      after: { name: input.name, nameEn: input.nameEn ?? null },
    });
    return (await policyCategories(tx)).find((c) => c.id === id);
  });
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

async function findPolicy(ctx: RequestContext, id: string, staff: SignedInContext | null) {
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

export async function policyFile(ctx: RequestContext, store: FileStore, id: string) {
  const d = await findPolicy(ctx, id, null);
  if (!d.storageKey) throw notFound('file');
  return { filename: d.fileName ?? 'policy.pdf', bytes: await store.get(d.storageKey) };
}

/** A PDF for a document: the uploader's own, not yet used by a case or another document. */
async function checkAttachment(ctx: SignedInContext, id: string | null | undefined, docId: string | null) {
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

async function checkCategory(ctx: RequestContext, id: string) {
  const k = await ctx.db.selectFrom('policy_categories').select('id').where('id', '=', id).executeTakeFirst();
  if (!k) throw badRequest('categoryId', 'no such category');
}

const toRow = (input: PolicyInput) => ({
  category_id: input.categoryId,
  title: input.title,
  issuer: input.issuer,
  doc_number: input.docNumber || null,
  issued_on: input.issuedOn,
  body: input.body ?? '',
  published: input.published ?? true,
  search_grams: searchGrams({ ...input, body: input.body ?? '' }),
});

export async function createPolicy(ctx: SignedInContext, input: PolicyInput) {
  await checkCategory(ctx, input.categoryId);
  if (!input.body?.trim() && !input.attachmentId) throw badRequest('body', 'give the text or attach a PDF');
  return inTransaction(ctx, async (tx) => {
    const attachmentId = await checkAttachment(tx, input.attachmentId, null);
    const now = tx.clock.now();
    const { id } = await tx.db
      .insertInto('policy_documents')
      .values({
        ...toRow(input),
        attachment_id: attachmentId,
        org_id: tx.user.orgId,
        org_path: tx.user.orgPath,
        created_by: tx.user.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, {
      action: 'policy.create',
      entityType: 'policy',
      entityId: id,
      orgId: tx.user.orgId,
      summary: input.title,
    });
    return getPolicy(tx, id, tx);
  });
}

export async function updatePolicy(
  ctx: SignedInContext,
  id: string,
  input: PolicyInput & { version: number },
) {
  await checkCategory(ctx, input.categoryId);
  if (!input.body?.trim() && !input.attachmentId) throw badRequest('body', 'give the text or attach a PDF');
  return inTransaction(ctx, async (tx) => {
    const before = await findPolicy(tx, id, tx);
    if (before.version !== input.version) throw staleVersion(before.version);
    const attachmentId = await checkAttachment(tx, input.attachmentId, id);
    const r = await tx.db
      .updateTable('policy_documents')
      .set({
        ...toRow(input),
        attachment_id: attachmentId,
        version: sql`version + 1`,
        updated_at: tx.clock.now(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion(before.version);
    await audit(tx, {
      action: 'policy.update',
      entityType: 'policy',
      entityId: id,
      orgId: before.orgId,
      summary: `edited ${before.title}`,
      before: { title: before.title, published: before.published },
      after: { title: input.title, published: input.published ?? true },
    });
    return getPolicy(tx, id, tx);
  });
}

export async function deletePolicy(ctx: SignedInContext, id: string, version: number) {
  await inTransaction(ctx, async (tx) => {
    const before = await findPolicy(tx, id, tx);
    if (before.version !== version) throw staleVersion(before.version);
    await tx.db.deleteFrom('policy_documents').where('id', '=', id).execute();
    await audit(tx, {
      action: 'policy.delete',
      entityType: 'policy',
      entityId: id,
      orgId: before.orgId,
      summary: `deleted ${before.title}`,
    });
  });
}

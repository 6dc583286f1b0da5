import { sql } from 'kysely';
import { audit } from '../../core/audit.ts';
import { inTransaction, type RequestContext, type SignedInContext } from '../../core/context.ts';
import { scopedTable } from '../../core/data/scoped-table.ts';
import { badRequest, notFound, staleVersion } from '../../core/errors.ts';
import type { FileStore } from '../../core/files.ts';
import { searchGrams } from './policy-search.ts';
import {
  checkAttachment,
  checkCategory,
  findPolicy,
  getPolicy,
  insertPolicy,
  policyCategories,
} from './policy-repository.ts';
import type { PolicyInput } from './schemas.ts';

export { getPolicy, listPolicies, policyCategories } from './policy-repository.ts';

const policies = (ctx: SignedInContext) =>
  scopedTable(ctx, 'policy_documents', { path: 'org_path' }, { entity: 'policy' });
// The categories are one district-wide list, guarded by the route's permission rather than by an org.
const categories = (ctx: SignedInContext) =>
  scopedTable(
    ctx,
    'policy_categories',
    { scope: () => sql`true` },
    { entity: 'policy category', updatedAt: null, orgOf: () => null },
  );

export async function renamePolicyCategory(
  ctx: SignedInContext,
  id: string,
  input: { name: string; nameEn?: string | null | undefined; version: number },
) {
  return inTransaction(ctx, async (tx) => {
    await categories(tx).updateVersioned(
      id,
      input.version,
      { name: input.name, name_en: input.nameEn ?? null },
      {
        audit: {
          action: 'policy_category.update',
          entityType: 'policy_category',
          summary: (k) => `renamed ${k.name} → ${input.name}`,
        },
      },
    );
    return (await policyCategories(tx)).find((c) => c.id === id);
  });
}

export async function policyFile(ctx: RequestContext, store: FileStore, id: string) {
  const d = await findPolicy(ctx, id, null);
  if (!d.storageKey) throw notFound('file');
  return { filename: d.fileName ?? 'policy.pdf', bytes: await store.get(d.storageKey) };
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
    const id = await insertPolicy(tx, { ...toRow(input), attachment_id: attachmentId });
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
    // Scope (404) and version (409) first, so a foreign document's attachment is never looked at.
    const before = await policies(tx).get(id);
    if (before.version !== input.version) throw staleVersion(before.version);
    const attachmentId = await checkAttachment(tx, input.attachmentId, id);
    await policies(tx).updateVersioned(
      id,
      input.version,
      { ...toRow(input), attachment_id: attachmentId },
      {
        audit: { action: 'policy.update', entityType: 'policy', summary: (d) => `edited ${d.title}` },
        omitFromAudit: ['body', 'search_grams'],
      },
    );
    return getPolicy(tx, id, tx);
  });
}

export async function deletePolicy(ctx: SignedInContext, id: string, version: number) {
  await policies(ctx).deleteVersioned(id, version, {
    audit: { action: 'policy.delete', entityType: 'policy', summary: (d) => `deleted ${d.title}` },
  });
}

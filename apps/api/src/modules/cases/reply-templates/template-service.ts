import type { ReplyTemplateInput } from '@civicgrid/shared/case-reply-templates';
import { audit } from '../../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../../core/context.ts';
import { badRequest, notFound, staleVersion } from '../../../core/errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../../../core/idempotency.ts';
import * as repo from './template-repository.ts';

export function listReplyTemplates(
  ctx: SignedInContext,
  f: { action?: string | undefined; categoryId?: string | undefined },
) {
  return repo.listTemplates(ctx.db, ctx.scope, ctx.user.orgPath, f).then((items) => ({ items }));
}

async function checkCategory(ctx: SignedInContext, id: string | null | undefined) {
  if (id && !(await repo.categoryExists(ctx.db, id))) throw badRequest('categoryId', 'no such category');
}

/** A template of the caller's own unit; a retry with the same Idempotency-Key and body answers the first. */
export async function createReplyTemplate(
  ctx: SignedInContext,
  input: ReplyTemplateInput,
  key: string | null,
) {
  const hash = key ? requestFingerprint(input) : null;
  if (key) {
    const had = await repo.templateByIdempotencyKey(ctx.db, key);
    if (had) {
      if (had.idempotency_hash !== hash) throw idempotencyKeyReused();
      return { created: false, template: await getReplyTemplate(ctx, had.id) };
    }
  }
  await checkCategory(ctx, input.categoryId);
  return inTransaction(ctx, async (tx) => {
    const id = await repo.insertTemplate(tx.db, {
      orgId: tx.user.orgId,
      orgPath: await repo.orgPathOf(tx.db, tx.user.orgId),
      action: input.action,
      categoryId: input.categoryId ?? null,
      title: input.title,
      body: input.body,
      by: tx.user.id,
      key,
      hash,
    });
    await audit(tx, {
      action: 'case.template.create',
      entityType: 'case_reply_template',
      entityId: id,
      orgId: tx.user.orgId,
      summary: `reply template ${input.title}`,
      after: input,
    });
    return { created: true, template: await getReplyTemplate(tx, id) };
  });
}

export async function getReplyTemplate(ctx: SignedInContext, id: string) {
  const t = await repo.findTemplate(ctx.db, ctx.scope, id);
  if (!t) throw notFound('template');
  const { orgPath: _p, ...out } = t;
  return out;
}

export async function updateReplyTemplate(
  ctx: SignedInContext,
  id: string,
  input: Partial<ReplyTemplateInput> & { version: number },
) {
  await checkCategory(ctx, input.categoryId);
  return inTransaction(ctx, async (tx) => {
    const before = await getReplyTemplate(tx, id);
    const n = await repo.updateTemplate(tx.db, id, input.version, {
      ...(input.action ? { action: input.action } : {}),
      ...(input.categoryId !== undefined ? { category_id: input.categoryId } : {}),
      ...(input.title ? { title: input.title } : {}),
      ...(input.body ? { body: input.body } : {}),
    });
    if (!n) throw staleVersion(before.version);
    await audit(tx, {
      action: 'case.template.update',
      entityType: 'case_reply_template',
      entityId: id,
      orgId: before.orgId,
      summary: `reply template ${input.title ?? before.title}`,
      before,
      after: input,
    });
    return getReplyTemplate(tx, id);
  });
}

export async function deleteReplyTemplate(ctx: SignedInContext, id: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await getReplyTemplate(tx, id);
    await repo.deleteTemplate(tx.db, id);
    await audit(tx, {
      action: 'case.template.delete',
      entityType: 'case_reply_template',
      entityId: id,
      orgId: before.orgId,
      summary: `reply template ${before.title}`,
      before,
    });
  });
}

import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';

// The starting dictionary (独居老人, 残疾人, 低保, 党员, …) is inserted by migration 0005.

export function listTags(ctx: SignedInContext) {
  return ctx.db
    .selectFrom('person_tags')
    .select(['code', 'name', 'name_en as nameEn', 'sort_order as sortOrder', 'disabled'])
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export async function createTag(
  ctx: SignedInContext,
  input: { code: string; name: string; nameEn?: string | null | undefined; sortOrder?: number | undefined },
) {
  return inTransaction(ctx, async (tx) => {
    const r = await tx.db
      .insertInto('person_tags')
      .values({
        code: input.code,
        name: input.name,
        name_en: input.nameEn ?? null,
        sort_order: input.sortOrder ?? 0,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('code')
      .executeTakeFirst();
    if (!r) throw conflict(`tag ${input.code} exists`);
    await audit(tx, {
      action: 'person_tag.create',
      entityType: 'person_tag',
      summary: `added tag ${input.code} ${input.name}`,
    });
    return { code: input.code };
  });
}

export async function updateTag(
  ctx: SignedInContext,
  code: string,
  input: {
    name?: string | undefined;
    nameEn?: string | null | undefined;
    sortOrder?: number | undefined;
    disabled?: boolean | undefined;
  },
) {
  // An empty body would be an UPDATE with nothing to set: say so instead of failing in the database.
  if (Object.values(input).every((v) => v === undefined))
    throw badRequest('name', 'give at least one of name, nameEn, sortOrder or disabled to change');
  return inTransaction(ctx, async (tx) => {
    const r = await tx.db
      .updateTable('person_tags')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      })
      .where('code', '=', code)
      .returning('code')
      .executeTakeFirst();
    if (!r) throw notFound('tag');
    await audit(tx, {
      action: 'person_tag.update',
      entityType: 'person_tag',
      summary: `changed tag ${code}`,
      after: input,
    });
    return { code };
  });
}

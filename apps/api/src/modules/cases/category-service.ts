import { sql } from 'kysely';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, notFound, staleVersion } from '../../core/errors.ts';
import { bumpCategoryVersion } from './category-catalog.ts';

export interface CategoryNode {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  defaultDepartmentId: string | null;
  limits: unknown;
  photoRequired: boolean;
  selfHandle: boolean;
  public: boolean;
  disabled: boolean;
  version: number;
  children: CategoryNode[];
}

/** The category tree with ids, routing and limits: the same for every unit of the district. */
export async function categoryTree(ctx: { db: SignedInContext['db'] }, opts: { publicOnly?: boolean } = {}) {
  let q = ctx.db
    .selectFrom('categories')
    .select([
      'id',
      'parent_id as parentId',
      'code',
      'name',
      'name_en as nameEn',
      'kind',
      'default_department_id as defaultDepartmentId',
      'limits',
      'photo_required as photoRequired',
      'self_handle as selfHandle',
      'public',
      'disabled',
      'version',
    ])
    .orderBy('code');
  if (opts.publicOnly) q = q.where('disabled', '=', false);
  const rows = await q.execute();
  const byId = new Map<string, CategoryNode>();
  const roots: CategoryNode[] = [];
  for (const { parentId: _p, ...r } of rows) byId.set(r.id, { ...r, children: [] });
  for (const r of rows) {
    const node = byId.get(r.id)!;
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export async function updateCategory(
  ctx: SignedInContext,
  id: string,
  input: {
    name?: string | undefined;
    defaultDepartmentId?: string | null | undefined;
    limits?: unknown;
    photoRequired?: boolean | undefined;
    selfHandle?: boolean | undefined;
    public?: boolean | undefined;
    disabled?: boolean | undefined;
    version: number;
  },
) {
  const done = await inTransaction(ctx, async (tx) => {
    const cat = await tx.db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
    if (!cat) throw notFound('category');
    if (cat.version !== input.version) throw staleVersion(cat.version);
    if (input.defaultDepartmentId) {
      const d = await tx.db
        .selectFrom('orgs')
        .select('level')
        .where('id', '=', input.defaultDepartmentId)
        .executeTakeFirst();
      if (d?.level !== 'department') throw badRequest('defaultDepartmentId', 'not a department');
    }
    const set = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.defaultDepartmentId !== undefined
        ? { default_department_id: input.defaultDepartmentId }
        : {}),
      ...(input.limits !== undefined ? { limits: JSON.stringify(input.limits) } : {}),
      ...(input.photoRequired !== undefined ? { photo_required: input.photoRequired } : {}),
      ...(input.selfHandle !== undefined ? { self_handle: input.selfHandle } : {}),
      ...(input.public !== undefined ? { public: input.public } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    };
    await tx.db
      .updateTable('categories')
      .set({ ...set, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await bumpCategoryVersion(tx.db);
    await audit(tx, {
      action: 'category.update',
      entityType: 'category',
      entityId: id,
      summary: `changed category ${cat.code} ${cat.name}`,
      after: input,
    });
    return { id, version: cat.version + 1 };
  });
  ctx.categories.invalidate();
  return done;
}

/** A new category under a parent; it inherits the parent's kind, routing and limits unless given. */
export async function createCategory(
  ctx: SignedInContext,
  input: {
    parentId: string;
    code: string;
    name: string;
    nameEn?: string | null | undefined;
    defaultDepartmentId?: string | null | undefined;
    photoRequired?: boolean | undefined;
    selfHandle?: boolean | undefined;
    public?: boolean | undefined;
  },
) {
  const done = await inTransaction(ctx, async (tx) => {
    const parent = await tx.db
      .selectFrom('categories')
      .selectAll()
      .where('id', '=', input.parentId)
      .executeTakeFirst();
    if (!parent) throw badRequest('parentId', 'no such category');
    const taken = await tx.db
      .selectFrom('categories')
      .select('id')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (taken) throw badRequest('code', 'already used');
    const { id } = await tx.db
      .insertInto('categories')
      .values({
        parent_id: parent.id,
        code: input.code,
        name: input.name,
        name_en: input.nameEn ?? null,
        kind: parent.kind,
        default_department_id: input.defaultDepartmentId ?? parent.default_department_id,
        limits: JSON.stringify(parent.limits),
        photo_required: input.photoRequired ?? parent.photo_required,
        self_handle: input.selfHandle ?? parent.self_handle,
        public: input.public ?? parent.public,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bumpCategoryVersion(tx.db);
    await audit(tx, {
      action: 'category.create',
      entityType: 'category',
      entityId: id,
      summary: `created category ${input.code} ${input.name} under ${parent.code}`,
    });
    return { id, version: 1 };
  });
  ctx.categories.invalidate();
  return done;
}

import { randomUUID } from 'node:crypto';
import { levelPlacementError, type OrgLevel } from '@civicgrid/shared/orgs';
import { audit, diff } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest, conflict, notFound, staleVersion } from '../../core/errors.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import * as repo from './repository.ts';

export interface OrgTreeNode {
  id: string;
  name: string;
  code: string | null;
  level: string;
  disabled: boolean;
  centreType: string | null;
  children: OrgTreeNode[];
}

export async function getTree(ctx: SignedInContext, includeDisabled: boolean): Promise<OrgTreeNode[]> {
  const rows = await repo.listOrgsForTree(ctx.db, ctx.scope, includeDisabled);
  const nodes = new Map<string, OrgTreeNode>();
  const roots: OrgTreeNode[] = [];
  for (const r of rows) {
    const node: OrgTreeNode = {
      id: r.id,
      name: r.name,
      code: r.code,
      level: r.level,
      disabled: r.disabled,
      centreType: r.centreType,
      children: [],
    };
    nodes.set(r.id, node);
    // Rows come parents first; a node whose parent is outside the scope (or hidden) is a root of this view.
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

async function present(ctx: SignedInContext, row: repo.OrgRow) {
  const [path, childCount] = await Promise.all([
    repo.pathNames(ctx.db, ctx.scope, row.path),
    repo.childCount(ctx.db, row.id),
  ]);
  const { path: _p, depth: _d, ...rest } = row;
  return { ...rest, path, childCount };
}

async function mustFind(ctx: SignedInContext, id: string) {
  const org = await repo.findOrg(ctx.db, ctx.scope, id);
  if (!org) throw notFound('org');
  return org;
}

export async function getOrg(ctx: SignedInContext, id: string) {
  return present(ctx, await mustFind(ctx, id));
}

export async function listOrgs(
  ctx: SignedInContext,
  f: {
    q?: string | undefined;
    level?: string | undefined;
    parentId?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const rows = await repo.listOrgs(ctx.db, ctx.scope, { ...f, after });
  const page = pageOf(rows, f.limit, (r) => [r.name, r.id]);
  return { items: page.items.map(({ path: _p, depth: _d, ...r }) => r), nextCursor: page.nextCursor };
}

function checkPlacement(parentLevel: string, level: string) {
  const why = levelPlacementError(parentLevel as OrgLevel, level as OrgLevel);
  if (why) throw badRequest('level', why);
}

export async function createOrg(
  ctx: SignedInContext,
  input: { parentId: string; name: string; code?: string | null | undefined; level: OrgLevel },
) {
  return inTransaction(ctx, async (tx) => {
    const parent = await repo.findOrg(tx.db, tx.scope, input.parentId);
    if (!parent) throw badRequest('parentId', 'no such org in your part of the tree');
    if (parent.disabled) throw badRequest('parentId', 'the parent org is disabled');
    checkPlacement(parent.level, input.level);
    const id = randomUUID();
    try {
      await repo.insertOrg(tx.db, {
        id,
        parentId: parent.id,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        name: input.name,
        code: input.code ?? null,
        level: input.level,
      });
    } catch (err) {
      throw translateUnique(err);
    }
    const created = await mustFind(tx, id);
    await audit(tx, {
      action: 'org.create',
      entityType: 'org',
      entityId: id,
      orgId: id,
      summary: `created ${input.level} ${input.name} under ${parent.name}`,
      after: { name: input.name, code: input.code ?? null, level: input.level, parentId: parent.id },
    });
    return present(tx, created);
  });
}

function translateUnique(err: unknown): unknown {
  const e = err as { code?: string; constraint?: string };
  if (e.code !== '23505') return err;
  if (e.constraint === 'orgs_code_uq')
    return new AppError('DUPLICATE', 409, 'code: another org already uses this code', {
      fields: [{ path: 'code', message: 'already used' }],
    });
  return new AppError('DUPLICATE', 409, 'name: a sibling already has this name', {
    fields: [{ path: 'name', message: 'already used by a sibling' }],
  });
}

export async function updateOrg(
  ctx: SignedInContext,
  id: string,
  input: { name?: string | undefined; code?: string | null | undefined; version: number },
) {
  return inTransaction(ctx, async (tx) => {
    const org = await mustFind(tx, id);
    if (org.version !== input.version) throw staleVersion(org.version);
    const set: { name?: string; code?: string | null } = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.code !== undefined) set.code = input.code;
    const d = diff({ name: org.name, code: org.code }, set);
    try {
      if (!(await repo.updateOrgFields(tx.db, id, input.version, set, tx.clock.now())))
        throw staleVersion(org.version);
    } catch (err) {
      throw translateUnique(err);
    }
    await audit(tx, {
      action: 'org.update',
      entityType: 'org',
      entityId: id,
      orgId: id,
      summary: `changed ${d.changed.join(', ') || 'nothing'} of ${org.name}`,
      before: d.before,
      after: d.after,
    });
    return present(tx, await mustFind(tx, id));
  });
}

export async function moveOrg(
  ctx: SignedInContext,
  id: string,
  input: { parentId: string; version: number },
) {
  return inTransaction(ctx, async (tx) => {
    const org = await mustFind(tx, id);
    if (org.id === tx.scope.rootOrgId)
      throw badRequest('id', 'you cannot move the top of your own part of the tree');
    if (org.version !== input.version) throw staleVersion(org.version);
    const parent = await repo.findOrg(tx.db, tx.scope, input.parentId);
    if (!parent) throw badRequest('parentId', 'no such org in your part of the tree');
    if (parent.path.startsWith(org.path))
      throw badRequest('parentId', 'an org cannot move under itself or its own descendants');
    if (parent.id === org.parentId) throw badRequest('parentId', 'the org is already there');
    checkPlacement(parent.level, org.level);
    try {
      if (!(await repo.moveSubtree(tx.db, org, parent, tx.clock.now()))) throw staleVersion(org.version);
    } catch (err) {
      throw translateUnique(err);
    }
    await audit(tx, {
      action: 'org.move',
      entityType: 'org',
      entityId: id,
      orgId: id,
      summary: `moved ${org.name} under ${parent.name}`,
      before: { parentId: org.parentId },
      after: { parentId: parent.id },
    });
    return present(tx, await mustFind(tx, id));
  });
}

export async function setOrgDisabled(ctx: SignedInContext, id: string, disabled: boolean, version: number) {
  return inTransaction(ctx, async (tx) => {
    const org = await mustFind(tx, id);
    if (org.id === tx.scope.rootOrgId)
      throw badRequest('id', 'you cannot disable the top of your own part of the tree');
    if (org.version !== version) throw staleVersion(org.version);
    if (org.disabled === disabled)
      throw conflict(disabled ? 'the org is already disabled' : 'the org is already enabled');
    if (!(await repo.updateOrgFields(tx.db, id, version, { disabled }, tx.clock.now())))
      throw staleVersion(org.version);
    await audit(tx, {
      action: disabled ? 'org.disable' : 'org.enable',
      entityType: 'org',
      entityId: id,
      orgId: id,
      summary: `${disabled ? 'disabled' : 'enabled'} ${org.name}`,
      before: { disabled: org.disabled },
      after: { disabled },
    });
    return present(tx, await mustFind(tx, id));
  });
}

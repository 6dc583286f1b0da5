import { sql } from 'kysely';
import { audit, diff } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, notFound, staleVersion } from '../../core/errors.ts';
import { pathInScope } from '../../core/org-scope.ts';

/** 包片 zones: a zone is visible when the unit that owns it is in the caller's subtree. */
export async function listZones(
  ctx: SignedInContext,
  f: { ownerUserId?: string | undefined; orgId?: string | undefined },
) {
  let q = ctx.db
    .selectFrom('zones as z')
    .innerJoin('orgs as o', 'o.id', 'z.org_id')
    .innerJoin('users as u', 'u.id', 'z.owner_user_id')
    .select([
      'z.id',
      'z.name',
      'z.org_id as orgId',
      'o.name as orgName',
      'z.owner_user_id as ownerUserId',
      'u.display_name as ownerName',
      'u.phone as ownerPhone',
      'z.version',
    ])
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .orderBy('z.name')
    .limit(1000);
  if (f.ownerUserId) q = q.where('z.owner_user_id', '=', f.ownerUserId);
  if (f.orgId)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('zone_members as m')
          .whereRef('m.zone_id', '=', 'z.id')
          .where('m.org_id', '=', f.orgId!)
          .select('m.zone_id'),
      ),
    );
  const zones = await q.execute();
  const members = zones.length
    ? await ctx.db
        .selectFrom('zone_members as m')
        .innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select(['m.zone_id as zoneId', 'o.id', 'o.name', 'o.code', 'o.level'])
        .where(
          'm.zone_id',
          'in',
          zones.map((z) => z.id),
        )
        .orderBy('o.code')
        .execute()
    : [];
  return zones.map((z) => ({
    ...z,
    members: members.filter((m) => m.zoneId === z.id).map(({ zoneId: _z, ...m }) => m),
  }));
}

async function getZone(ctx: SignedInContext, id: string) {
  const zone = (await listZones(ctx, {})).find((z) => z.id === id);
  if (!zone) throw notFound('zone');
  return zone;
}

async function checkMembers(ctx: SignedInContext, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const rows = await ctx.db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.level'])
    .where('o.id', 'in', unique)
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .execute();
  if (rows.length !== unique.length)
    throw badRequest('memberOrgIds', 'one or more orgs are not in your part of the tree');
  if (rows.some((r) => r.level !== 'grid' && r.level !== 'community'))
    throw badRequest('memberOrgIds', 'a zone holds grids and communities only');
  return unique;
}

async function checkOwner(ctx: SignedInContext, userId: string) {
  const u = await ctx.db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select('u.id')
    .where('u.id', '=', userId)
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .executeTakeFirst();
  if (!u) throw badRequest('ownerUserId', 'no such user in your part of the tree');
}

export async function createZone(
  ctx: SignedInContext,
  input: { name: string; ownerUserId: string; orgId?: string | undefined; memberOrgIds: string[] },
) {
  return inTransaction(ctx, async (tx) => {
    const orgId = input.orgId ?? tx.user.orgId;
    const owning = await tx.db
      .selectFrom('orgs as o')
      .select('o.id')
      .where('o.id', '=', orgId)
      .where(pathInScope(tx.scope, sql.ref('o.path')))
      .executeTakeFirst();
    if (!owning) throw badRequest('orgId', 'no such org in your part of the tree');
    await checkOwner(tx, input.ownerUserId);
    const members = await checkMembers(tx, input.memberOrgIds);
    const { id } = await tx.db
      .insertInto('zones')
      .values({ name: input.name, owner_user_id: input.ownerUserId, org_id: orgId })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (members.length)
      await tx.db
        .insertInto('zone_members')
        .values(members.map((org_id) => ({ zone_id: id, org_id })))
        .execute();
    await audit(tx, {
      action: 'zone.create',
      entityType: 'zone',
      entityId: id,
      orgId,
      summary: `created zone ${input.name}`,
      after: { ownerUserId: input.ownerUserId, memberOrgIds: members },
    });
    return getZone(tx, id);
  });
}

export async function updateZone(
  ctx: SignedInContext,
  id: string,
  input: {
    name?: string | undefined;
    ownerUserId?: string | undefined;
    memberOrgIds?: string[] | undefined;
    version: number;
  },
) {
  return inTransaction(ctx, async (tx) => {
    const zone = await getZone(tx, id);
    if (zone.version !== input.version) throw staleVersion(zone.version);
    if (input.ownerUserId) await checkOwner(tx, input.ownerUserId);
    const members = input.memberOrgIds ? await checkMembers(tx, input.memberOrgIds) : undefined;
    const r = await tx.db
      .updateTable('zones')
      .set({
        ...(input.name ? { name: input.name } : {}),
        ...(input.ownerUserId ? { owner_user_id: input.ownerUserId } : {}),
        version: sql`version + 1`,
        updated_at: tx.clock.now(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion(zone.version);
    if (members) {
      await tx.db.deleteFrom('zone_members').where('zone_id', '=', id).execute();
      if (members.length)
        await tx.db
          .insertInto('zone_members')
          .values(members.map((org_id) => ({ zone_id: id, org_id })))
          .execute();
    }
    const d = diff(
      { name: zone.name, ownerUserId: zone.ownerUserId, memberOrgIds: zone.members.map((m) => m.id).sort() },
      {
        ...(input.name ? { name: input.name } : {}),
        ...(input.ownerUserId ? { ownerUserId: input.ownerUserId } : {}),
        ...(members ? { memberOrgIds: [...members].sort() } : {}),
      },
    );
    await audit(tx, {
      action: 'zone.update',
      entityType: 'zone',
      entityId: id,
      orgId: zone.orgId,
      summary: `changed ${d.changed.join(', ') || 'nothing'} of zone ${zone.name}`,
      before: d.before,
      after: d.after,
    });
    return getZone(tx, id);
  });
}

export async function deleteZone(ctx: SignedInContext, id: string) {
  await inTransaction(ctx, async (tx) => {
    const zone = await getZone(tx, id);
    await tx.db.deleteFrom('zones').where('id', '=', id).execute();
    await audit(tx, {
      action: 'zone.delete',
      entityType: 'zone',
      entityId: id,
      orgId: zone.orgId,
      summary: `deleted zone ${zone.name}`,
      before: { name: zone.name, ownerUserId: zone.ownerUserId, memberOrgIds: zone.members.map((m) => m.id) },
    });
  });
}

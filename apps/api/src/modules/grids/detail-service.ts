import { sql } from 'kysely';
import type { SignedInContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { pathNames } from '../orgs/repository.ts';
import { listStaff } from './staff-service.ts';
import { listZones } from './zone-service.ts';

/** What a grid page shows: where it is, its boundary, who serves it and which zones it belongs to. */
export async function gridDetail(ctx: SignedInContext, id: string) {
  const org = await ctx.db
    .selectFrom('orgs as o')
    .select([
      'o.id',
      'o.code',
      'o.name',
      'o.level',
      'o.parent_id as parentId',
      'o.path',
      'o.geometry',
      'o.centre_type as centreType',
      'o.disabled',
      'o.version',
    ])
    .where('o.id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .executeTakeFirst();
  if (!org) throw notFound('grid');
  const [path, staff, zones, children] = await Promise.all([
    pathNames(ctx.db, ctx.scope, org.path),
    org.level === 'grid' || org.level === 'microgrid'
      ? listStaff(ctx, { gridId: id, includeEnded: false })
      : Promise.resolve([]),
    listZones(ctx, { orgId: id }),
    ctx.db
      .selectFrom('orgs')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('parent_id', '=', id)
      .executeTakeFirstOrThrow(),
  ]);
  const { path: _p, ...rest } = org;
  return { ...rest, path, staff, zones, counts: { children: children.n } };
}

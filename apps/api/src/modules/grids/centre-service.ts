import { sql } from 'kysely';
import { CENTRE_LEVEL, type CentreType } from '@civicgrid/shared/grids';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, notFound, staleVersion } from '../../core/errors.ts';
import { pathInScope } from '../../core/org-scope.ts';

/** Marks (or unmarks, with null) an org node as a command centre of its level. */
export async function setCentre(
  ctx: SignedInContext,
  orgId: string,
  centreType: CentreType | null,
  version: number,
) {
  return inTransaction(ctx, async (tx) => {
    const org = await tx.db
      .selectFrom('orgs as o')
      .select(['o.id', 'o.name', 'o.level', 'o.centre_type as centreType', 'o.version'])
      .where('o.id', '=', orgId)
      .where(pathInScope(tx.scope, sql.ref('o.path')))
      .executeTakeFirst();
    if (!org) throw notFound('org');
    if (org.version !== version) throw staleVersion(org.version);
    if (centreType && CENTRE_LEVEL[centreType] !== org.level)
      throw badRequest(
        'centreType',
        `a ${centreType} belongs on a ${CENTRE_LEVEL[centreType]}, not a ${org.level}`,
      );
    await tx.db
      .updateTable('orgs')
      .set({ centre_type: centreType, version: sql`version + 1`, updated_at: tx.clock.now() })
      .where('id', '=', orgId)
      .execute();
    await audit(tx, {
      action: 'org.centre',
      entityType: 'org',
      entityId: orgId,
      orgId,
      summary: centreType ? `${org.name} is now a ${centreType}` : `${org.name} is no longer a centre`,
      before: { centreType: org.centreType },
      after: { centreType },
    });
    return { id: orgId, centreType, version: version + 1 };
  });
}

export function listCentres(ctx: SignedInContext) {
  return ctx.db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.name', 'o.code', 'o.level', 'o.centre_type as centreType'])
    .where('o.centre_type', 'is not', null)
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .orderBy('o.depth')
    .orderBy('o.code')
    .execute();
}

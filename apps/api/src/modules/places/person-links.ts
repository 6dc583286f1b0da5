import { sql } from 'kysely';
import type { SignedInContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { likePrefix } from '../../core/like.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { allowedPermitActions } from './permits.ts';
import type { PermitStatus } from './permit-workflow.ts';

/**
 * A person's permits, jobs and tenancies, for the person page. The person must be in the caller's scope; the
 * linked records are listed even when they lie elsewhere (a tenant renting in the next community), since
 * they are the person's own history, but they carry no one else's personal data.
 */
export async function personPlaces(ctx: SignedInContext, personId: string) {
  const person = await ctx.db
    .selectFrom('persons')
    .select('id')
    .where('id', '=', personId)
    .where(pathInScope(ctx.scope, sql.ref('org_path')))
    .executeTakeFirst();
  if (!person) throw notFound('person');
  const [permits, employments, tenancies] = await Promise.all([
    ctx.db
      .selectFrom('residence_permits')
      .select([
        'id',
        'number',
        'status',
        'address',
        'applied_on as appliedOn',
        'valid_from as validFrom',
        'valid_to as validTo',
        'version',
        sql<boolean>`org_path LIKE ${likePrefix(ctx.scope.pathPrefix)}`.as('visible'),
      ])
      .where('person_id', '=', personId)
      .orderBy('applied_on', 'desc')
      .limit(50)
      .execute(),
    ctx.db
      .selectFrom('employments as e')
      .innerJoin('organizations as o', 'o.id', 'e.organization_id')
      .select([
        'e.id',
        'e.organization_id as organizationId',
        'o.name as organizationName',
        'o.kind',
        'e.position',
        'e.from_date as fromDate',
        'e.to_date as toDate',
      ])
      .where('e.person_id', '=', personId)
      .orderBy('e.from_date', 'desc')
      .limit(100)
      .execute(),
    ctx.db
      .selectFrom('tenancies as t')
      .innerJoin('rentals as r', 'r.id', 't.rental_id')
      .innerJoin('houses as h', 'h.id', 'r.house_id')
      .select([
        't.id',
        't.rental_id as rentalId',
        'h.address',
        't.room',
        't.check_in as checkIn',
        't.check_out as checkOut',
      ])
      .where('t.person_id', '=', personId)
      .orderBy('t.check_in', 'desc')
      .limit(100)
      .execute(),
  ]);
  return {
    permits: permits.map((p) => ({ ...p, allowedActions: allowedPermitActions(p.status as PermitStatus) })),
    employments,
    tenancies,
  };
}

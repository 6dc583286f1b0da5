import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import { recordChange } from '../registry/history.ts';
import { personInScope, today } from './common.ts';
import {
  employmentForUpdate,
  endEmploymentRow,
  findOrganization,
  insertEmployment,
  openEmployment,
} from './organization-repository.ts';
import { getOrganization } from './organizations.ts';

/** 实有就业: a person joins an organisation from a day; once at a time. */
export async function addEmployee(
  ctx: SignedInContext,
  orgId: string,
  body: { personId: string; position?: string | undefined; fromDate: string },
) {
  return inTransaction(ctx, async (tx) => {
    const o = await findOrganization(tx, orgId);
    if (!o) throw notFound('organization');
    if (o.status !== 'active') throw conflict('the organization is closed');
    const person = await personInScope(tx, body.personId);
    if (body.fromDate > today(tx)) throw badRequest('fromDate', 'cannot be in the future');
    const open = await openEmployment(tx.db, orgId, person.id);
    if (open) throw conflict('this person already works here', { existingId: open.id });
    const e = await insertEmployment(tx.db, {
      organization_id: orgId,
      person_id: person.id,
      position: body.position ?? null,
      from_date: body.fromDate,
      created_at: tx.clock.now(),
    });
    await recordChange(tx, {
      entity: 'organization',
      entityId: orgId,
      action: 'employ',
      changes: {
        employee: {
          from: null,
          to: {
            employmentId: e.id,
            personId: person.id,
            position: body.position ?? null,
            fromDate: body.fromDate,
          },
        },
      },
    });
    return { id: e.id, organization: await getOrganization(tx, orgId) };
  });
}

export async function endEmployment(ctx: SignedInContext, id: string, body: { toDate: string }) {
  return inTransaction(ctx, async (tx) => {
    const e = await employmentForUpdate(tx, id);
    if (!e) throw notFound('employment');
    if (e.to_date) throw conflict(`already ended on ${e.to_date}`);
    if (body.toDate < e.from_date) throw badRequest('toDate', `cannot be before the start on ${e.from_date}`);
    if (body.toDate > today(tx)) throw badRequest('toDate', 'cannot be in the future');
    await endEmploymentRow(tx.db, id, body.toDate);
    await recordChange(tx, {
      entity: 'organization',
      entityId: e.organization_id,
      action: 'end_employment',
      changes: {
        employee: { from: { employmentId: id, personId: e.person_id }, to: { toDate: body.toDate } },
      },
    });
    return getOrganization(tx, e.organization_id);
  });
}

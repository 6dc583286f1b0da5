import { sql, type Selectable } from 'kysely';
import type { SignedInContext } from '../../core/context.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import { pathInScope } from '../../core/org-scope.ts';
import type { Change, Transition, WorkflowDef } from '../../core/workflow/define.ts';
import type { ResidencePermitTable } from '../../db/schema-places.ts';
import { changedFields } from '../registry/history.ts';
import { addYears, today } from './common.ts';
import { residenceHouse } from './permits.ts';
import { PERMIT_ACTION_INPUTS } from './schemas.ts';

export const PERMIT_STATUSES = ['applied', 'issued', 'rejected', 'expired', 'cancelled'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];
export type PermitAction = 'issue' | 'renew' | 'change_address' | 'reject' | 'cancel' | 'expire';
/** staff: a registry manager (the route holds registry.manage) in whose scope the permit lies. */
export type PermitActor = 'staff';
type PermitRow = Selectable<ResidencePermitTable>;
type PermitTransition = Transition<PermitStatus, PermitAction, PermitActor, SignedInContext, PermitRow>;
type Input<A extends PermitAction> = Record<string, unknown> & {
  [K in keyof (typeof PERMIT_ACTION_INPUTS)[A]['shape']]?: string;
};

function permitTransition<A extends PermitAction>(t: {
  action: A;
  from: readonly PermitStatus[];
  to: PermitStatus | 'same';
  who: PermitActor | 'system';
  apply: (ctx: SignedInContext, p: PermitRow, input: Input<A>, day: string) => Promise<Change<PermitStatus>>;
}): PermitTransition {
  return {
    ...t,
    input: PERMIT_ACTION_INPUTS[t.action],
    apply: (ctx, p, input, now) =>
      t.apply(ctx, p, input as Input<A>, today({ ...ctx, clock: { now: () => now } })),
  };
}

/** The event data of a permit change: where it came from and went, as the timeline has always shown it. */
const moved = (p: PermitRow, to: PermitStatus, data: Record<string, unknown> = {}) => ({
  from: p.status,
  to,
  ...data,
});

/**
 * 居住证: apply → issue → renew → address change. An expired permit can still be renewed (the holder comes
 * back late); rejected and cancelled are final.
 */
export const PERMIT_WORKFLOW: WorkflowDef<
  PermitStatus,
  PermitAction,
  PermitActor,
  SignedInContext,
  PermitRow,
  null
> = {
  name: 'permit',
  table: 'residence_permits',
  statuses: PERMIT_STATUSES,
  final: ['rejected', 'cancelled'],
  actors: { staff: { may: (ctx) => ctx.user.permissions.has('registry.manage') } },
  transitions: [
    permitTransition({
      action: 'issue',
      from: ['applied'],
      to: 'issued',
      who: 'staff',
      async apply(ctx, p, input, day) {
        const validFrom = input.validFrom ?? day;
        const validTo = input.validTo ?? addYears(validFrom, 1);
        if (validTo <= validFrom) throw badRequest('validTo', 'must be after validFrom');
        if (input.number) {
          const taken = await ctx.db
            .selectFrom('residence_permits')
            .select('id')
            .where('number', '=', input.number)
            .executeTakeFirst();
          if (taken)
            throw conflict('number: already used by another permit', {
              fields: [{ path: 'number', message: 'already used by another permit' }],
            });
        }
        const number =
          input.number ??
          `JZ${day.slice(0, 4)}${String(
            (await sql<{ n: string }>`SELECT nextval('permit_number_seq') AS n`.execute(ctx.db)).rows[0]!.n,
          ).padStart(8, '0')}`;
        return {
          to: 'issued',
          set: { number, issued_on: day, valid_from: validFrom, valid_to: validTo },
          data: moved(p, 'issued', { number, validFrom, validTo }),
        };
      },
    }),
    permitTransition({
      action: 'reject',
      from: ['applied'],
      to: 'rejected',
      who: 'staff',
      apply: async (_ctx, p, input) => ({
        to: 'rejected',
        data: moved(p, 'rejected', { reason: input.reason }),
      }),
    }),
    permitTransition({
      action: 'renew',
      from: ['issued', 'expired'],
      to: 'issued',
      who: 'staff',
      async apply(_ctx, p, input, day) {
        const base = p.valid_to && p.valid_to > day ? p.valid_to : day;
        const validTo = input.validTo ?? addYears(base, 1);
        if (validTo <= base) throw badRequest('validTo', `must be after ${base}`);
        return {
          to: 'issued',
          // A permit that had lapsed starts a new validity on the day it is renewed.
          set: { valid_to: validTo, ...(p.status === 'expired' ? { valid_from: day } : {}) },
          data: moved(p, 'issued', { validTo, previousValidTo: p.valid_to }),
        };
      },
    }),
    permitTransition({
      action: 'change_address',
      from: ['issued'],
      to: 'same',
      who: 'staff',
      async apply(ctx, p, input) {
        const home = await residenceHouse(ctx, p.person_id, input.houseId);
        if (!home)
          throw badRequest('houseId', 'the person has no current residence on record; record it first');
        if (home.houseId === p.house_id) throw badRequest('houseId', 'the permit already has this address');
        return {
          to: p.status as PermitStatus,
          set: { house_id: home.houseId, address: home.address, org_path: home.orgPath },
          data: moved(p, p.status as PermitStatus, {
            houseId: home.houseId,
            address: home.address,
            previousAddress: p.address,
          }),
        };
      },
    }),
    permitTransition({
      action: 'cancel',
      from: ['applied', 'issued', 'expired'],
      to: 'cancelled',
      who: 'staff',
      apply: async (_ctx, p, input) => ({
        to: 'cancelled',
        data: moved(p, 'cancelled', { reason: input.reason }),
      }),
    }),
    permitTransition({
      action: 'expire',
      from: ['issued'],
      to: 'expired',
      who: 'system',
      apply: async (_ctx, p) => ({ to: 'expired', data: moved(p, 'expired', { validTo: p.valid_to }) }),
    }),
  ],
  // Validity is a date on the permit, swept by the permit sweep (sweeps.ts), not a running clock.
  clocks: {},
  clockOf: {},
  load: (ctx, id) =>
    ctx.db
      .selectFrom('residence_permits')
      .selectAll()
      .where('id', '=', id)
      .where(pathInScope(ctx.scope, sql.ref('org_path')))
      .executeTakeFirst(),
  facts: async () => null,
  audit: { entityType: 'permit', orgId: () => null, label: (p) => p.number ?? p.id },
  // The registry's field history, as every registry record keeps it.
  async recorded(ctx, p, change, action, now) {
    const changes = changedFields(p as unknown as Record<string, unknown>, {
      ...change.set,
      ...(change.to !== p.status ? { status: change.to } : {}),
    });
    await ctx.db
      .insertInto('registry_changes')
      .values({
        entity: 'permit',
        entity_id: p.id,
        at: now,
        actor_id: ctx.user?.id ?? null,
        actor_name: ctx.user?.displayName ?? 'system',
        action,
        changes: JSON.stringify(changes),
      })
      .execute();
  },
  notify: async () => {},
};

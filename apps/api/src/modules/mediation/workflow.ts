import { notification } from '@civicgrid/shared/notifications';
import { DISPUTE_STATUSES, type DisputeAction, type DisputeStatus } from '@civicgrid/shared/mediation';
import type { SignedInContext } from '../../core/context.ts';
import type { WorkflowDef } from '../../core/workflow/define.ts';
import { findDispute, mediatorsOfUser, type DisputeRow } from './repository.ts';
import { mediatorUsers, notifyDispute } from './notices.ts';
import { INTAKE, MEDIATING, type DisputeActor } from './transitions.ts';
import { AFTER } from './transitions-after.ts';
import { subsidyOnTransition } from './subsidy-service.ts';

export interface DisputeFacts {
  /** The caller is one of the dispute's mediators. */
  assigned: boolean;
  /** The caller is a mediator of the body that holds it. */
  member: boolean;
}

/**
 * DISPUTE_WORKFLOW (modules.md §4.1 state table). Transfers and invitations are the kit's referrals on the
 * 'dispute' owner (record-owner.ts): ownership moves only when the receiver accepts. Two clocks: acceptance in
 * working days while registered, mediation in statutory days (30 by default) while mediating.
 */
export const DISPUTE_WORKFLOW: WorkflowDef<
  DisputeStatus,
  DisputeAction,
  DisputeActor,
  SignedInContext,
  DisputeRow,
  DisputeFacts
> = {
  name: 'dispute',
  table: 'disputes',
  statuses: DISPUTE_STATUSES,
  final: ['declined', 'referred_out', 'closed'],
  actors: {
    staff: { may: (ctx) => ctx.user.permissions.has('mediation.manage') },
    // A mediator acts on disputes they are assigned to, or in the bodies they serve; a director on any in scope.
    mediator: {
      may: (ctx, _d, f) =>
        ctx.user.permissions.has('mediation.manage') &&
        (f.assigned || f.member || ctx.user.permissions.has('mediation.approve')),
    },
    director: { may: (ctx) => ctx.user.permissions.has('mediation.approve') },
  },
  transitions: [...INTAKE, ...MEDIATING, ...AFTER],
  clocks: {
    acceptance: { unit: 'workingDays', warnShare: 0.67 },
    mediation: { unit: 'statutoryDays', warnShare: 0.67 },
  },
  clockOf: { registered: 'acceptance', mediating: 'mediation' },
  load: (ctx, id) => findDispute(ctx.db, ctx.scope, ctx.user?.id ?? null, id),
  async facts(ctx, d) {
    const mine = await mediatorsOfUser(ctx.db, ctx.user.id);
    return {
      assigned: mine.some((m) => d.mediator_ids.includes(m.id)),
      member: mine.some((m) => m.body_id === d.body_id),
    };
  },
  // The list filters and sorts on the mediation deadline: the record keeps a copy of the clock's.
  mirror: (w) => (w.op === 'start' && w.clock === 'mediation' ? { deadline: w.deadline } : {}),
  audit: { entityType: 'dispute', orgId: (d) => d.org_id, label: (d) => d.number },
  // 以案定补: an agreement proposes the case's subsidy, a reopening withdraws it while undecided.
  recorded: (ctx, d, change, action, now) => subsidyOnTransition(ctx, d, change, action, now),
  notify: (db, d, n, now) => notifyDispute(db, d.id, n, now),
  async onWarn(ctx, d, now) {
    if (d.status !== 'mediating') return;
    const users = await mediatorUsers(ctx.db, d.mediator_ids);
    await notifyDispute(
      ctx.db,
      d.id,
      { users, message: notification('dispute.warning', { number: d.number }) },
      now,
    );
  },
  onOverdue: {
    async run(ctx, d, now) {
      if (d.status !== 'mediating') return;
      const users = await mediatorUsers(ctx.db, d.mediator_ids);
      await notifyDispute(
        ctx.db,
        d.id,
        { users, message: notification('dispute.overdue', { number: d.number }) },
        now,
      );
    },
  },
};

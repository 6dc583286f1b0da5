import { notification } from '@civicgrid/shared/notifications';
import type { Permission } from '@civicgrid/shared/permissions';
import { RISK_FINAL, RISK_STATUSES, type RiskAction, type RiskStatus } from '@civicgrid/shared/stability';
import type { SignedInContext } from '../../core/context.ts';
import { notifyUsers } from '../../core/records/notify.ts';
import type { WorkflowCtx, WorkflowDef } from '../../core/workflow/define.ts';
import { findRisk, staffUnder, type RiskRow } from './repository.ts';
import { DEADLINE_CLOCK, RISK_TRANSITIONS, type RiskActor } from './transitions.ts';

const has = (ctx: SignedInContext, p: Permission) => ctx.user.permissions.has(p);
/** The responsible unit lies in the caller's subtree (the caller works there or above it). */
const overUnit = (ctx: SignedInContext, r: RiskRow) =>
  !!r.unit_path && r.unit_path.startsWith(ctx.scope.pathPrefix);

/** Who is told when a deadline nears or passes: the responsible unit and the managers where it was found. */
async function owing(ctx: WorkflowCtx, r: RiskRow) {
  const unit = r.unit_path ? await staffUnder(ctx.db, r.unit_path, 'risk.report', true) : [];
  const managers = await staffUnder(ctx.db, r.org_path, 'risk.manage');
  return [...unit, ...managers, r.responsible_user_id];
}

/**
 * RISK_WORKFLOW (modules.md §4.4): registered → assigned (unit, person, deadline) → controlling → resolved;
 * escalated to the unit's upper level, which accepts (takes the factor over) or declines (back to the unit);
 * occurred when it became an incident. One deadline clock from assignment; overdue marks the factor red in the
 * list and tells the unit and the managers.
 */
export const RISK_WORKFLOW: WorkflowDef<RiskStatus, RiskAction, RiskActor, SignedInContext, RiskRow, null> = {
  name: 'risk',
  table: 'risk_factors',
  statuses: RISK_STATUSES,
  final: RISK_FINAL,
  actors: {
    manager: { may: (ctx) => has(ctx, 'risk.manage') },
    unit: {
      may: (ctx, r) => (has(ctx, 'risk.report') || has(ctx, 'risk.manage')) && overUnit(ctx, r),
    },
    upper: {
      may: (ctx, r) => has(ctx, 'risk.manage') && overUnit(ctx, r) && r.unit_path !== ctx.scope.pathPrefix,
    },
  },
  transitions: RISK_TRANSITIONS,
  clocks: { [DEADLINE_CLOCK]: { unit: 'statutoryDays', warnShare: 0.8 } },
  clockOf: { assigned: DEADLINE_CLOCK, controlling: DEADLINE_CLOCK, escalated: DEADLINE_CLOCK },
  load: (ctx, id) => findRisk(ctx.db, ctx.scope, id),
  facts: async () => null,
  mirror: (w) => (w.op === 'flags' ? { overdue: w.overdueNotified } : {}),
  always: (r, now) => (r.deadline && now > new Date(r.deadline) ? { was_overdue: true } : {}),
  audit: { entityType: 'risk', orgId: (r) => r.org_id, label: (r) => r.number },
  notify: (db, r, n, now) =>
    notifyUsers(db, [...n.users], { message: n.message, ownerType: 'risk', ownerId: r.id, at: now }),
  async onWarn(ctx, r, now) {
    await notifyUsers(ctx.db, await owing(ctx, r), {
      message: notification('risk.warning', { number: r.number, title: r.title }),
      ownerType: 'risk',
      ownerId: r.id,
      at: now,
    });
  },
  onOverdue: {
    async run(ctx, r, now) {
      await notifyUsers(ctx.db, await owing(ctx, r), {
        message: notification('risk.overdue', { number: r.number, title: r.title }),
        ownerType: 'risk',
        ownerId: r.id,
        at: now,
      });
    },
  },
};

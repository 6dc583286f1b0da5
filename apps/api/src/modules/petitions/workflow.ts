import { notification } from '@civicgrid/shared/notifications';
import type { Permission } from '@civicgrid/shared/permissions';
import {
  PETITION_FINAL,
  PETITION_STATUSES,
  type PetitionAction,
  type PetitionStatus,
} from '@civicgrid/shared/petitions';
import type { SignedInContext } from '../../core/context.ts';
import { notifyUsers } from '../../core/records/notify.ts';
import type { WorkflowCtx, WorkflowDef } from '../../core/workflow/define.ts';
import { LEGAL_CLOCK, WORK_PHASES } from './clocks.ts';
import type { PetitionActor } from './define-transition.ts';
import { findPetition, staffUnder, type PetitionRow } from './repository.ts';
import { HANDLING_TRANSITIONS } from './transitions-handling.ts';
import { REVIEW_TRANSITIONS } from './transitions-review.ts';

const has = (ctx: SignedInContext, p: Permission) => ctx.user.permissions.has(p);
/** The responsible authority lies in the caller's subtree (the caller works there or above it). */
const overAuthority = (ctx: SignedInContext, p: PetitionRow) =>
  !!p.responsible_path && p.responsible_path.startsWith(ctx.scope.pathPrefix);

const OPEN_STATUSES = PETITION_STATUSES.filter((s) => !(PETITION_FINAL as readonly string[]).includes(s));

/** Who is told when a petition's clock warns or runs out: whoever owes the next step. */
async function owing(ctx: WorkflowCtx, p: PetitionRow): Promise<string[]> {
  if (p.status === 'registered') return staffUnder(ctx.db, p.org_path, 'petition.register');
  if (p.status === 'review_requested' || p.status === 'recheck_requested')
    return staffUnder(ctx.db, p.org_path, 'petition.review');
  return p.responsible_path ? staffUnder(ctx.db, p.responsible_path, 'petition.handle') : [];
}

/**
 * The 信访工作条例 as data (modules.md §4.2): 登记 → 处理 (受理 / 转送 / 交办 / 告知 / 不予受理) → 受理决定 →
 * 办理 → one extension → 答复 (served) → 评价 → 复查 → 复核 → 终结, on the one `legal` clock whose phase says
 * which limit runs. Warnings at 80 % and overdue notices go to whoever owes the step; a window running out
 * with no request concludes the matter (the `conclude` system transition).
 */
export const PETITION_WORKFLOW: WorkflowDef<
  PetitionStatus,
  PetitionAction,
  PetitionActor,
  SignedInContext,
  PetitionRow,
  null
> = {
  name: 'petition',
  table: 'petitions',
  statuses: PETITION_STATUSES,
  final: PETITION_FINAL,
  actors: {
    desk: { may: (ctx) => has(ctx, 'petition.register') },
    handler: { may: (ctx, p) => has(ctx, 'petition.handle') && overAuthority(ctx, p) },
    approver: { may: (ctx, p) => has(ctx, 'petition.approve') && overAuthority(ctx, p) },
    // 复查 / 复核 are for a body above the authority that answered, never the authority itself.
    reviewer: {
      may: (ctx, p) =>
        has(ctx, 'petition.review') && overAuthority(ctx, p) && p.responsible_path !== ctx.scope.pathPrefix,
    },
    evaluator: {
      may: (ctx, p) =>
        has(ctx, 'petition.register') || (has(ctx, 'petition.handle') && overAuthority(ctx, p)),
    },
  },
  transitions: [...HANDLING_TRANSITIONS, ...REVIEW_TRANSITIONS],
  clocks: { [LEGAL_CLOCK]: { unit: 'statutoryDays', warnShare: 0.8 } },
  clockOf: Object.fromEntries(OPEN_STATUSES.map((s) => [s, LEGAL_CLOCK])),
  load: (ctx, id) => findPetition(ctx.db, ctx.scope, id),
  facts: async () => null,
  mirror(w, p) {
    switch (w.op) {
      case 'start': {
        const set: Record<string, unknown> = { clock: w.phase, deadline: w.deadline, sla_state: 'normal' };
        if (w.phase === 'route') set.route_deadline = w.deadline;
        return set;
      }
      case 'pause':
        return { deadline: null, sla_state: 'normal' };
      case 'stop':
        return { clock: null, deadline: null, sla_state: 'normal' };
      case 'flags':
        // The petitioner's own window is nobody's lateness: it concludes, it does not turn red.
        if (!p.clock || !WORK_PHASES.includes(p.clock)) return {};
        return { sla_state: w.overdueNotified ? 'overdue' : 'warning' };
    }
  },
  // A step taken after its deadline marks the petition late for good (按期办结率 counts the rest).
  always: (p, now) =>
    p.deadline && p.clock && WORK_PHASES.includes(p.clock) && now > new Date(p.deadline)
      ? { was_overdue: true }
      : {},
  audit: { entityType: 'petition', orgId: (p) => p.receiving_org_id, label: (p) => p.number },
  notify: (db, p, n, now) =>
    notifyUsers(db, [...n.users], { message: n.message, ownerType: 'petition', ownerId: p.id, at: now }),
  async onWarn(ctx, p, now) {
    if (!p.clock || !WORK_PHASES.includes(p.clock)) return;
    await notifyUsers(ctx.db, await owing(ctx, p), {
      message: notification('petition.warning', { number: p.number }),
      ownerType: 'petition',
      ownerId: p.id,
      at: now,
    });
  },
  onOverdue: {
    async run(ctx, p, now) {
      if (!p.clock || !WORK_PHASES.includes(p.clock)) return;
      await notifyUsers(ctx.db, await owing(ctx, p), {
        message: notification('petition.overdue', { number: p.number }),
        ownerType: 'petition',
        ownerId: p.id,
        at: now,
      });
    },
    action: 'conclude',
  },
};

import { notification } from '@civicgrid/shared/notifications';
import {
  RISK_ACTION_INPUTS,
  RISK_OPEN_STATUSES,
  type RiskAction,
  type RiskActionInput,
  type RiskStatus,
} from '@civicgrid/shared/stability';
import type { SignedInContext } from '../../core/context.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import { endOfLocalDay } from '../../core/workflow/clocks.ts';
import type { Change, Transition } from '../../core/workflow/define.ts';
import { orgById, orgInScope, staffUnder, type RiskRow } from './repository.ts';

/**
 * manager: 综治办 / 维稳专干 (risk.manage) over the record; unit: staff of the responsible unit (or above it);
 * upper: a manager strictly above the responsible unit, who takes or refuses an escalation.
 */
export type RiskActor = 'manager' | 'unit' | 'upper';
export type RiskTransition = Transition<RiskStatus, RiskAction, RiskActor, SignedInContext, RiskRow>;

export const DEADLINE_CLOCK = 'deadline';

function riskTransition<A extends RiskAction>(t: {
  action: A;
  from: readonly RiskStatus[];
  to: RiskStatus | 'same' | readonly RiskStatus[];
  who: RiskActor;
  apply: (
    ctx: SignedInContext,
    r: RiskRow,
    input: RiskActionInput<A>,
    now: Date,
  ) => Promise<Change<RiskStatus>>;
}): RiskTransition {
  return { ...t, input: RISK_ACTION_INPUTS[t.action] } as RiskTransition;
}

const same = (r: RiskRow) => r.status as RiskStatus;
const stop = { op: 'stop', clock: DEADLINE_CLOCK } as const;
const unitStaff = async (ctx: SignedInContext, path: string | null) =>
  path ? staffUnder(ctx.db, path, 'risk.report', true) : [];

export const RISK_TRANSITIONS: readonly RiskTransition[] = [
  riskTransition({
    action: 'assign',
    from: ['registered', 'assigned'],
    to: 'assigned',
    who: 'manager',
    async apply(ctx, r, input, now) {
      const unit = await orgInScope(ctx.db, ctx.scope, input.unitId);
      if (!unit) throw badRequest('unitId', 'no such unit in your part of the tree');
      const deadline = endOfLocalDay(input.deadline);
      if (deadline <= now) throw badRequest('deadline', 'must be after today');
      const warnAt = new Date(now.getTime() + (deadline.getTime() - now.getTime()) * 0.8);
      const users = await unitStaff(ctx, unit.path);
      return {
        to: 'assigned',
        set: {
          unit_id: unit.id,
          unit_path: unit.path,
          responsible_person: input.responsiblePerson,
          deadline,
          overdue: false,
          measures: input.measures ?? r.measures,
        },
        note: input.measures ?? null,
        data: { unit: unit.name, responsible: input.responsiblePerson, deadline: input.deadline },
        clock: { op: 'start', clock: DEADLINE_CLOCK, startedAt: now, warnAt, deadline },
        notify: [
          {
            users,
            message: notification('risk.assigned', { number: r.number, title: r.title }),
          },
        ],
      };
    },
  }),
  riskTransition({
    action: 'control',
    from: ['assigned'],
    to: 'controlling',
    who: 'unit',
    apply: async (_ctx, _r, input) => ({
      to: 'controlling',
      set: { measures: input.measures },
      note: input.measures,
    }),
  }),
  riskTransition({
    action: 'progress',
    from: ['controlling'],
    to: 'same',
    who: 'unit',
    apply: async (_ctx, r, input) => ({ to: same(r), note: input.note }),
  }),
  riskTransition({
    action: 'relevel',
    from: RISK_OPEN_STATUSES,
    to: 'same',
    who: 'manager',
    apply: async (_ctx, r, input) => ({
      to: same(r),
      set: { level: input.level },
      note: input.reason,
      data: { from: r.level, to: input.level },
    }),
  }),
  riskTransition({
    action: 'escalate',
    from: ['assigned', 'controlling'],
    to: 'escalated',
    who: 'unit',
    async apply(ctx, r, input) {
      const unit = r.unit_id ? await orgById(ctx.db, r.unit_id) : undefined;
      const upper = unit?.parent_id ? await orgById(ctx.db, unit.parent_id) : undefined;
      if (!upper) throw conflict('the responsible unit has no upper level to escalate to');
      return {
        to: 'escalated',
        set: { escalated_to_id: upper.id, escalated_from: r.status },
        note: input.reason,
        data: { to: upper.name },
        notify: [
          {
            users: await staffUnder(ctx.db, upper.path, 'risk.manage', true),
            message: notification('risk.escalated', { number: r.number, title: r.title }),
          },
        ],
      };
    },
  }),
  riskTransition({
    action: 'accept_escalation',
    from: ['escalated'],
    to: 'controlling',
    who: 'upper',
    async apply(ctx, r, input) {
      const upper = r.escalated_to_id ? await orgById(ctx.db, r.escalated_to_id) : undefined;
      if (!upper) throw conflict('this escalation names no upper level');
      return {
        to: 'controlling',
        set: {
          unit_id: upper.id,
          unit_path: upper.path,
          responsible_person: input.responsiblePerson,
          responsible_user_id: null,
          escalated_to_id: null,
          escalated_from: null,
        },
        note: input.note ?? null,
        data: { unit: upper.name, responsible: input.responsiblePerson },
      };
    },
  }),
  riskTransition({
    action: 'decline_escalation',
    from: ['escalated'],
    to: ['assigned', 'controlling'],
    who: 'upper',
    apply: async (ctx, r, input) => ({
      to: r.escalated_from === 'assigned' ? 'assigned' : 'controlling',
      set: { escalated_to_id: null, escalated_from: null },
      note: input.reason,
      notify: [
        {
          users: await unitStaff(ctx, r.unit_path),
          message: notification('risk.escalation_declined', { number: r.number, title: r.title }),
        },
      ],
    }),
  }),
  riskTransition({
    action: 'resolve',
    from: ['assigned', 'controlling'],
    to: 'resolved',
    who: 'unit',
    apply: async (_ctx, _r, input, now) => ({
      to: 'resolved',
      set: { result: input.result, resolved_at: now, overdue: false },
      note: input.result,
      clock: stop,
    }),
  }),
  riskTransition({
    action: 'occur',
    from: ['registered', 'assigned', 'controlling', 'escalated'],
    to: 'occurred',
    who: 'manager',
    apply: async (_ctx, _r, input, now) => ({
      to: 'occurred',
      set: { occurred_at: now, result: input.description },
      note: input.description,
      clock: stop,
    }),
  }),
];

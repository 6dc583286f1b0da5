import type { DisputeStatus } from '@civicgrid/shared/mediation';
import { localDay } from '../../core/calendar.ts';
import { badRequest } from '../../core/errors.ts';
import { insertFollowup, markObligationsPerformed } from './record-repository.ts';
import { mediationSettings } from './settings.ts';
import { addDays, mediationClock, same, tr, type DisputeTransition } from './transitions.ts';

/** After the agreement: judicial confirmation, follow-up visits (回访), performance or breach, and reopening. */
export const AFTER: DisputeTransition[] = [
  tr({
    action: 'confirm_applied',
    from: ['agreed', 'performing'],
    to: 'same',
    who: 'staff',
    guard: (d) =>
      !d.confirm_deadline
        ? 'only a written agreement can be confirmed by a court'
        : d.confirm_applied_on
          ? 'judicial confirmation has already been applied for'
          : null,
    async apply(_ctx, d, input) {
      // 人民调解法 §33: the parties apply jointly within 30 days of the agreement taking effect.
      const last = localDay(new Date(new Date(d.confirm_deadline!).getTime() - 1));
      if (input.appliedOn > last)
        throw badRequest('appliedOn', `the window for judicial confirmation closed on ${last}`);
      if (d.agreed_at && input.appliedOn < localDay(new Date(d.agreed_at)))
        throw badRequest('appliedOn', 'must not be before the agreement took effect');
      return {
        to: same(d),
        set: { confirm_court: input.court, confirm_applied_on: input.appliedOn },
        data: { court: input.court, appliedOn: input.appliedOn },
      };
    },
  }),
  tr({
    action: 'confirm_decided',
    from: ['agreed', 'performing'],
    to: 'same',
    who: 'staff',
    guard: (d) =>
      !d.confirm_applied_on
        ? 'apply for judicial confirmation first'
        : d.confirm_result
          ? 'the court has already decided'
          : null,
    apply: async (_ctx, d, input) => ({
      to: same(d),
      set: { confirm_result: input.result },
      data: { result: input.result, rulingNumber: input.rulingNumber ?? null },
    }),
  }),
  tr({
    action: 'follow_up',
    from: ['agreed'],
    to: ['performing', 'closed'],
    who: 'mediator',
    async apply(ctx, d, input, now) {
      await insertFollowup(ctx.db, {
        disputeId: d.id,
        at: now,
        userId: ctx.user.id,
        name: ctx.user.displayName,
        result: input.result,
        note: input.note,
      });
      if (input.result === 'performed') {
        await markObligationsPerformed(ctx.db, d.id, now);
        return {
          to: 'closed',
          set: { outcome: 'performed', followup_due: null },
          note: input.note,
          data: { result: input.result },
        };
      }
      const today = localDay(now);
      const next = input.nextDue ?? addDays(today, 7);
      if (next <= today) throw badRequest('nextDue', 'must be after today');
      // 督促履行: the dispute stays open with a new date for the next visit.
      return {
        to: 'performing',
        set: { followup_due: next },
        note: input.note,
        data: { result: input.result, nextDue: next },
      };
    },
  }),
  tr({
    action: 'breach',
    from: ['performing'],
    to: 'closed',
    who: 'mediator',
    apply: async (_ctx, _d, input) => ({
      to: 'closed',
      set: { outcome: 'breached', guidance: input.guidance, followup_due: null },
      note: input.guidance,
    }),
  }),
  tr({
    action: 'close',
    from: ['agreed', 'performing'],
    to: 'closed',
    who: 'mediator',
    async apply(ctx, _d, input, now) {
      await markObligationsPerformed(ctx.db, _d.id, now);
      return { to: 'closed', set: { outcome: 'performed', followup_due: null }, note: input.note ?? null };
    },
  }),
  tr({
    action: 'reopen',
    from: ['closed', 'failed'],
    to: 'mediating',
    who: 'director',
    async apply(ctx, d, input, now) {
      const { mediationDays } = await mediationSettings(ctx.db);
      const c = await mediationClock(ctx, now, mediationDays);
      return {
        to: 'mediating' as DisputeStatus,
        set: {
          conclusion: null,
          concluded_at: null,
          concluded_on_time: null,
          outcome: null,
          agreed_at: null,
          confirm_deadline: null,
          followup_due: null,
          started_at: now,
          deadline: c.deadline,
          extensions: 0,
        },
        note: input.reason,
        data: { from: d.status },
        clock: { op: 'start', clock: 'mediation', startedAt: now, warnAt: c.warnAt, deadline: c.deadline },
      };
    },
  }),
];

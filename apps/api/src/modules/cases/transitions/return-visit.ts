import { notification } from '@civicgrid/shared/notifications';
import { sql } from 'kysely';
import type { SignedInContext } from '../../../core/context.ts';
import { addWorkingDays } from '../../../core/calendar.ts';
import { usersAt } from '../notify.ts';
import type { CaseRow } from '../repository.ts';
import {
  finishCallback,
  insertCallback,
  openCallbackOf,
  recordAttempt,
} from '../return-visit/callback-repository.ts';
import { callbackDays } from '../return-visit/settings.ts';
import { stepClock } from './common.ts';
import { caseTransition, type CaseChange } from './define-transition.ts';

/**
 * 回访: an unsatisfied evaluation opens a call-back for the centre, due within the district's working days
 * (evaluate, handling.ts, calls this). The case's own evaluation stays until a reopening clears it for the
 * next one; the call-back row and the timeline keep it.
 */
export async function openCallback(
  ctx: SignedInContext,
  c: CaseRow,
  v: { evaluation: string; comment: string | null },
  now: Date,
) {
  const cal = await ctx.calendar.get(ctx.db);
  const due = await insertCallback(ctx.db, c, {
    ...v,
    due: addWorkingDays(cal, now, await callbackDays(ctx.db)),
  });
  return {
    set: { callback_due: due },
    notify: {
      users: await usersAt(ctx.db, c.ownerOrgId, 'case.dispatch'),
      message: notification('case.callback_due', { title: c.title }),
    },
  };
}

/** Closed → registered with the centre, as after a return; the reporter evaluates the next closure again. */
async function reopened(ctx: SignedInContext, c: CaseRow, note: string, now: Date): Promise<CaseChange> {
  const others = (await usersAt(ctx.db, c.ownerOrgId, 'case.dispatch')).filter((u) => u !== ctx.user.id);
  return {
    to: 'registered',
    set: {
      reopen_count: sql`reopen_count + 1`,
      closed_at: null,
      handled_at: null,
      department_id: null,
      department_path: null,
      co_department_ids: [],
      co_override: null,
      assignee_user_id: null,
      handle_deadline: null,
      extension_request: null,
      evaluation: null,
      evaluation_comment: null,
      evaluated_at: null,
      callback_due: null,
    },
    clock: await stepClock(ctx, c, 'registered', now),
    note,
    data: { reopenCount: c.reopenCount + 1, evaluation: c.evaluation },
    notify: [{ users: others, message: notification('case.reopened', { title: c.title }) }],
  };
}

export const RETURN_VISIT_TRANSITIONS = [
  caseTransition({
    action: 'callback',
    from: ['closed'],
    to: ['closed', 'registered'],
    who: 'centre',
    guard: (c) => (c.callbackDue ? null : 'no call-back is open for this case'),
    apply: async (ctx, c, input, now) => {
      const open = await openCallbackOf(ctx.db, c.id);
      if (!open) return { to: 'closed', set: { callback_due: null } };
      const note = input.note ?? null;
      if (input.outcome === 'unreached') {
        const attempts = await recordAttempt(ctx.db, open.id, now);
        return { to: 'closed', note, data: { outcome: 'unreached', attempts } };
      }
      await finishCallback(ctx.db, open.id, { outcome: input.outcome, note, by: ctx.user.id, at: now });
      if (input.outcome === 'satisfied')
        return { to: 'closed', set: { callback_due: null }, note, data: { outcome: 'satisfied' } };
      const change = await reopened(ctx, c, note ?? '', now);
      return { ...change, note, data: { ...change.data, outcome: 'not_solved' } };
    },
  }),
  caseTransition({
    action: 'reopen',
    from: ['closed'],
    to: 'registered',
    who: 'centre',
    apply: async (ctx, c, input, now) => {
      // The centre reopens without waiting for the call: an open call-back ends unanswered.
      const open = await openCallbackOf(ctx.db, c.id);
      if (open)
        await finishCallback(ctx.db, open.id, {
          outcome: null,
          note: input.reason,
          by: ctx.user.id,
          at: now,
        });
      return reopened(ctx, c, input.reason, now);
    },
  }),
];

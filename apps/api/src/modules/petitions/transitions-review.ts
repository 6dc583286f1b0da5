import { PETITION_LIMITS } from '@civicgrid/shared/petitions';
import { badRequest } from '../../core/errors.ts';
import { readClock } from '../../core/workflow/store.ts';
import { remainingOf, type Pause } from '../../core/workflow/clocks.ts';
import { petitionClockUnit } from './repository.ts';
import { legalClock, LEGAL_CLOCK, withinWindow } from './clocks.ts';
import { petitionTransition, same, toDate } from './define-transition.ts';
import { opinionDocument } from './transitions-handling.ts';
import type { PetitionRow } from './repository.ts';

const stop = { op: 'stop', clock: LEGAL_CLOCK } as const;
const OPEN = [
  'registered',
  'transferred',
  'accepted',
  'handling',
  'answered',
  'review_requested',
  'reviewed',
  'recheck_requested',
] as const;

const hearingsOf = (p: PetitionRow): Pause[] =>
  ((p.hearings as { from: string; to: string }[] | null) ?? []).map((h) => ({
    from: new Date(h.from),
    to: new Date(h.to),
  }));

/** 评价 → 复查 request (30 days from service) → 复查 (30) → 复核 request (30) → 复核 (30, hearings excluded) → 终结. */
export const REVIEW_TRANSITIONS = [
  petitionTransition({
    action: 'evaluate',
    from: ['answered'],
    to: 'same',
    who: 'evaluator',
    guard: (p) => (p.satisfaction ? 'the petitioner has already evaluated the answer' : null),
    apply: async (_ctx, p, input) => ({
      to: same(p),
      set: { satisfaction: input.satisfaction },
      note: input.comment ?? null,
      data: { satisfaction: input.satisfaction },
    }),
  }),
  petitionTransition({
    action: 'request_review',
    from: ['answered'],
    to: 'review_requested',
    who: 'reviewer',
    async apply(ctx, p, input, now) {
      if (input.requestedAt > now) throw badRequest('requestedAt', 'cannot be in the future');
      if (
        !p.served_at ||
        !(await withinWindow(ctx, toDate(p.served_at), input.requestedAt, PETITION_LIMITS.window))
      )
        throw badRequest('requestedAt', 'more than 30 days after the answer was served (复查 window closed)');
      return {
        to: 'review_requested',
        set: { review_requested_at: input.requestedAt, review_org_id: ctx.user.orgId },
        clock: await legalClock(ctx, 'review', input.requestedAt),
        note: input.reason ?? null,
      };
    },
  }),
  petitionTransition({
    action: 'review',
    from: ['review_requested'],
    to: 'reviewed',
    who: 'reviewer',
    async apply(ctx, p, input, now) {
      if (input.servedAt > now) throw badRequest('servedAt', 'cannot be in the future');
      const doc = await opinionDocument(ctx, p, 'review', input.opinion);
      return {
        to: 'reviewed',
        set: { review_answered_at: now, review_served_at: input.servedAt, review_upheld: input.upheld },
        clock: await legalClock(ctx, 'window', input.servedAt),
        data: { document: doc.number, upheld: input.upheld },
      };
    },
  }),
  petitionTransition({
    action: 'request_recheck',
    from: ['reviewed'],
    to: 'recheck_requested',
    who: 'reviewer',
    async apply(ctx, p, input, now) {
      if (input.requestedAt > now) throw badRequest('requestedAt', 'cannot be in the future');
      const from = p.review_served_at ? toDate(p.review_served_at) : null;
      if (!from || !(await withinWindow(ctx, from, input.requestedAt, PETITION_LIMITS.window)))
        throw badRequest(
          'requestedAt',
          'more than 30 days after the 复查 opinion was served (复核 window closed)',
        );
      return {
        to: 'recheck_requested',
        set: { recheck_requested_at: input.requestedAt, recheck_org_id: ctx.user.orgId },
        clock: await legalClock(ctx, 'recheck', input.requestedAt),
        note: input.reason ?? null,
      };
    },
  }),
  petitionTransition({
    action: 'hearing_start',
    from: ['recheck_requested'],
    to: 'same',
    who: 'reviewer',
    guard: (p) => (p.hearing_since ? 'a hearing is already under way' : null),
    async apply(ctx, p, input, now) {
      // 听证: the clock stops; what was left is kept on the clock row.
      const clk = await readClock(ctx.db, { ownerType: 'petition', ownerId: p.id }, LEGAL_CLOCK);
      const unit = await petitionClockUnit(ctx.db);
      const cal = await ctx.calendar.get(ctx.db);
      const remaining = clk?.deadline ? remainingOf(unit, cal, now, new Date(clk.deadline)) : null;
      return {
        to: same(p),
        set: { hearing_since: now },
        clock: { op: 'pause', clock: LEGAL_CLOCK, remaining },
        note: input.note ?? null,
        data: { remainingDays: remaining },
      };
    },
  }),
  petitionTransition({
    action: 'hearing_end',
    from: ['recheck_requested'],
    to: 'same',
    who: 'reviewer',
    guard: (p) => (p.hearing_since ? null : 'no hearing is under way'),
    async apply(ctx, p, input, now) {
      const hearings = [...hearingsOf(p), { from: toDate(p.hearing_since!), to: now }];
      const start = toDate(p.recheck_requested_at!);
      const clock = await legalClock(ctx, 'recheck', start, PETITION_LIMITS.recheck, hearings);
      return {
        to: same(p),
        set: {
          hearing_since: null,
          hearings: JSON.stringify(
            hearings.map((h) => ({ from: h.from.toISOString(), to: h.to!.toISOString() })),
          ),
        },
        clock,
        note: input.note ?? null,
        data: { deadline: clock.deadline },
      };
    },
  }),
  petitionTransition({
    action: 'recheck',
    from: ['recheck_requested'],
    to: 'concluded',
    who: 'reviewer',
    guard: (p) => (p.hearing_since ? 'close the hearing first' : null),
    async apply(ctx, p, input, now) {
      if (input.servedAt > now) throw badRequest('servedAt', 'cannot be in the future');
      const doc = await opinionDocument(ctx, p, 'recheck', input.opinion);
      // 复核 is final: the same facts and reasons are not accepted again.
      return {
        to: 'concluded',
        set: { recheck_answered_at: now, concluded_at: now, conclusion: 'recheck_final' },
        clock: stop,
        data: { document: doc.number },
      };
    },
  }),
  petitionTransition({
    action: 'withdraw',
    from: OPEN,
    to: 'concluded',
    who: 'desk',
    apply: async (_ctx, _p, input, now) => ({
      to: 'concluded',
      set: { concluded_at: now, conclusion: 'withdrawn' },
      clock: stop,
      note: input.reason,
    }),
  }),
  petitionTransition({
    action: 'conclude',
    from: ['answered', 'reviewed'],
    to: 'concluded',
    who: 'system',
    apply: async (_ctx, p, _input, now) => ({
      to: 'concluded',
      set: { concluded_at: now, conclusion: p.status === 'answered' ? 'answered_accepted' : 'review_upheld' },
      clock: stop,
      note: 'no 复查/复核 request within 30 days of service',
    }),
  }),
];

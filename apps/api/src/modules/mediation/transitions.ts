import { DISPUTE_ACTION_INPUTS, type DisputeAction, type DisputeStatus } from '@civicgrid/shared/mediation';
import { notification } from '@civicgrid/shared/notifications';
import type { z } from 'zod';
import { localDay } from '../../core/calendar.ts';
import type { SignedInContext } from '../../core/context.ts';
import { badRequest, forbidden } from '../../core/errors.ts';
import { createReferral } from '../../core/records/referrals.ts';
import { deadlineOf } from '../../core/workflow/clocks.ts';
import type { Change, Transition } from '../../core/workflow/define.ts';
import { issueAgreement } from './agreement-document.ts';
import { activeMediatorsIn, bodyById, type DisputeRow } from './repository.ts';
import { insertAgreement, insertSession, moveDispute } from './record-repository.ts';
import { mediationSettings } from './settings.ts';
import { mediatorUsers } from './notices.ts';

export type DisputeActor = 'staff' | 'mediator' | 'director';
export type DisputeTransition = Transition<
  DisputeStatus,
  DisputeAction,
  DisputeActor,
  SignedInContext,
  DisputeRow
>;
type In<A extends DisputeAction> = z.infer<(typeof DISPUTE_ACTION_INPUTS)[A]>;

function tr<A extends DisputeAction>(t: {
  action: A;
  from: readonly DisputeStatus[];
  to: DisputeStatus | 'same' | readonly DisputeStatus[];
  who: DisputeActor;
  guard?: (d: DisputeRow) => string | null;
  apply: (ctx: SignedInContext, d: DisputeRow, input: In<A>, now: Date) => Promise<Change<DisputeStatus>>;
}): DisputeTransition {
  return {
    ...t,
    input: DISPUTE_ACTION_INPUTS[t.action],
    apply: (ctx, d, input, now) => t.apply(ctx, d, input as In<A>, now),
  };
}

const same = (d: DisputeRow) => d.status as DisputeStatus;
const DAY = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** A conclusion (agreed, failed, referred out): when, and whether within the (extended) deadline. */
function concluded(d: DisputeRow, now: Date, conclusion: string) {
  return {
    conclusion,
    concluded_at: now,
    concluded_on_time: d.deadline ? now <= new Date(d.deadline) : true,
  };
}

async function mediationClock(ctx: SignedInContext, from: Date, days: number) {
  const cal = await ctx.calendar.get(ctx.db);
  const deadline = deadlineOf('statutoryDays', cal, from, days);
  // Yellow at day 20 of 30 (two thirds of the way), red when it runs out.
  const warnAt = new Date(from.getTime() + ((deadline.getTime() - from.getTime()) * 2) / 3);
  return { deadline, warnAt };
}

export const INTAKE: DisputeTransition[] = [
  tr({
    action: 'accept',
    from: ['registered'],
    to: 'accepted',
    who: 'staff',
    apply: async (_ctx, _d, input, now) => ({
      to: 'accepted',
      set: {
        accepted_at: now,
        consent: JSON.stringify({ applicant: input.consentApplicant, respondent: input.consentRespondent }),
      },
      data: { consent: { applicant: true, respondent: true } },
      clock: { op: 'stop', clock: 'acceptance' },
    }),
  }),
  tr({
    action: 'decline',
    from: ['registered'],
    to: 'declined',
    who: 'staff',
    apply: async (_ctx, _d, input) => ({
      to: 'declined',
      set: { outcome: 'declined', guidance: input.guidance },
      note: input.guidance,
      data: { reason: input.reason },
      clock: { op: 'stop', clock: 'acceptance' },
    }),
  }),
  tr({
    action: 'assign',
    from: ['accepted', 'mediating'],
    to: 'same',
    who: 'staff',
    async apply(ctx, d, input) {
      const ids = [...new Set(input.mediatorIds)];
      const found = await activeMediatorsIn(ctx.db, ctx.scope, ids);
      if (found.length !== ids.length)
        throw badRequest('mediatorIds', 'no such active mediator in your part of the tree');
      return {
        to: same(d),
        set: { mediator_ids: ids, chosen_by_parties: input.chosenByParties },
        data: { mediators: found.map((m) => m.name), chosenByParties: input.chosenByParties },
        notify: [
          {
            users: await mediatorUsers(ctx.db, ids),
            message: notification('dispute.assigned', { number: d.number }),
          },
        ],
      };
    },
  }),
  tr({
    action: 'start',
    from: ['accepted'],
    to: 'mediating',
    who: 'mediator',
    guard: (d) => (d.mediator_ids.length ? null : 'assign a mediator first'),
    async apply(ctx, _d, _input, now) {
      const { mediationDays } = await mediationSettings(ctx.db);
      const c = await mediationClock(ctx, now, mediationDays);
      return {
        to: 'mediating',
        set: { started_at: now },
        data: { deadline: c.deadline, days: mediationDays },
        clock: { op: 'start', clock: 'mediation', startedAt: now, warnAt: c.warnAt, deadline: c.deadline },
      };
    },
  }),
];

export const MEDIATING: DisputeTransition[] = [
  tr({
    action: 'session',
    from: ['mediating'],
    to: 'same',
    who: 'mediator',
    async apply(ctx, d, input, now) {
      const s = await insertSession(ctx.db, { disputeId: d.id, at: now, by: ctx.user.id, ...input });
      return { to: same(d), note: input.outcome ?? null, data: { sessionId: s.id, place: input.place } };
    },
  }),
  tr({
    action: 'escalate',
    from: ['accepted', 'mediating'],
    to: 'same',
    who: 'staff',
    guard: (d) => (d.body_id ? null : 'no body holds this dispute'),
    async apply(ctx, d, input, now) {
      const body = await bodyById(ctx.db, d.body_id);
      const parent = body?.parent_body_id ? await bodyById(ctx.db, body.parent_body_id) : undefined;
      if (!parent) throw badRequest('reason', 'this body has no parent body to escalate to');
      // 五级网络: a parent that takes escalations as they come holds the dispute at once; otherwise it is asked.
      if (parent.accept_escalations) {
        await moveDispute(ctx.db, d.id, parent, now);
        return { to: same(d), note: input.reason, data: { toBody: parent.name, accepted: true } };
      }
      const r = await createReferral(ctx, 'dispute', d.id, {
        kind: 'transfer',
        toOrgId: parent.org_id,
        reason: input.reason,
      });
      return { to: same(d), note: input.reason, data: { toBody: parent.name, referralId: r.id } };
    },
  }),
  tr({
    action: 'extend',
    from: ['mediating'],
    to: 'same',
    who: 'mediator',
    async apply(ctx, d, input) {
      // The first extension is the mediator's with the parties' consent; a second needs the director.
      if (d.extensions >= 1 && !ctx.user.permissions.has('mediation.approve'))
        throw forbidden('a second extension needs mediation.approve');
      const base = d.deadline ? new Date(d.deadline) : ctx.clock.now();
      const c = await mediationClock(ctx, new Date(base.getTime() - 1), input.days);
      return {
        to: same(d),
        set: { extensions: d.extensions + 1 },
        note: input.consent,
        data: { days: input.days, deadline: c.deadline, previous: d.deadline },
        clock: {
          op: 'start',
          clock: 'mediation',
          startedAt: d.started_at ? new Date(d.started_at) : base,
          warnAt: c.warnAt,
          deadline: c.deadline,
        },
      };
    },
  }),
  tr({
    action: 'agree',
    from: ['mediating'],
    to: 'agreed',
    who: 'mediator',
    async apply(ctx, d, input, now) {
      const today = localDay(now);
      for (const [i, o] of input.obligations.entries())
        if (o.due < today) throw badRequest(`obligations.${i}.due`, 'must not be before the agreement');
      const a = await insertAgreement(ctx.db, { disputeId: d.id, effectiveAt: now, ...input });
      const doc = input.form === 'written' ? await issueAgreement(ctx, d, a.id, input) : null;
      const { confirmationDays } = await mediationSettings(ctx.db);
      const cal = await ctx.calendar.get(ctx.db);
      const lastDue =
        input.obligations
          .map((o) => o.due)
          .sort()
          .at(-1) ?? today;
      return {
        to: 'agreed',
        set: {
          ...concluded(d, now, 'agreed'),
          agreed_at: now,
          confirm_deadline:
            input.form === 'written' ? deadlineOf('statutoryDays', cal, now, confirmationDays) : null,
          followup_due: addDays(lastDue, 7),
        },
        data: { form: input.form, agreementId: a.id, documentNumber: doc?.number ?? null },
        clock: { op: 'stop', clock: 'mediation' },
      };
    },
  }),
  tr({
    action: 'fail',
    from: ['mediating'],
    to: 'failed',
    who: 'mediator',
    apply: async (_ctx, d, input, now) => ({
      to: 'failed',
      set: {
        ...concluded(d, now, 'failed'),
        outcome: 'failed',
        guidance: input.guidance,
        escalation_risk: input.escalationRisk,
      },
      note: input.reason,
      data: { guidance: input.guidance, escalationRisk: input.escalationRisk },
      clock: { op: 'stop', clock: 'mediation' },
    }),
  }),
  tr({
    action: 'refer_out',
    from: ['registered', 'accepted', 'mediating', 'failed'],
    to: 'referred_out',
    who: 'staff',
    apply: async (_ctx, d, input, now) => ({
      to: 'referred_out',
      set: {
        outcome: `referred_${input.target}`,
        // Concluded by referral only when mediation had been taken on and had not already failed.
        ...(d.accepted_at && d.status !== 'failed' ? concluded(d, now, 'referred_out') : {}),
      },
      note: input.note,
      data: { target: input.target },
      clock: { op: 'stop', clock: d.status === 'registered' ? 'acceptance' : 'mediation' },
    }),
  }),
];

export { addDays, mediationClock, same, tr };

import { notification } from '@civicgrid/shared/notifications';
import { PETITION_LIMITS } from '@civicgrid/shared/petitions';
import type { SignedInContext } from '../../core/context.ts';
import { issueDocument } from '../../core/documents/issue.ts';
import { badRequest } from '../../core/errors.ts';
import { pathIsInScope } from '../../core/org-scope.ts';
import { legalClock, LEGAL_CLOCK } from './clocks.ts';
import { petitionTransition, same, toDate } from './define-transition.ts';
import { ensureSeries, orgById, staffUnder, type PetitionRow } from './repository.ts';

const stop = { op: 'stop', clock: LEGAL_CLOCK } as const;

async function accepting(ctx: SignedInContext, p: PetitionRow, now: Date) {
  return {
    accepted: true,
    accepted_at: now,
    handle_deadline: (await legalClock(ctx, 'handle', now)).deadline,
  };
}

/** 答复 as a numbered 处理意见书 (信复字〔2026〕第N号) of the answering org. */
export async function opinionDocument(
  ctx: SignedInContext,
  p: PetitionRow,
  kind: 'answer' | 'review' | 'recheck',
  opinion: string,
) {
  const titles = {
    answer: '信访事项处理意见书',
    review: '信访事项复查意见书',
    recheck: '信访事项复核意见书',
  };
  const prefixes = { answer: '信复字', review: '信查字', recheck: '信核字' };
  const series = `petition.${kind}`;
  await ensureSeries(ctx.db, ctx.user.orgId, series, prefixes[kind], ctx.clock.now());
  return issueDocument(ctx, {
    ownerType: 'petition',
    ownerId: p.id,
    series,
    template: {
      title: titles[kind],
      fields: [
        { label: '信访事项编号', value: p.number },
        { label: '信访人', value: p.petitioner_name ?? '（匿名）' },
        { label: '事项', value: p.summary },
      ],
      paragraphs: opinion.split(/\n+/).filter(Boolean),
      signatures: ['（盖章）'],
    },
  });
}

/** 登记 → 处理 (15 days) → 受理决定 (15 days) → 办理 (60 days, one extension ≤ 30) → 答复 with its service. */
export const HANDLING_TRANSITIONS = [
  petitionTransition({
    action: 'route',
    from: ['registered'],
    to: ['accepted', 'transferred', 'redirected', 'not_accepted'],
    who: 'desk',
    async apply(ctx, p, input, now) {
      const base = { route: input.route, routed_at: now };
      if (input.route === 'accept') {
        const clock = await legalClock(ctx, 'handle', now);
        return {
          to: 'accepted',
          set: {
            ...base,
            ...(await accepting(ctx, p, now)),
            responsible_org_id: p.receiving_org_id,
            responsible_path: p.org_path,
          },
          clock,
          note: input.reason ?? null,
          data: { route: input.route },
        };
      }
      if (input.route === 'transfer' || input.route === 'assign') {
        if (!input.toOrgId) throw badRequest('toOrgId', `required for ${input.route}`);
        const org = await orgById(ctx.db, input.toOrgId);
        if (!org || !pathIsInScope(ctx.scope, org.path))
          throw badRequest('toOrgId', 'no such org in your part of the tree');
        return {
          to: 'transferred',
          set: { ...base, transferred_at: now, responsible_org_id: org.id, responsible_path: org.path },
          clock: await legalClock(ctx, 'accept', now),
          note: input.reason ?? null,
          data: { route: input.route, toOrgId: org.id, toOrgName: org.name },
          notify: [
            {
              users: await staffUnder(ctx.db, org.path, 'petition.handle'),
              message: notification('petition.transferred', { number: p.number }),
            },
          ],
        };
      }
      if (!input.reason) throw badRequest('reason', `required for ${input.route}`);
      const redirect = input.route === 'redirect';
      return {
        to: redirect ? 'redirected' : 'not_accepted',
        set: { ...base, concluded_at: now, conclusion: redirect ? 'redirected' : null, accepted: false },
        clock: stop,
        note: input.reason,
        data: { route: input.route },
      };
    },
  }),
  petitionTransition({
    action: 'decide',
    from: ['transferred'],
    to: ['accepted', 'registered'],
    who: 'handler',
    async apply(ctx, p, input, now) {
      if (input.accepted)
        return {
          to: 'accepted',
          set: { accept_decided_at: now, ...(await accepting(ctx, p, now)) },
          clock: await legalClock(ctx, 'handle', now),
          note: input.reason ?? null,
          data: { accepted: true },
        };
      if (!input.reason) throw badRequest('reason', 'required when the matter is returned');
      // Not this authority's power: back to the 信访部门, whose 15 days ran from registration.
      return {
        to: 'registered',
        set: {
          accept_decided_at: now,
          accepted: null,
          route: null,
          routed_at: null,
          responsible_org_id: null,
          responsible_path: null,
        },
        clock: await legalClock(ctx, 'route', toDate(p.received_at)),
        note: input.reason,
        data: { accepted: false },
      };
    },
  }),
  petitionTransition({
    action: 'start',
    from: ['accepted'],
    to: 'handling',
    who: 'handler',
    apply: async (_ctx, _p, input) => ({ to: 'handling', note: input.note ?? null }),
  }),
  petitionTransition({
    action: 'extend',
    from: ['handling'],
    to: 'same',
    who: 'approver',
    guard: (p) =>
      p.extension ? 'this petition was already extended once; the 条例 allows one extension' : null,
    async apply(ctx, p, input, now) {
      if (input.noticeServedAt > now) throw badRequest('noticeServedAt', 'cannot be in the future');
      const start = toDate(p.accepted_at ?? now);
      const clock = await legalClock(ctx, 'handle', start, PETITION_LIMITS.handle + input.days);
      const extension = {
        days: input.days,
        reason: input.reason,
        approvedBy: ctx.user.displayName,
        approvedAt: now.toISOString(),
        noticeServedAt: input.noticeServedAt.toISOString(),
        noticeMethod: input.noticeMethod,
      };
      return {
        to: same(p),
        set: { extension: JSON.stringify(extension), handle_deadline: clock.deadline },
        clock,
        note: input.reason,
        data: { days: input.days, deadline: clock.deadline, noticeMethod: input.noticeMethod },
      };
    },
  }),
  petitionTransition({
    action: 'answer',
    from: ['handling'],
    to: 'answered',
    who: 'handler',
    async apply(ctx, p, input, now) {
      if (input.servedAt > now) throw badRequest('servedAt', 'cannot be in the future');
      const doc = await opinionDocument(ctx, p, 'answer', input.opinion);
      return {
        to: 'answered',
        set: {
          answered_at: now,
          served_at: input.servedAt,
          serve_method: input.serveMethod,
          answer_document_id: doc.id,
          accepted: input.accepted,
        },
        // The petitioner's 30 days for a 复查 run from service; running out concludes the matter.
        clock: await legalClock(ctx, 'window', input.servedAt),
        data: { document: doc.number, servedAt: input.servedAt, serveMethod: input.serveMethod },
      };
    },
  }),
];

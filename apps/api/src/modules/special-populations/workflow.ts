import {
  CORRECTIONS_ACTION_INPUTS,
  CORRECTIONS_STATUSES,
  leaveApprovalLevel,
  teamWarnings,
  type CorrectionsAction,
  type SpecialCategory,
} from '@civicgrid/shared/special-populations';
import type { z } from 'zod';
import type { SignedInContext } from '../../core/context.ts';
import type { Change, Transition, WorkflowDef } from '../../core/workflow/define.ts';
import { writeEvent } from '../../core/workflow/store.ts';
import { loadSpecialSettings } from './settings.ts';
import { correctionsRow, markLateReport, type CorrectionsRow } from './workflow-repository.ts';

type S = (typeof CORRECTIONS_STATUSES)[number];
type Actor = 'office';
type In<A extends CorrectionsAction> = z.infer<(typeof CORRECTIONS_ACTION_INPUTS)[A]>;

function tr<A extends CorrectionsAction>(t: {
  action: A;
  from: readonly S[];
  to: S | 'same';
  guard?: (r: CorrectionsRow) => string | null;
  apply: (ctx: SignedInContext, r: CorrectionsRow, input: In<A>, now: Date) => Promise<Change<S>> | Change<S>;
}): Transition<S, CorrectionsAction, Actor, SignedInContext, CorrectionsRow> {
  return {
    ...t,
    who: 'office',
    input: CORRECTIONS_ACTION_INPUTS[t.action],
    apply: async (ctx, r, input, now) => t.apply(ctx, r, input as In<A>, now),
  };
}

const endOfDay = (day: string) => new Date(`${day}T23:59:59+08:00`);

/**
 * CORRECTIONS_WORKFLOW (modules.md §4.3 state table, 社区矫正法 §21–§25) on the 'special_person' owner: report
 * within 10 days of the judgment (the `report` clock; overdue writes a late_report event and flags the file),
 * announce only with a help team that passes its checks, leave with its approval level, lost contact, end.
 */
export const CORRECTIONS_WORKFLOW: WorkflowDef<
  S,
  CorrectionsAction,
  Actor,
  SignedInContext,
  CorrectionsRow,
  null
> = {
  name: 'special_person',
  table: 'special_persons',
  statuses: CORRECTIONS_STATUSES,
  final: ['transferred', 'ended'],
  actors: {
    office: {
      may: (ctx) =>
        ctx.user.permissions.has('special.manage') && ctx.user.permissions.has('class.corrections.read'),
    },
  },
  transitions: [
    tr({
      action: 'report',
      from: ['awaiting_report'],
      to: 'reported',
      apply: (_c, r, i, now) => {
        const late = !!r.report_due && now > endOfDay(r.report_due);
        return {
          to: 'reported',
          set: { reported_at: now, late_report: late },
          note: i.note ?? null,
          data: { late },
          clock: { op: 'stop', clock: 'report' },
        };
      },
    }),
    tr({
      action: 'announce',
      from: ['reported'],
      guard: (r) => {
        const w = teamWarnings(r.person_sex, r.category as SpecialCategory, r.team);
        return w.length ? `the help team fails its checks: ${w.join(', ')}` : null;
      },
      to: 'under_correction',
      apply: (_c, _r, i) => ({ to: 'under_correction', note: i.note ?? null }),
    }),
    tr({
      action: 'leave',
      from: ['under_correction'],
      to: 'away',
      // The approval level by the district's leave limits (实施办法 2020, from memory: 7 and 30 days).
      apply: async (ctx, _r, i) => {
        const s = await loadSpecialSettings(ctx.db);
        const limits = { office: s.leaveOfficeDays, county: s.leaveCountyDays };
        return {
          to: 'away',
          note: `${i.destination}: ${i.reason}`,
          data: {
            days: i.days,
            destination: i.destination,
            approvalLevel: leaveApprovalLevel(i.days, limits),
          },
        };
      },
    }),
    tr({
      action: 'return',
      from: ['away'],
      to: 'under_correction',
      apply: () => ({ to: 'under_correction' }),
    }),
    tr({
      action: 'lose_contact',
      from: ['under_correction', 'away'],
      to: 'lost',
      apply: (_c, _r, i) => ({ to: 'lost', note: i.note ?? null }),
    }),
    tr({
      action: 'found',
      from: ['lost'],
      to: 'under_correction',
      apply: (_c, _r, i) => ({ to: 'under_correction', note: i.note ?? null }),
    }),
    tr({
      action: 'end',
      from: ['under_correction'],
      to: 'ended',
      apply: (_c, _r, i, now) => ({
        to: 'ended',
        set: { ended_at: now, end_reason: i.reason },
        note: i.note ?? null,
      }),
    }),
  ],
  clocks: { report: { unit: 'statutoryDays', warnShare: 0.8 } },
  clockOf: { awaiting_report: 'report' },
  load: (ctx, id) => correctionsRow(ctx.db, ctx.scope, id, ctx.user),
  facts: async () => null,
  audit: { entityType: 'special_person', orgId: (r) => r.responsible_org_id, label: (r) => r.person_name },
  notify: async () => {},
  onOverdue: {
    // 逾期未报到: the file is flagged and the timeline says so (the incident of §4.3).
    async run(ctx, r, now) {
      if (r.status !== 'awaiting_report') return;
      await markLateReport(ctx.db, r.id);
      await writeEvent(
        ctx.db,
        { ownerType: 'special_person', ownerId: r.id },
        {
          at: now,
          actor: null,
          action: 'late_report',
          toStatus: null,
          note: null,
          data: { reportDue: r.report_due },
        },
      );
    },
  },
};

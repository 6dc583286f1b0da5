import type { SignedInContext } from '../../../core/context.ts';
import { badRequest } from '../../../core/errors.ts';
import type { ClockWrite } from '../../../core/workflow/define.ts';
import type { CaseRow } from '../repository.ts';
import { timingFor, type Limits } from '../sla.ts';
import type { CaseStatus } from '../statuses.ts';

/** A case runs one clock, 'step': its phase is the step (register, dispatch, …) whose limit counts. */
export const STEP_CLOCK = 'step';

/** The clock of the step a case enters with `status`; `deadline` overrides the category limit. */
export async function stepClock(
  ctx: SignedInContext,
  c: CaseRow,
  status: CaseStatus,
  now: Date,
  deadline?: Date | null,
): Promise<ClockWrite> {
  const cal = await ctx.calendar.get(ctx.db);
  const urgency = c.urgency as 'urgent' | 'normal';
  const t = timingFor(cal, c.categoryLimits as Limits, urgency, status, now, deadline);
  return {
    op: 'start',
    clock: STEP_CLOCK,
    phase: t.step,
    startedAt: now,
    warnAt: t.warnAt,
    deadline: t.deadline,
  };
}

/** The case's own columns that copy its clock: lists, indexes and the inbox read these. */
export function mirrorStepClock(w: ClockWrite): Record<string, unknown> {
  switch (w.op) {
    case 'start':
      return {
        ...(w.phase ? { step: w.phase } : {}),
        step_started_at: w.startedAt,
        step_warn_at: w.warnAt,
        step_deadline: w.deadline,
        warned: false,
        overdue_notified: false,
      };
    case 'pause':
    case 'stop':
      return { step_deadline: null, step_warn_at: null };
    case 'flags':
      return {
        warned: w.warned,
        overdue_notified: w.overdueNotified,
        ...(w.overdueNotified ? { was_overdue: true } : {}),
      };
  }
}

export async function departmentFor(ctx: SignedInContext, c: CaseRow, id: string, field: string) {
  const dept = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'name', 'path', 'parent_id as parentId', 'level', 'disabled'])
    .where('id', '=', id)
    .executeTakeFirst();
  // A centre sends work to departments that hang off its own level or a level above it.
  const parent = dept?.parentId
    ? await ctx.db.selectFrom('orgs').select('path').where('id', '=', dept.parentId).executeTakeFirst()
    : null;
  if (
    !dept ||
    dept.level !== 'department' ||
    dept.disabled ||
    !parent ||
    !c.ownerPath.startsWith(parent.path)
  ) {
    throw badRequest(field, 'not a department this centre can dispatch to');
  }
  return dept;
}

/** Links the caller's uploads to the case; `photoRequired`: at least one of them must be an image. */
export async function linkAttachments(
  ctx: SignedInContext,
  caseId: string,
  ids: string[] | undefined,
  photoRequired: boolean,
) {
  const rows = ids?.length
    ? await ctx.db
        .selectFrom('attachments')
        .select(['id', 'mime'])
        .where('id', 'in', ids)
        .where('uploaded_by', '=', ctx.user.id)
        .where((eb) => eb.or([eb('case_id', 'is', null), eb('case_id', '=', caseId)]))
        .execute()
    : [];
  if (ids?.length && rows.length !== new Set(ids).size)
    throw badRequest(
      'attachmentIds',
      'an attachment does not exist, is not yours, or belongs to another case',
    );
  if (photoRequired && !rows.some((r) => r.mime.startsWith('image/')))
    throw badRequest('attachmentIds', 'this category needs at least one photo');
  if (rows.length)
    await ctx.db.updateTable('attachments').set({ case_id: caseId }).where('id', 'in', ids!).execute();
  return rows.map((r) => r.id);
}

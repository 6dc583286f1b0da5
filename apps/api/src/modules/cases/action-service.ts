import { sql } from 'kysely';
import { audit } from '../../core/audit.ts';
import { addWorkingMinutes, workingMinutesBetween } from '../../core/calendar.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest, forbidden, notFound, staleVersion } from '../../core/errors.ts';
import { findTransition, transitionsFrom } from '../../core/workflow.ts';
import { actorFacts, mayAct, type ActorFacts } from './actors.ts';
import { gridVerifiers, notify, usersAt } from './notify.ts';
import { parentCentre } from './placement.ts';
import { findCase, type CaseRow } from './repository.ts';
import { timingFor, type Limits } from './sla.ts';
import { CASE_WORKFLOW, type CaseAction, type CaseStatus } from './workflow.ts';

export interface ActionInput {
  action: CaseAction;
  version: number;
  reason?: string | undefined;
  note?: string | undefined;
  result?: string | undefined;
  departmentId?: string | undefined;
  coDepartmentIds?: string[] | undefined;
  deadline?: Date | undefined;
  attachmentIds?: string[] | undefined;
  passed?: boolean | undefined;
  approved?: boolean | undefined;
  evaluation?: 'satisfied' | 'basically_satisfied' | 'unsatisfied' | undefined;
  comment?: string | undefined;
  targetCaseId?: string | undefined;
}

/** The actions this user may take on this case right now: what the case page turns into buttons. */
export function allowedActions(ctx: SignedInContext, c: CaseRow, facts: ActorFacts): CaseAction[] {
  return transitionsFrom(CASE_WORKFLOW, c.status as CaseStatus)
    .filter((t) => mayAct(ctx, t.who, c, facts))
    .filter((t) => t.action !== 'evaluate' || !c.evaluation)
    .filter((t) => t.action !== 'decide_extension' || !!c.extensionRequest)
    .map((t) => t.action);
}

interface Change {
  set: Record<string, unknown>;
  to: CaseStatus;
  note?: string | null;
  data?: Record<string, unknown>;
  notifyUsers?: string[];
  notifyTitle?: string;
}

async function departmentFor(ctx: SignedInContext, c: CaseRow, id: string, field: string) {
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

async function linkAttachments(
  ctx: SignedInContext,
  caseId: string,
  ids: string[] | undefined,
  imagesOnly: boolean,
) {
  if (!ids?.length) return [];
  const rows = await ctx.db
    .selectFrom('attachments')
    .select(['id', 'mime'])
    .where('id', 'in', ids)
    .where('uploaded_by', '=', ctx.user.id)
    .where((eb) => eb.or([eb('case_id', 'is', null), eb('case_id', '=', caseId)]))
    .execute();
  if (rows.length !== new Set(ids).size)
    throw badRequest(
      'attachmentIds',
      'an attachment does not exist, is not yours, or belongs to another case',
    );
  if (imagesOnly && !rows.some((r) => r.mime.startsWith('image/')))
    throw badRequest('attachmentIds', 'this category needs at least one photo');
  await ctx.db.updateTable('attachments').set({ case_id: caseId }).where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

/** What each action changes, beyond the status the workflow gives it. */
async function plan(ctx: SignedInContext, c: CaseRow, input: ActionInput, now: Date): Promise<Change> {
  const cal = await ctx.calendar.get(ctx.db);
  const limits = c.categoryLimits as Limits;
  const urgency = c.urgency as 'urgent' | 'normal';
  const step = (status: CaseStatus, deadline?: Date | null) => {
    const t = timingFor(cal, limits, urgency, status, now, deadline);
    return {
      step: t.step,
      step_started_at: now,
      step_warn_at: t.warnAt,
      step_deadline: t.deadline,
      warned: false,
      overdue_notified: false,
    };
  };
  switch (input.action) {
    case 'register':
      return { to: 'registered', set: { registered_at: now, ...step('registered') } };
    case 'reject':
      return {
        to: 'rejected',
        set: { closed_at: null, step: 'rejected', step_deadline: null, step_warn_at: null },
        note: input.reason,
      };
    case 'merge': {
      if (input.targetCaseId === c.id) throw badRequest('targetCaseId', 'a case cannot merge into itself');
      const target = await findCase(ctx.db, ctx.scope, input.targetCaseId!);
      if (!target) throw badRequest('targetCaseId', 'no such case');
      return {
        to: 'rejected',
        set: { merged_into: target.id, step: 'rejected', step_deadline: null, step_warn_at: null },
        note: input.reason ?? `并入 ${target.number}`,
        data: { targetCaseId: target.id, targetNumber: target.number },
      };
    }
    case 'self_handle': {
      const ids = await linkAttachments(ctx, c.id, input.attachmentIds, c.photoRequired);
      if (c.photoRequired && ids.length === 0)
        throw badRequest('attachmentIds', 'this category needs at least one photo');
      return {
        to: 'closed',
        set: {
          registered_at: now,
          handled_at: now,
          closed_at: now,
          step: 'closed',
          step_deadline: null,
          step_warn_at: null,
        },
        note: input.result,
        data: { attachmentIds: ids },
      };
    }
    case 'escalate': {
      const up = await parentCentre(ctx.db, c.ownerPath);
      if (!up) throw new AppError('CONFLICT', 409, 'this case is already with the top centre');
      return {
        to: c.status as CaseStatus,
        set: { owner_org_id: up.id, owner_path: up.path, ...step(c.status as CaseStatus) },
        note: input.reason,
        data: { from: c.ownerOrgName, to: up.name },
        notifyUsers: await usersAt(ctx.db, up.id, 'case.dispatch'),
        notifyTitle: `上报事件待处理：${c.title}`,
      };
    }
    case 'dispatch': {
      const dept = await departmentFor(ctx, c, input.departmentId!, 'departmentId');
      const co = [];
      for (const id of input.coDepartmentIds ?? [])
        co.push(await departmentFor(ctx, c, id, 'coDepartmentIds'));
      if (input.deadline && input.deadline <= now) throw badRequest('deadline', 'must be in the future');
      const s = step('dispatched', input.deadline ?? null);
      return {
        to: 'dispatched',
        set: {
          department_id: dept.id,
          department_path: dept.path,
          co_department_ids: co.map((d) => d.id),
          dispatched_at: now,
          handle_deadline: s.step_deadline,
          ...s,
        },
        note: input.note ?? null,
        data: {
          departmentId: dept.id,
          department: dept.name,
          coDepartments: co.map((d) => d.name),
          deadline: s.step_deadline,
        },
        notifyUsers: (
          await Promise.all([dept, ...co].map((d) => usersAt(ctx.db, d.id, 'case.handle')))
        ).flat(),
        notifyTitle: `新派遣任务：${c.title}`,
      };
    }
    case 'accept':
      return { to: 'handling', set: {} };
    case 'return':
      return {
        to: 'registered',
        set: {
          department_id: null,
          department_path: null,
          co_department_ids: [],
          handle_deadline: null,
          extension_request: null,
          ...step('registered'),
        },
        note: input.reason,
        notifyUsers: await usersAt(ctx.db, c.ownerOrgId, 'case.dispatch'),
        notifyTitle: `事件被退回：${c.title}`,
      };
    case 'feedback': {
      const ids = await linkAttachments(ctx, c.id, input.attachmentIds, c.photoRequired);
      if (c.photoRequired && ids.length === 0)
        throw badRequest('attachmentIds', 'this category needs at least one photo');
      return {
        to: 'handled',
        set: { handled_at: now, extension_request: null, ...step('handled') },
        note: input.result,
        data: { attachmentIds: ids },
        notifyUsers: c.gridId
          ? await gridVerifiers(ctx.db, c.gridId)
          : await usersAt(ctx.db, c.ownerOrgId, 'case.verify'),
        notifyTitle: `待核查：${c.title}`,
      };
    }
    case 'verify': {
      const ids = await linkAttachments(ctx, c.id, input.attachmentIds, false);
      if (input.passed)
        return {
          to: 'verified',
          set: step('verified'),
          note: input.note ?? null,
          data: { passed: true, attachmentIds: ids },
          notifyUsers: await usersAt(ctx.db, c.ownerOrgId, 'case.dispatch'),
          notifyTitle: `核查通过待结案：${c.title}`,
        };
      // 返工: back to the department, with a fresh handling clock.
      return {
        to: 'handling',
        set: { rework_count: sql`rework_count + 1`, handled_at: null, ...step('handling') },
        note: input.note ?? null,
        data: { passed: false, attachmentIds: ids },
        notifyUsers: c.departmentId ? await usersAt(ctx.db, c.departmentId, 'case.handle') : [],
        notifyTitle: `核查未通过需返工：${c.title}`,
      };
    }
    case 'close':
      return {
        to: 'closed',
        set: { closed_at: now, step: 'closed', step_deadline: null, step_warn_at: null },
        note: input.note ?? null,
      };
    case 'evaluate':
      if (c.evaluation) throw new AppError('CONFLICT', 409, 'this case has been evaluated already');
      return {
        to: 'closed',
        set: { evaluation: input.evaluation, evaluation_comment: input.comment ?? null, evaluated_at: now },
        note: input.comment ?? null,
        data: { evaluation: input.evaluation },
      };
    case 'extend':
      if (c.extensionRequest)
        throw new AppError('CONFLICT', 409, 'an extension request is already waiting for a decision');
      if (!input.deadline || (c.stepDeadline && input.deadline <= new Date(c.stepDeadline)))
        throw badRequest('deadline', 'must be later than the current deadline');
      return {
        to: c.status as CaseStatus,
        set: {
          extension_request: JSON.stringify({
            reason: input.reason,
            deadline: input.deadline.toISOString(),
            by: ctx.user.displayName,
            at: now.toISOString(),
          }),
        },
        note: input.reason,
        data: { deadline: input.deadline },
      };
    case 'decide_extension': {
      const req = c.extensionRequest as { deadline: string } | null;
      if (!req) throw new AppError('CONFLICT', 409, 'there is no extension request to decide');
      const set: Record<string, unknown> = { extension_request: null };
      if (input.approved)
        Object.assign(set, {
          handle_deadline: new Date(req.deadline),
          ...step(c.status as CaseStatus, new Date(req.deadline)),
        });
      return {
        to: c.status as CaseStatus,
        set,
        note: input.note ?? null,
        data: { approved: input.approved, deadline: req.deadline },
        notifyUsers: c.departmentId ? await usersAt(ctx.db, c.departmentId, 'case.handle') : [],
        notifyTitle: `延期申请${input.approved ? '已批准' : '未批准'}：${c.title}`,
      };
    }
    case 'supervise': {
      if (input.deadline && input.deadline <= now) throw badRequest('deadline', 'must be in the future');
      const set: Record<string, unknown> = {
        supervision: JSON.stringify({
          note: input.note,
          by: ctx.user.displayName,
          at: now.toISOString(),
          deadline: input.deadline?.toISOString() ?? null,
        }),
      };
      if (input.deadline)
        Object.assign(set, {
          step_deadline: input.deadline,
          step_warn_at: addWorkingMinutes(cal, now, workingMinutesBetween(cal, now, input.deadline) * 0.8),
          warned: false,
          overdue_notified: false,
        });
      const handlers = c.departmentId
        ? await usersAt(ctx.db, c.departmentId, 'case.handle')
        : await usersAt(ctx.db, c.ownerOrgId, 'case.dispatch');
      return {
        to: c.status as CaseStatus,
        set,
        note: input.note,
        data: { deadline: input.deadline ?? null },
        notifyUsers: handlers,
        notifyTitle: `督办：${c.title}`,
      };
    }
    case 'suspend': {
      // The clock stops: what was left of the step is kept and given back on resume.
      const remaining = c.stepDeadline ? workingMinutesBetween(cal, now, new Date(c.stepDeadline)) : null;
      return {
        to: 'suspended',
        set: { suspended_from: c.status, step_deadline: null, step_warn_at: null },
        note: input.reason,
        data: { remainingWorkingMinutes: remaining },
      };
    }
    case 'resume': {
      const last = await ctx.db
        .selectFrom('case_events')
        .select('data')
        .where('case_id', '=', c.id)
        .where('action', '=', 'suspend')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      const remaining =
        (last?.data as { remainingWorkingMinutes?: number | null } | null)?.remainingWorkingMinutes ?? null;
      const back = c.suspendedFrom as CaseStatus;
      const deadline = remaining !== null ? addWorkingMinutes(cal, now, Math.max(remaining, 0)) : null;
      return {
        to: back,
        set: { suspended_from: null, ...(deadline ? step(back, deadline) : step(back)) },
        note: input.note ?? null,
      };
    }
  }
}

/** Takes one workflow action: checks it is allowed now and for this user, applies it in one transaction. */
export async function performAction(ctx: SignedInContext, caseId: string, input: ActionInput) {
  return inTransaction(ctx, async (tx) => {
    const c = await findCase(tx.db, tx.scope, caseId);
    if (!c) throw notFound('case');
    if (c.version !== input.version) throw staleVersion(c.version);
    const facts = await actorFacts(tx, c);
    const transition = findTransition(CASE_WORKFLOW, input.action, c.status as CaseStatus);
    if (!transition) {
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        409,
        `${input.action} is not possible while the case is ${c.status}`,
        { status: c.status, allowedActions: allowedActions(tx, c, facts) },
      );
    }
    if (!mayAct(tx, transition.who, c, facts)) throw forbidden(`you may not ${input.action} this case`);
    for (const field of transition.requires ?? []) {
      const v = (input as unknown as Record<string, unknown>)[field];
      if (v === undefined || v === null || v === '') throw badRequest(field, `required for ${input.action}`);
    }
    const now = tx.clock.now();
    const change = await plan(tx, c, input, now);
    const lateStep = !!c.stepDeadline && now > new Date(c.stepDeadline) && c.status !== 'suspended';
    const r = await tx.db
      .updateTable('cases')
      .set({
        ...change.set,
        status: change.to,
        version: sql`version + 1`,
        updated_at: now,
        ...(lateStep ? { was_overdue: true } : {}),
      })
      .where('id', '=', c.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    // Two people acting on one version at once: the second finds the version gone.
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion(c.version);
    await tx.db
      .insertInto('case_events')
      .values({
        case_id: c.id,
        at: now,
        actor_id: tx.user.id,
        actor_name: tx.user.displayName,
        actor_org: tx.user.orgName,
        action: input.action,
        from_status: c.status,
        to_status: change.to,
        note: change.note ?? null,
        data: change.data ? JSON.stringify(change.data) : null,
      })
      .execute();
    if (change.notifyUsers?.length)
      await notify(tx.db, change.notifyUsers, {
        kind: `case.${input.action}`,
        title: change.notifyTitle ?? c.title,
        caseId: c.id,
        at: now,
      });
    await audit(tx, {
      action: `case.${input.action}`,
      entityType: 'case',
      entityId: c.id,
      orgId: c.ownerOrgId,
      summary: `${input.action} case ${c.number}: ${c.status} → ${change.to}`,
      before: { status: c.status },
      after: { status: change.to },
    });
    return { id: c.id, status: change.to, version: c.version + 1 };
  });
}

import type { DisputeRegisterInput, DisputeStatus } from '@civicgrid/shared/mediation';
import { audit } from '../../core/audit.ts';
import { addWorkingDays, localDay } from '../../core/calendar.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import { subjectType } from '../../core/records/subject-types.ts';
import { listSubjects } from '../../core/records/subjects.ts';
import { allowedActions, performTransition, type TransitionInput } from '../../core/workflow/runner.ts';
import { writeClock, writeEvent } from '../../core/workflow/store.ts';
import * as repo from './repository.ts';
import {
  describeBodies,
  disputeParts,
  insertDispute,
  insertParty,
  mediatorNames,
} from './record-repository.ts';
import { mediationSettings } from './settings.ts';
import { DISPUTE_WORKFLOW } from './workflow.ts';

const DAY = 86_400_000;

/** 排查 or desk registration: the dispute, its parties and the acceptance clock, in one transaction. */
export async function registerDispute(ctx: SignedInContext, input: DisputeRegisterInput) {
  return inTransaction(ctx, async (tx) => {
    const body = await repo.bodyForIntake(tx, input.bodyId);
    if (!body) throw badRequest('bodyId', 'no such mediation body for your unit');
    for (const [i, p] of input.parties.entries()) {
      const def = subjectType(p.subjectType, `parties.${i}.subjectType`);
      if (!(await def.visibleIds(tx, [p.subjectId])).has(p.subjectId))
        throw badRequest(`parties.${i}.subjectId`, `no such ${p.subjectType} in your part of the tree`);
    }
    const now = tx.clock.now();
    const seq = await repo.nextDisputeSeq(tx.db);
    const number = `JF${localDay(now).replaceAll('-', '')}${String(seq).padStart(5, '0')}`;
    const row = await insertDispute(tx.db, {
      number,
      type: input.type,
      source: input.source,
      summary: input.summary,
      demands: input.demands ?? null,
      amount_involved: input.amountInvolved ?? null,
      people_involved: input.peopleInvolved,
      // 群体性纠纷: five or more people involved.
      collective: input.peopleInvolved >= 5,
      risk_level: input.riskLevel,
      escalation_risk: input.escalationRisk,
      escalation_note: input.escalationNote ?? null,
      body_id: body.id,
      org_id: body.org_id,
      org_path: body.org_path,
      status: 'registered',
      consent: null,
      found_by: tx.user.id,
      found_at: now,
    });
    for (const p of input.parties)
      await insertParty(tx.db, { disputeId: row.id, ...p, at: now, by: tx.user.id });
    const { acceptDays } = await mediationSettings(tx.db);
    const cal = await tx.calendar.get(tx.db);
    const deadline = addWorkingDays(cal, now, acceptDays);
    const owner = { ownerType: 'dispute', ownerId: row.id };
    await writeClock(
      tx.db,
      owner,
      { op: 'start', clock: 'acceptance', startedAt: now, warnAt: null, deadline },
      now,
    );
    await writeEvent(tx.db, owner, {
      at: now,
      actor: tx.user,
      action: 'register',
      toStatus: 'registered',
      note: input.summary,
      data: { source: input.source, body: body.name, acceptBy: deadline },
    });
    await audit(tx, {
      action: 'dispute.register',
      entityType: 'dispute',
      entityId: row.id,
      orgId: body.org_id,
      summary: `registered dispute ${number} (${input.type}) at ${body.name}`,
      after: { number, type: input.type, source: input.source, bodyId: body.id },
    });
    return { id: row.id, number, version: row.version, status: 'registered' as const };
  });
}

/** Green, yellow from day 20 of 30 (ten days left), red once the deadline has passed. */
export function clockState(d: { status: string; deadline: Date | string | null }, now: Date) {
  if (d.status !== 'mediating' || !d.deadline) return null;
  const left = new Date(d.deadline).getTime() - now.getTime();
  return left < 0 ? 'overdue' : left <= 10 * DAY ? 'warning' : 'normal';
}

function presentDispute(d: repo.DisputeRow & { body_name?: string }, now: Date) {
  return {
    id: d.id,
    number: d.number,
    type: d.type,
    source: d.source,
    summary: d.summary,
    demands: d.demands,
    amountInvolved: d.amount_involved,
    peopleInvolved: d.people_involved,
    collective: d.collective,
    riskLevel: d.risk_level,
    escalationRisk: d.escalation_risk,
    escalationNote: d.escalation_note,
    bodyId: d.body_id,
    bodyName: d.body_name ?? null,
    mediatorIds: d.mediator_ids,
    status: d.status as DisputeStatus,
    outcome: d.outcome,
    foundAt: d.found_at,
    acceptedAt: d.accepted_at,
    deadline: d.deadline,
    clockState: clockState(d, now),
    extensions: d.extensions,
    agreedAt: d.agreed_at,
    confirmDeadline: d.confirm_deadline,
    confirmAppliedOn: d.confirm_applied_on,
    confirmCourt: d.confirm_court,
    confirmResult: d.confirm_result,
    followupDue: d.followup_due,
    guidance: d.guidance,
    version: d.version,
  };
}

export async function listDisputes(
  ctx: SignedInContext,
  f: Omit<repo.DisputeFilter, 'mediatorIds'> & { mine?: boolean | undefined },
) {
  const { mine, ...rest } = f;
  const mediatorIds = mine ? (await repo.mediatorsOfUser(ctx.db, ctx.user.id)).map((m) => m.id) : undefined;
  const now = ctx.clock.now();
  const page = await repo.listDisputes(ctx.db, ctx.scope, ctx.user.id, { ...rest, mediatorIds }, now);
  return { items: page.items.map((d) => presentDispute(d, now)), nextCursor: page.nextCursor };
}

export async function getDispute(ctx: SignedInContext, id: string) {
  const d = await repo.findDispute(ctx.db, ctx.scope, ctx.user.id, id);
  if (!d) throw notFound('dispute');
  const now = ctx.clock.now();
  const [parts, bodies, names, parties, facts] = await Promise.all([
    disputeParts(ctx.db, id),
    describeBodies(ctx.db, [d.body_id]),
    mediatorNames(ctx.db, d.mediator_ids),
    listSubjects(ctx, 'dispute', id),
    DISPUTE_WORKFLOW.facts(ctx, d),
  ]);
  const agreement = parts.agreements[0];
  return {
    ...presentDispute({ ...d, body_name: bodies.get(d.body_id)?.name ?? '' }, now),
    mediators: d.mediator_ids.map((m) => ({ id: m, name: names.get(m) ?? '' })),
    parties: parties.items,
    sessions: parts.sessions.map((s) => ({
      id: s.id,
      at: s.at,
      place: s.place,
      attendees: s.attendees,
      invited: s.invited,
      record: s.record,
      outcome: s.outcome,
    })),
    agreement: agreement
      ? {
          id: agreement.id,
          form: agreement.form,
          facts: agreement.facts,
          responsibilities: agreement.responsibilities,
          terms: agreement.terms,
          effectiveAt: agreement.effective_at,
          documentId: agreement.document_id,
          documentNumber: agreement.document_number,
          obligations: parts.obligations
            .filter((o) => o.agreement_id === agreement.id)
            .map((o) => ({
              id: o.id,
              party: o.party,
              what: o.what,
              amount: o.amount,
              due: o.due,
              performedAt: o.performed_at,
            })),
        }
      : null,
    followups: parts.followups.map((f) => ({
      id: f.id,
      at: f.at,
      byName: f.by_name,
      result: f.result,
      note: f.note,
    })),
    timeline: parts.events.map((e) => ({
      id: String(e.id),
      at: e.at,
      actorName: e.actor_name,
      actorOrg: e.actor_org,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
      data: e.data,
    })),
    allowedActions: ctx.user.permissions.has('mediation.manage')
      ? allowedActions(ctx, DISPUTE_WORKFLOW, d, facts)
      : [],
  };
}

export async function disputeAction(ctx: SignedInContext, id: string, input: TransitionInput) {
  await performTransition(ctx, DISPUTE_WORKFLOW, id, input);
  return getDispute(ctx, id);
}

import type { RiskListQuery, RiskStatus } from '@civicgrid/shared/stability';
import type { SignedInContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { allowedActions, performTransition, type TransitionInput } from '../../core/workflow/runner.ts';
import * as repo from './repository.ts';
import { RISK_WORKFLOW } from './workflow.ts';

function presentRisk(r: repo.RiskRow, names: Map<string, string>, now: Date) {
  const open = r.status !== 'resolved' && r.status !== 'occurred';
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    type: r.type,
    source: r.source,
    level: r.level,
    peopleInvolved: r.people_involved,
    collective: r.collective,
    location: r.location,
    lng: r.lng,
    lat: r.lat,
    description: r.description,
    sensitivePeriod: r.sensitive_period,
    orgId: r.org_id,
    orgName: names.get(r.org_id) ?? null,
    unitId: r.unit_id,
    unitName: r.unit_id ? (names.get(r.unit_id) ?? null) : null,
    responsiblePerson: r.responsible_person,
    measures: r.measures,
    deadline: r.deadline,
    overdue: open && !!r.deadline && new Date(r.deadline) < now,
    escalatedToName: r.escalated_to_id ? (names.get(r.escalated_to_id) ?? null) : null,
    result: r.result,
    status: r.status as RiskStatus,
    reportedAt: r.reported_at,
    resolvedAt: r.resolved_at,
    version: r.version,
  };
}

export async function listRisks(ctx: SignedInContext, f: RiskListQuery) {
  const now = ctx.clock.now();
  const page = await repo.listRisks(ctx.db, ctx.scope, f, now);
  const names = await repo.orgNames(
    ctx.db,
    page.items.flatMap((r) => [r.org_id, r.unit_id, r.escalated_to_id]),
  );
  // The first page carries the count of what the filters match (the list's title shows it).
  const total = f.cursor ? undefined : await repo.countRisks(ctx.db, ctx.scope, f, now);
  return { items: page.items.map((r) => presentRisk(r, names, now)), nextCursor: page.nextCursor, total };
}

export async function riskCount(ctx: SignedInContext, f: RiskListQuery) {
  return { total: await repo.countRisks(ctx.db, ctx.scope, f, ctx.clock.now()) };
}

export async function getRisk(ctx: SignedInContext, id: string) {
  const r = await repo.findRisk(ctx.db, ctx.scope, id);
  if (!r) throw notFound('risk');
  const now = ctx.clock.now();
  const [names, parts] = await Promise.all([
    repo.orgNames(ctx.db, [r.org_id, r.unit_id, r.escalated_to_id]),
    repo.riskParts(ctx.db, id),
  ]);
  return {
    ...presentRisk(r, names, now),
    links: parts.links.map((l) => ({ type: l.record_type, id: l.record_id, label: l.label })),
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
    allowedActions: allowedActions(ctx, RISK_WORKFLOW, r, null),
  };
}

export async function riskAction(ctx: SignedInContext, id: string, input: TransitionInput) {
  await performTransition(ctx, RISK_WORKFLOW, id, input);
  return getRisk(ctx, id);
}

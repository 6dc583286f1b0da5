import { maskCitizenId, maskPhone } from '@civicgrid/shared/validators';
import type { PetitionListQuery } from '@civicgrid/shared/petitions';
import { audit } from '../../core/audit.ts';
import { hasPermission, type SignedInContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { auditDetailRead } from '../../core/records/classes.ts';
import { allowedActions, performTransition, type TransitionInput } from '../../core/workflow/runner.ts';
import { subjectsOf } from './register-repository.ts';
import {
  countPetitions,
  findPetition,
  listPetitionRows,
  orgById,
  personByIdNumber,
  petitionEvents,
  petitionsOfPerson,
  type PetitionRow,
} from './repository.ts';
import { PETITION_WORKFLOW } from './workflow.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const maskName = (n: string) => (n.length <= 1 ? '*' : `${n[0]}${'*'.repeat(Math.min(n.length - 1, 2))}`);

/** Without class.petition.read a petitioner is a masked name, ID and phone (PIPL 特定身份). */
function identity(
  ctx: SignedInContext,
  p: { name: string | null; idNumber: string | null; phone: string | null },
) {
  if (hasPermission(ctx, 'class.petition.read')) return { ...p, masked: false };
  return {
    name: p.name ? maskName(p.name) : null,
    idNumber: p.idNumber ? maskCitizenId(p.idNumber) : null,
    phone: p.phone ? maskPhone(p.phone) : null,
    masked: true,
  };
}

function daysLeft(deadline: Date | string | null, now: Date) {
  if (!deadline) return null;
  return Math.ceil((new Date(deadline).getTime() - now.getTime()) / 86_400_000);
}

export function presentListItem(
  ctx: SignedInContext,
  p: PetitionRow & { receivingOrgName?: string; responsibleOrgName?: string | null },
) {
  const now = ctx.clock.now();
  const who = identity(ctx, {
    name: p.petitioner_name,
    idNumber: p.petitioner_id_number,
    phone: p.petitioner_phone,
  });
  return {
    id: p.id,
    number: p.number,
    channel: p.channel,
    class: p.class,
    category: p.category,
    summary: p.summary,
    status: p.status,
    receivedAt: iso(p.received_at)!,
    petitionerName: who.name,
    petitionerIdNumber: who.idNumber,
    petitionerPhone: who.phone,
    masked: who.masked,
    peopleCount: p.people_count,
    collective: p.collective,
    repeat: !!p.repeat_of,
    crossLevel: p.cross_level,
    receivingOrgName: p.receivingOrgName ?? null,
    responsibleOrgName: p.responsibleOrgName ?? null,
    phase: p.clock,
    deadline: iso(p.deadline),
    daysLeft: daysLeft(p.deadline, now),
    slaState: p.sla_state,
    routeDeadline: iso(p.route_deadline),
    handleDeadline: iso(p.handle_deadline),
    version: p.version,
  };
}

export async function listPetitions(ctx: SignedInContext, f: PetitionListQuery) {
  const page = await listPetitionRows(ctx.db, ctx.scope, f);
  // The first page carries the count of what the filters match (the list's title shows it).
  const total = f.cursor ? undefined : await countPetitions(ctx.db, ctx.scope, f);
  return { items: page.items.map((p) => presentListItem(ctx, p)), nextCursor: page.nextCursor, total };
}

export async function petitionCount(ctx: SignedInContext, f: PetitionListQuery) {
  return { total: await countPetitions(ctx.db, ctx.scope, f) };
}

/** The petition page: every read leaves an audit row (auditDetailRead), identities clear only with the class. */
export async function getPetition(ctx: SignedInContext, id: string) {
  const p = await findPetition(ctx.db, ctx.scope, id);
  if (!p) throw notFound('petition');
  await auditDetailRead(ctx, { ownerType: 'petition', ownerId: p.id });
  const subjects = await subjectsOf(ctx.db, p.id);
  const [receiving, responsible] = await Promise.all([
    orgById(ctx.db, p.receiving_org_id),
    p.responsible_org_id ? orgById(ctx.db, p.responsible_org_id) : undefined,
  ]);
  return {
    ...presentListItem(ctx, {
      ...p,
      receivingOrgName: receiving?.name ?? '',
      responsibleOrgName: responsible?.name ?? null,
    }),
    demands: p.demands,
    address: p.address,
    firstReceiverName: p.first_receiver_name,
    receivingOrgId: p.receiving_org_id,
    responsibleOrgId: p.responsible_org_id,
    respondentOrgId: p.respondent_org_id,
    repeatOf: p.repeat_of,
    repeatCount: p.repeat_count,
    route: p.route,
    routedAt: iso(p.routed_at),
    acceptedAt: iso(p.accepted_at),
    extension: p.extension ?? null,
    answeredAt: iso(p.answered_at),
    servedAt: iso(p.served_at),
    serveMethod: p.serve_method,
    answerDocumentId: p.answer_document_id,
    satisfaction: p.satisfaction,
    reviewRequestedAt: iso(p.review_requested_at),
    reviewServedAt: iso(p.review_served_at),
    reviewUpheld: p.review_upheld,
    recheckRequestedAt: iso(p.recheck_requested_at),
    hearingSince: iso(p.hearing_since),
    hearings: p.hearings ?? [],
    concludedAt: iso(p.concluded_at),
    conclusion: p.conclusion,
    representatives: subjects
      .filter((s) => s.role === 'representative')
      .map((s) => ({ id: s.id, ...identity(ctx, { name: s.name, idNumber: s.id_number, phone: s.phone }) })),
    allowedActions: allowedActions(ctx, PETITION_WORKFLOW, p, null),
  };
}

export async function petitionAction(ctx: SignedInContext, id: string, input: TransitionInput) {
  await performTransition(ctx, PETITION_WORKFLOW, id, input);
  return getPetition(ctx, id);
}

/**
 * The desk's ID lookup: the person as the registry knows them and their earlier petitions the caller may see,
 * so a repeat is seen before the form is filled. Audited: looking someone up is reading 特定身份 data.
 */
export async function deskLookup(ctx: SignedInContext, idNumber: string) {
  const person = await personByIdNumber(ctx.db, idNumber.toUpperCase());
  const history = await petitionsOfPerson(ctx.db, ctx.scope, idNumber.toUpperCase());
  await audit(ctx, {
    action: 'petition.desk_lookup',
    entityType: 'person',
    entityId: person?.id ?? null,
    summary: `looked up petitions of ID ${maskCitizenId(idNumber)}`,
  });
  return {
    person: person
      ? {
          id: person.id,
          ...identity(ctx, { name: person.name, idNumber: person.id_number, phone: person.phone }),
        }
      : null,
    history: history.map((h) => ({
      id: h.id,
      number: h.number,
      summary: h.summary,
      category: h.category,
      status: h.status,
      receivedAt: iso(h.received_at)!,
      answeredAt: iso(h.answered_at),
    })),
  };
}

/** The timeline of a petition the caller may see (the same scope and accusation rule as the page). */
export async function getPetitionEvents(ctx: SignedInContext, id: string) {
  const p = await findPetition(ctx.db, ctx.scope, id);
  if (!p) throw notFound('petition');
  const rows = await petitionEvents(ctx.db, p.id);
  return {
    items: rows.map((e) => ({
      id: String(e.id),
      at: iso(e.at)!,
      actorName: e.actor_name,
      actorOrg: e.actor_org,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
      data: e.data,
    })),
  };
}

import {
  committeeWarnings,
  type bodyInput,
  type mediatorInput,
  type memberInput,
} from '@civicgrid/shared/mediation';
import type { z } from 'zod';
import { audit } from '../../core/audit.ts';
import { localDay } from '../../core/calendar.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import * as repo from './body-repository.ts';

type Member = Awaited<ReturnType<typeof repo.membersOf>>[number];
const today = (ctx: SignedInContext) => localDay(ctx.clock.now());
const warningsOf = (kind: string, members: readonly Member[], day: string) =>
  committeeWarnings(
    kind,
    members.map((m) => ({ position: m.position, sex: m.sex, from: m.from_date, to: m.to_date })),
    day,
  );

function presentBody(b: NonNullable<Awaited<ReturnType<typeof repo.findBody>>>) {
  return {
    id: b.id,
    name: b.name,
    kind: b.kind,
    orgId: b.org_id,
    orgName: b.org_name,
    orgLevel: b.org_level,
    parentBodyId: b.parent_body_id,
    parentName: b.parent_name,
    termStart: b.term_start,
    termEnd: b.term_end,
    phone: b.phone,
    address: b.address,
    acceptEscalations: b.accept_escalations,
    version: b.version,
  };
}

export async function listBodies(ctx: SignedInContext, f: repo.BodyFilter) {
  const day = today(ctx);
  const page = await repo.listBodies(ctx.db, ctx.scope, f, day);
  const members = await repo.membersOf(
    ctx.db,
    page.items.map((b) => b.id),
  );
  return {
    items: page.items.map((b) => ({
      ...presentBody(b),
      memberCount: b.counts.n,
      warnings: warningsOf(
        b.kind,
        members.filter((m) => m.body_id === b.id),
        day,
      ),
    })),
    nextCursor: page.nextCursor,
  };
}

export async function getBody(ctx: SignedInContext, id: string) {
  const b = await repo.findBody(ctx.db, ctx.scope, id);
  if (!b) throw notFound('mediation body');
  const [members, mediators, counts] = await Promise.all([
    repo.membersOf(ctx.db, [id]),
    repo.mediatorsOfBody(ctx.db, id),
    repo.bodyDisputeCounts(ctx.db, id),
  ]);
  const day = today(ctx);
  return {
    ...presentBody(b),
    warnings: warningsOf(b.kind, members, day),
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      sex: m.sex,
      position: m.position,
      from: m.from_date,
      to: m.to_date,
      active: m.from_date <= day && (!m.to_date || m.to_date >= day),
    })),
    mediators: mediators.map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind,
      status: m.status,
      stars: m.stars,
    })),
    disputes: Object.fromEntries(counts.map((c) => [c.status, c.n])),
  };
}

export async function createBody(ctx: SignedInContext, input: z.infer<typeof bodyInput>) {
  return inTransaction(ctx, async (tx) => {
    const org = await repo.orgInScope(tx.db, tx.scope, input.orgId);
    if (!org) throw badRequest('orgId', 'no such unit in your part of the tree');
    if (input.parentBodyId && !(await repo.findBody(tx.db, tx.scope, input.parentBodyId)))
      throw badRequest('parentBodyId', 'no such body in your part of the tree');
    if (input.termStart && input.termEnd && input.termEnd <= input.termStart)
      throw badRequest('termEnd', 'must be after termStart');
    const row = await repo.insertBody(tx.db, {
      name: input.name,
      kind: input.kind,
      org_id: org.id,
      org_path: org.path,
      parent_body_id: input.parentBodyId ?? null,
      term_start: input.termStart ?? null,
      term_end: input.termEnd ?? null,
      phone: input.phone ?? null,
      address: input.address ?? null,
      accept_escalations: input.acceptEscalations,
    });
    await audit(tx, {
      action: 'mediation.body.create',
      entityType: 'mediation_body',
      entityId: row.id,
      orgId: org.id,
      summary: `set up ${input.name}`,
      after: input,
    });
    return getBody(tx, row.id);
  });
}

export async function addMember(ctx: SignedInContext, bodyId: string, input: z.infer<typeof memberInput>) {
  return inTransaction(ctx, async (tx) => {
    const b = await repo.findBody(tx.db, tx.scope, bodyId);
    if (!b) throw notFound('mediation body');
    if (input.to && input.to < input.from) throw badRequest('to', 'must not be before from');
    // The registry's record is the truth of a person's sex where the member is a registered resident.
    const sex = input.personId ? ((await repo.personSex(tx.db, input.personId)) ?? input.sex) : input.sex;
    const row = await repo.insertMember(tx.db, {
      body_id: bodyId,
      person_id: input.personId ?? null,
      user_id: input.userId ?? null,
      name: input.name,
      sex,
      position: input.position,
      from_date: input.from,
      to_date: input.to ?? null,
    });
    await audit(tx, {
      action: 'mediation.member.add',
      entityType: 'mediation_body',
      entityId: bodyId,
      orgId: b.org_id,
      summary: `${input.name} joins ${b.name} as ${input.position}`,
      after: { memberId: row.id, ...input },
    });
    return getBody(tx, bodyId);
  });
}

export async function listMediators(ctx: SignedInContext, f: repo.MediatorFilter) {
  const page = await repo.listMediators(ctx.db, ctx.scope, f);
  const figures = await repo.mediatorFigures(
    ctx.db,
    page.items.map((m) => m.id),
  );
  return {
    items: page.items.map((m) => {
      const x = figures.get(m.id) ?? { open: 0, concluded: 0, succeeded: 0, failed: 0 };
      return {
        id: m.id,
        name: m.name,
        kind: m.kind,
        bodyId: m.body_id,
        bodyName: m.body_name,
        userId: m.user_id,
        specialities: m.specialities as string[],
        certificate: m.certificate,
        status: m.status,
        stars: m.stars,
        open: x.open,
        concluded: x.concluded,
        succeeded: x.succeeded,
        successRate: x.succeeded + x.failed ? x.succeeded / (x.succeeded + x.failed) : null,
      };
    }),
    nextCursor: page.nextCursor,
  };
}

export async function createMediator(ctx: SignedInContext, input: z.infer<typeof mediatorInput>) {
  return inTransaction(ctx, async (tx) => {
    const b = await repo.findBody(tx.db, tx.scope, input.bodyId);
    if (!b) throw badRequest('bodyId', 'no such body in your part of the tree');
    const row = await repo.insertMediator(tx.db, {
      body_id: b.id,
      org_path: b.org_path,
      user_id: input.userId ?? null,
      name: input.name,
      kind: input.kind,
      specialities: JSON.stringify(input.specialities),
      certificate: input.certificate ?? null,
      training: input.training ?? null,
      stars: null,
    });
    await audit(tx, {
      action: 'mediation.mediator.create',
      entityType: 'mediator',
      entityId: row.id,
      orgId: b.org_id,
      summary: `${input.name} mediates for ${b.name}`,
      after: input,
    });
    return { id: row.id };
  });
}

import type { z } from 'zod';
import type { agentCreate, agentQuery, stationCreate } from '@civicgrid/shared/petitions-cases';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import { pathIsInScope } from '../../core/org-scope.ts';
import * as repo from './agent-repository.ts';
import { orgById } from './repository.ts';

type Ctx = SignedInContext;

export async function listStations(ctx: Ctx) {
  const rows = await repo.listStations(ctx.db, ctx.scope);
  return {
    items: rows.map((s) => ({
      id: s.id,
      name: s.name,
      level: s.level,
      orgId: s.org_id,
      orgName: s.org_name,
      parentStationId: s.parent_station_id,
      phone: s.phone,
      hours: s.hours,
      agents: s.agents,
      openMatters: s.open_matters,
    })),
  };
}

export async function createStation(ctx: Ctx, input: z.infer<typeof stationCreate>) {
  const org = await orgById(ctx.db, input.orgId);
  if (!org || !pathIsInScope(ctx.scope, org.path))
    throw badRequest('orgId', 'no such org in your part of the tree');
  if (input.parentStationId && !(await repo.findStation(ctx.db, ctx.scope, input.parentStationId)))
    throw badRequest('parentStationId', 'no such station in your part of the tree');
  const id = await inTransaction(ctx, async (tx) => {
    const sid = await repo.insertStation(tx.db, {
      name: input.name,
      level: input.level,
      orgId: org.id,
      orgPath: org.path,
      parentId: input.parentStationId ?? null,
      phone: input.phone ?? null,
      hours: input.hours ?? null,
      now: tx.clock.now(),
    });
    await audit(tx, {
      action: 'agent_station.create',
      entityType: 'agent_station',
      entityId: sid,
      orgId: org.id,
      summary: input.name,
    });
    return sid;
  });
  return (await listStations(ctx)).items.find((s) => s.id === id)!;
}

function presentAgent(a: NonNullable<Awaited<ReturnType<typeof repo.findAgent>>>) {
  return {
    id: a.id,
    name: a.name,
    kind: a.kind,
    tenure: a.tenure,
    area: a.area,
    phone: a.phone,
    active: a.active,
    stationId: a.station_id,
    stationName: a.station_name,
    isUser: !!a.user_id,
    matters: a.matters,
    closed: a.closed,
  };
}

export async function listAgents(ctx: Ctx, f: z.infer<typeof agentQuery>) {
  const page = await repo.listAgents(ctx.db, ctx.scope, f);
  const total = f.cursor ? undefined : await repo.countAgents(ctx.db, ctx.scope, f);
  return { items: page.items.map(presentAgent), nextCursor: page.nextCursor, total };
}

/** The caller's own agent record (the phone view's header), or null for staff who are not agents. */
export async function myAgent(ctx: Ctx) {
  const a = await repo.agentOfUser(ctx.db, ctx.scope, ctx.user.id);
  return { agent: a ? presentAgent(a) : null };
}

export async function createAgent(ctx: Ctx, input: z.infer<typeof agentCreate>) {
  const station = await repo.findStation(ctx.db, ctx.scope, input.stationId);
  if (!station) throw badRequest('stationId', 'no such station in your part of the tree');
  const person = await repo.personInScope(ctx.db, ctx.scope, input.personId);
  if (!person) throw badRequest('personId', 'no such person in your part of the tree');
  const id = await inTransaction(ctx, async (tx) => {
    const aid = await repo.insertAgent(tx.db, {
      stationId: station.id,
      orgPath: station.org_path,
      personId: person.id,
      userId: input.userId ?? null,
      name: person.name,
      kind: input.kind,
      tenure: input.tenure,
      area: input.area ?? null,
      phone: input.phone ?? person.phone ?? null,
      now: tx.clock.now(),
    });
    if (!aid) throw conflict('this person is already an agent of the station');
    await audit(tx, {
      action: 'petition_agent.create',
      entityType: 'petition_agent',
      entityId: aid,
      orgId: station.org_id,
      summary: `${person.name} at ${station.name}`,
    });
    return aid;
  });
  return presentAgent((await repo.findAgent(ctx.db, ctx.scope, id))!);
}

import type { AgentMatterCreate, AgentMatterQuery } from '@civicgrid/shared/petitions-cases';
import type { PetitionRegisterInput } from '@civicgrid/shared/petitions';
import { audit } from '../../core/audit.ts';
import { hasPermission, inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, conflict, notFound, staleVersion } from '../../core/errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../../core/idempotency.ts';
import { writeEvent } from '../../core/workflow/store.ts';
import * as network from './agent-repository.ts';
import * as repo from './agent-matter-repository.ts';
import { registerPetition } from './register-service.ts';

type Ctx = SignedInContext;
const orgOf = (path: string) => path.split('/').filter(Boolean).at(-1) ?? null;
const maskName = (n: string) => (n.length <= 1 ? '*' : `${n[0]}${'*'.repeat(Math.min(n.length - 1, 2))}`);
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Client and content are petition data: in clear only under the petition class. */
function presentMatter(ctx: Ctx, m: repo.MatterRow) {
  const clear = hasPermission(ctx, 'class.petition.read');
  const steps = (m.steps as repo.AgentStep[]) ?? [];
  return {
    id: m.id,
    agentId: m.agent_id,
    agentName: m.agent_name,
    stationId: m.station_id,
    stationName: m.station_name,
    kind: m.kind,
    clientName: clear ? m.client_name : maskName(m.client_name),
    summary: clear ? m.summary : null,
    masked: !clear,
    acceptedAt: iso(m.accepted_at)!,
    status: m.status as 'open' | 'closed',
    result: clear ? m.result : null,
    rating: m.rating,
    closedAt: iso(m.closed_at),
    petitionId: m.petition_id,
    petitionNumber: m.petition_number,
    stepCount: steps.length,
    version: m.version,
  };
}

export async function listMatters(ctx: Ctx, f: AgentMatterQuery) {
  const page = await repo.listMatters(ctx.db, ctx.scope, f, ctx.user.id);
  const { cursor, limit: _l, ...filters } = f;
  const total = cursor ? undefined : await repo.countMatters(ctx.db, ctx.scope, filters, ctx.user.id);
  return { items: page.items.map((m) => presentMatter(ctx, m)), nextCursor: page.nextCursor, total };
}

/** The matter page: every read audited. */
export async function getMatter(ctx: Ctx, id: string) {
  const m = await repo.findMatter(ctx.db, ctx.scope, id);
  if (!m) throw notFound('agent matter');
  await audit(ctx, {
    action: 'agent_matter.class_view',
    entityType: 'agent_matter',
    entityId: m.id,
    orgId: orgOf(m.org_path),
    summary: `read agent matter of ${m.agent_name}`,
  });
  const clear = hasPermission(ctx, 'class.petition.read');
  const steps = (m.steps as repo.AgentStep[]) ?? [];
  return { ...presentMatter(ctx, m), steps: steps.map((s) => ({ ...s, text: clear ? s.text : null })) };
}

/** 代办: the agent (the caller unless named) takes a resident's matter on their behalf. */
export async function createMatter(ctx: Ctx, input: AgentMatterCreate, key: string | null) {
  const hash = key ? requestFingerprint(input) : null;
  if (key) {
    const had = await repo.matterByKey(ctx.db, key);
    if (had) {
      if (had.idempotency_hash !== hash) throw idempotencyKeyReused();
      return { ...(await getMatter(ctx, had.id)), replayed: true };
    }
  }
  const agent = input.agentId
    ? await network.findAgent(ctx.db, ctx.scope, input.agentId)
    : await network.agentOfUser(ctx.db, ctx.scope, ctx.user.id);
  if (!agent) throw badRequest('agentId', 'no such active agent in your part of the tree');
  const client = input.clientPersonId
    ? await network.personInScope(ctx.db, ctx.scope, input.clientPersonId)
    : null;
  if (input.clientPersonId && !client)
    throw badRequest('clientPersonId', 'no such person in your part of the tree');
  const id = await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const mid = await repo.insertMatter(tx.db, {
      agentId: agent.id,
      stationId: agent.station_id,
      orgPath: agent.org_path,
      kind: input.kind,
      clientPersonId: client?.id ?? null,
      clientName: client?.name ?? input.clientName,
      summary: input.summary,
      steps: [{ at: now.toISOString(), by: tx.user.displayName, text: '受理代办' }],
      now,
      key,
      hash,
    });
    await audit(tx, {
      action: 'agent_matter.create',
      entityType: 'agent_matter',
      entityId: mid,
      orgId: orgOf(agent.org_path),
      summary: `${input.kind} matter taken by ${agent.name}`,
    });
    return mid;
  });
  return { ...(await getMatter(ctx, id)), replayed: false };
}

async function changeMatter(
  ctx: Ctx,
  id: string,
  version: number,
  change: (m: repo.MatterRow, step: repo.AgentStep[]) => Parameters<typeof repo.updateMatter>[3],
  action: string,
) {
  await inTransaction(ctx, async (tx) => {
    const m = await repo.findMatter(tx.db, tx.scope, id, true);
    if (!m) throw notFound('agent matter');
    if (m.version !== version) throw staleVersion(m.version);
    if (m.status !== 'open') throw conflict('the matter is closed');
    const steps = (m.steps as repo.AgentStep[]) ?? [];
    if (!(await repo.updateMatter(tx.db, id, version, change(m, steps)))) throw staleVersion(m.version);
    await audit(tx, {
      action,
      entityType: 'agent_matter',
      entityId: id,
      orgId: orgOf(m.org_path),
      summary: action,
    });
  });
  return getMatter(ctx, id);
}

const step = (ctx: Ctx, text: string): repo.AgentStep => ({
  at: ctx.clock.now().toISOString(),
  by: ctx.user.displayName,
  text,
});

export function addStep(ctx: Ctx, id: string, input: { version: number; text: string }) {
  return changeMatter(
    ctx,
    id,
    input.version,
    (_m, steps) => ({ steps: [...steps, step(ctx, input.text)] }),
    'agent_matter.update',
  );
}

export function closeMatter(
  ctx: Ctx,
  id: string,
  input: { version: number; result: string; rating?: string | undefined },
) {
  return changeMatter(
    ctx,
    id,
    input.version,
    (_m, steps) => ({
      steps: [...steps, step(ctx, `办结：${input.result}`)],
      status: 'closed',
      result: input.result,
      rating: input.rating ?? null,
      closed_at: ctx.clock.now(),
    }),
    'agent_matter.close',
  );
}

/**
 * The agent registers the matter as a petition on the client's behalf: the petition keeps the agent matter,
 * the matter the petition, and the petition's timeline says who registered it for whom. Asking again answers
 * the petition already registered.
 */
export async function registerMatterPetition(
  ctx: Ctx,
  id: string,
  input: PetitionRegisterInput & { version: number },
  key: string | null,
) {
  const { version, ...petition } = input;
  return inTransaction(ctx, async (tx) => {
    const m = await repo.findMatter(tx.db, tx.scope, id, true);
    if (!m) throw notFound('agent matter');
    if (m.petition_id) return { id: m.petition_id, alerts: null, replayed: true };
    if (m.version !== version) throw staleVersion(m.version);
    if (m.status !== 'open') throw conflict('the matter is closed');
    const r = await registerPetition(tx, petition, key);
    const steps = [...((m.steps as repo.AgentStep[]) ?? []), step(tx, '代为登记信访事项')];
    if (!(await repo.updateMatter(tx.db, id, version, { steps, petition_id: r.id })))
      throw staleVersion(m.version);
    await repo.linkPetitionToMatter(tx.db, r.id, id);
    await writeEvent(
      tx.db,
      { ownerType: 'petition', ownerId: r.id },
      {
        at: tx.clock.now(),
        actor: tx.user,
        action: 'agent_register',
        note: `信访代理员 ${m.agent_name}（${m.station_name}）代为登记`,
        data: { agentMatterId: id, agent: m.agent_name },
      },
    );
    await audit(tx, {
      action: 'agent_matter.register',
      entityType: 'agent_matter',
      entityId: id,
      orgId: orgOf(m.org_path),
      summary: `registered as petition ${r.number ?? r.id}`,
    });
    return r;
  });
}

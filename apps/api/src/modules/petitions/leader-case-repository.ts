import { sql } from 'kysely';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { writeEvent } from '../../core/workflow/store.ts';
import { findPetition } from './repository.ts';

const owner = (id: string) => ({ ownerType: 'petition', ownerId: id });

async function petitionOrThrow(ctx: SignedInContext, id: string) {
  const p = await findPetition(ctx.db, ctx.scope, id);
  if (!p) throw notFound('petition');
  return p;
}

/** 领导包案: a leader in the caller's part of the tree takes the petition, with a plan and a target date. */
export async function assignLeaderCase(
  ctx: SignedInContext,
  id: string,
  input: { leaderId: string; targetDate: string; plan: string },
) {
  const p = await petitionOrThrow(ctx, id);
  if (p.leader_case_id) throw conflict('this petition already has a leader case');
  const leader = await ctx.db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.display_name', 'o.path'])
    .where('u.id', '=', input.leaderId)
    .where('u.status', '=', 'active')
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .executeTakeFirst();
  if (!leader) throw badRequest('leaderId', 'no such user in your part of the tree');
  const now = ctx.clock.now();
  if (input.targetDate < now.toISOString().slice(0, 10))
    throw badRequest('targetDate', 'cannot be in the past');
  return inTransaction(ctx, async (tx) => {
    const c = await tx.db
      .insertInto('leader_cases')
      .values({
        org_path: leader.path,
        leader_id: leader.id,
        leader_name: leader.display_name,
        plan: input.plan,
        since: now,
        target_date: input.targetDate,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db
      .updateTable('petitions')
      .set({ leader_case_id: c.id, updated_at: now })
      .where('id', '=', id)
      .execute();
    await writeEvent(tx.db, owner(id), {
      at: now,
      actor: tx.user,
      action: 'leader_case',
      note: `${leader.display_name} 包案，目标 ${input.targetDate}`,
      data: { leader: leader.display_name, targetDate: input.targetDate },
    });
    await audit(tx, {
      action: 'leader_case.assign',
      entityType: 'leader_case',
      entityId: c.id,
      summary: `leader case for ${p.number}: ${leader.display_name}`,
    });
    return leaderCaseOf(tx, id);
  });
}

/** The leader (or the 督查) reports progress; the note goes on the petition's timeline. */
export async function leaderCaseProgress(ctx: SignedInContext, id: string, text: string) {
  const c = await openCase(ctx, id);
  await writeEvent(ctx.db, owner(id), {
    at: ctx.clock.now(),
    actor: ctx.user,
    action: 'leader_progress',
    note: text,
  });
  await audit(ctx, {
    action: 'leader_case.update',
    entityType: 'leader_case',
    entityId: c.id,
    summary: 'progress',
  });
  return leaderCaseOf(ctx, id);
}

export async function closeLeaderCase(
  ctx: SignedInContext,
  id: string,
  input: { outcome: 'resolved' | 'not_resolved'; text?: string | undefined },
) {
  const c = await openCase(ctx, id);
  const now = ctx.clock.now();
  await ctx.db
    .updateTable('leader_cases')
    .set({ status: input.outcome, resolved_at: input.outcome === 'resolved' ? now : null })
    .where('id', '=', c.id)
    .execute();
  await writeEvent(ctx.db, owner(id), {
    at: now,
    actor: ctx.user,
    action: 'leader_close',
    note: input.text ?? null,
    data: { outcome: input.outcome },
  });
  await audit(ctx, {
    action: 'leader_case.close',
    entityType: 'leader_case',
    entityId: c.id,
    summary: input.outcome,
  });
  return leaderCaseOf(ctx, id);
}

async function openCase(ctx: SignedInContext, id: string) {
  const p = await petitionOrThrow(ctx, id);
  if (!p.leader_case_id) throw notFound('leader case');
  const c = await ctx.db
    .selectFrom('leader_cases')
    .select(['id', 'status', 'leader_id'])
    .where('id', '=', p.leader_case_id)
    .executeTakeFirstOrThrow();
  if (c.status !== 'open') throw conflict(`the leader case is ${c.status}`);
  return c;
}

export async function leaderCaseOf(ctx: Pick<SignedInContext, 'db' | 'scope'>, id: string) {
  const p = await findPetition(ctx.db, ctx.scope, id);
  if (!p) throw notFound('petition');
  if (!p.leader_case_id) return { leaderCase: null };
  const c = await ctx.db
    .selectFrom('leader_cases')
    .select([
      'id',
      'leader_id',
      'leader_name',
      'plan',
      'since',
      'status',
      'resolved_at',
      sql<string>`to_char(target_date, 'YYYY-MM-DD')`.as('target'),
    ])
    .where('id', '=', p.leader_case_id)
    .executeTakeFirstOrThrow();
  return {
    leaderCase: {
      id: c.id,
      leaderId: c.leader_id,
      leaderName: c.leader_name,
      plan: c.plan,
      since: new Date(c.since).toISOString(),
      targetDate: c.target,
      status: c.status,
      resolvedAt: c.resolved_at ? new Date(c.resolved_at).toISOString() : null,
    },
  };
}

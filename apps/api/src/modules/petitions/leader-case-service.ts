import type { LeaderCaseCreate, LeaderCaseQuery } from '@civicgrid/shared/petitions-cases';
import { audit } from '../../core/audit.ts';
import { localDay } from '../../core/calendar.ts';
import { hasPermission, inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, conflict, notFound, staleVersion } from '../../core/errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../../core/idempotency.ts';
import { writeEvent } from '../../core/workflow/store.ts';
import * as repo from './leader-case-repository.ts';
import { findPetition, userInScope, visiblePetitionIds } from './repository.ts';

type Ctx = SignedInContext;
const owner = (id: string) => ({ ownerType: 'petition', ownerId: id });
const orgOf = (path: string) => path.split('/').filter(Boolean).at(-1) ?? null;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The calendar day in the district, for due dates and "overdue". */
export const today = (ctx: Pick<Ctx, 'clock'>) => localDay(ctx.clock.now());

/** Title, plan and progress are petition content: in clear only under the petition class. */
function present(
  ctx: Ctx,
  c: repo.LeaderCaseRow,
  petitions: { id: string; number: string; status: string }[],
) {
  const clear = hasPermission(ctx, 'class.petition.read');
  const day = today(ctx);
  const progress = (c.progress as repo.ProgressReport[]) ?? [];
  const last = progress.at(-1);
  return {
    id: c.id,
    leaderId: c.leader_id,
    leaderName: c.leader_name,
    title: clear ? c.title : null,
    masked: !clear,
    since: new Date(c.since).toISOString(),
    targetDate: c.target,
    progressDue: c.status === 'open' ? c.progress_due : null,
    progressEveryDays: c.progress_every_days,
    progressCount: progress.length,
    lastProgressAt: last?.at ?? null,
    status: c.status as 'open' | 'resolved' | 'not_resolved',
    overdue: c.status === 'open' && c.target < day,
    progressOverdue: c.status === 'open' && !!c.progress_due && c.progress_due < day,
    resolvedAt: c.resolved_at ? new Date(c.resolved_at).toISOString() : null,
    petitions: petitions.map((p) => ({ id: p.id, number: p.number, status: p.status })),
    version: c.version,
  };
}

async function caseOrThrow(ctx: Ctx, id: string, lock = false) {
  const c = await repo.findLeaderCase(ctx.db, ctx.scope, id, lock);
  if (!c) throw notFound('leader case');
  return c;
}

/** The board: one row per case, with the numbers of its petitions the caller may see; the first page counts. */
export async function listLeaderCases(ctx: Ctx, f: LeaderCaseQuery) {
  const day = today(ctx);
  const page = await repo.listLeaderCases(ctx.db, ctx.scope, f, day);
  const petitions = await repo.petitionsOfCases(
    ctx.db,
    ctx.scope,
    page.items.map((c) => c.id),
  );
  const of = (id: string) => petitions.filter((p) => p.leader_case_id === id);
  const { cursor, limit: _l, ...filters } = f;
  const total = cursor ? undefined : await repo.countLeaderCases(ctx.db, ctx.scope, filters, day);
  return { items: page.items.map((c) => present(ctx, c, of(c.id))), nextCursor: page.nextCursor, total };
}

export async function leaderCaseCount(ctx: Ctx, f: Omit<LeaderCaseQuery, 'limit' | 'cursor'>) {
  return { total: await repo.countLeaderCases(ctx.db, ctx.scope, f, today(ctx)) };
}

/** The case page: every read leaves an audit row, plan and progress in clear only under the class. */
export async function getLeaderCase(ctx: Ctx, id: string) {
  const c = await caseOrThrow(ctx, id);
  await audit(ctx, {
    action: 'leader_case.class_view',
    entityType: 'leader_case',
    entityId: c.id,
    orgId: orgOf(c.org_path),
    summary: `read leader case of ${c.leader_name}`,
  });
  const petitions = await repo.petitionsOfCases(ctx.db, ctx.scope, [c.id]);
  const clear = hasPermission(ctx, 'class.petition.read');
  const progress = (c.progress as repo.ProgressReport[]) ?? [];
  return {
    ...present(ctx, c, petitions),
    plan: clear ? c.plan : null,
    closingNote: clear ? c.closing_note : null,
    progress: progress.map((r) => ({ at: r.at, by: r.by, text: clear ? r.text : null })),
    petitionSummaries: clear ? petitions.map((p) => ({ id: p.id, summary: p.summary })) : [],
  };
}

/** 领导包案: a leader of the caller's part of the tree takes one or more petitions, with a plan and target. */
export async function createLeaderCase(ctx: Ctx, input: LeaderCaseCreate, key: string | null) {
  const hash = key ? requestFingerprint(input) : null;
  if (key) {
    const had = await repo.leaderCaseByKey(ctx.db, key);
    if (had) {
      if (had.idempotency_hash !== hash) throw idempotencyKeyReused();
      return { ...(await getLeaderCase(ctx, had.id)), replayed: true };
    }
  }
  const ids = [...new Set(input.petitionIds)];
  const visible = await visiblePetitionIds(ctx.db, ctx.scope, ids);
  const missing = ids.findIndex((id) => !visible.has(id));
  if (missing >= 0) throw badRequest(`petitionIds.${missing}`, 'no such petition in your sight');
  const leader = await userInScope(ctx.db, ctx.scope, input.leaderId);
  if (!leader) throw badRequest('leaderId', 'no such user in your part of the tree');
  const day = today(ctx);
  if (input.targetDate < day) throw badRequest('targetDate', 'cannot be in the past');
  const id = await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const rows = await Promise.all(ids.map((pid) => findPetition(tx.db, tx.scope, pid)));
    const taken = rows.find((p) => p?.leader_case_id);
    if (taken) throw conflict(`petition ${taken.number} already has a leader case`);
    const caseId = await repo.insertLeaderCase(tx.db, {
      orgPath: leader.path,
      leaderId: leader.id,
      leaderName: leader.display_name,
      title: input.title ?? null,
      plan: input.plan,
      targetDate: input.targetDate,
      everyDays: input.progressEveryDays,
      progressDue: addDays(day, input.progressEveryDays),
      now,
      key,
      hash,
    });
    await repo.linkPetitions(tx.db, caseId, ids, now);
    for (const pid of ids)
      await writeEvent(tx.db, owner(pid), {
        at: now,
        actor: tx.user,
        action: 'leader_case',
        note: `${leader.display_name} 包案，目标 ${input.targetDate}`,
        data: { leader: leader.display_name, targetDate: input.targetDate, leaderCaseId: caseId },
      });
    await audit(tx, {
      action: 'leader_case.create',
      entityType: 'leader_case',
      entityId: caseId,
      orgId: orgOf(leader.path),
      summary: `leader case of ${leader.display_name} over ${ids.length} petition(s)`,
    });
    return caseId;
  });
  return { ...(await getLeaderCase(ctx, id)), replayed: false };
}

/** Writes a versioned change of an open case and a timeline note on each of its petitions, in one transaction. */
async function changeOpenCase(
  ctx: Ctx,
  id: string,
  version: number,
  change: (c: repo.LeaderCaseRow, now: Date) => Parameters<typeof repo.updateLeaderCase>[3],
  event: { action: string; note: string | null; data?: Record<string, unknown> },
  auditAction: string,
  extraPetition?: string,
) {
  await inTransaction(ctx, async (tx) => {
    const c = await caseOrThrow(tx, id, true);
    if (c.version !== version) throw staleVersion(c.version);
    if (c.status !== 'open') throw conflict(`the leader case is ${c.status}`);
    const now = tx.clock.now();
    if (!(await repo.updateLeaderCase(tx.db, id, version, change(c, now), now)))
      throw staleVersion(c.version);
    const petitions = await repo.petitionsOfCases(tx.db, tx.scope, [id]);
    const ids = new Set([...petitions.map((p) => p.id), ...(extraPetition ? [extraPetition] : [])]);
    for (const pid of ids) await writeEvent(tx.db, owner(pid), { at: now, actor: tx.user, ...event });
    await audit(tx, {
      action: auditAction,
      entityType: 'leader_case',
      entityId: id,
      orgId: orgOf(c.org_path),
      summary: event.action,
    });
  });
  return getLeaderCase(ctx, id);
}

export async function addPetitionToCase(
  ctx: Ctx,
  id: string,
  input: { version: number; petitionId: string },
) {
  await caseOrThrow(ctx, id);
  const p = await findPetition(ctx.db, ctx.scope, input.petitionId);
  if (!p) throw badRequest('petitionId', 'no such petition in your sight');
  if (p.leader_case_id === id) return getLeaderCase(ctx, id);
  if (p.leader_case_id) throw conflict(`petition ${p.number} already has a leader case`);
  return inTransaction(ctx, async (tx) => {
    await repo.linkPetitions(tx.db, id, [p.id], tx.clock.now());
    return changeOpenCase(
      tx,
      id,
      input.version,
      () => ({}),
      { action: 'leader_case_add', note: p.number, data: { number: p.number } },
      'leader_case.add',
      p.id,
    );
  });
}

/** A progress report: on every petition's timeline; the next report falls due N days from today. */
export function reportProgress(ctx: Ctx, id: string, input: { version: number; text: string }) {
  return changeOpenCase(
    ctx,
    id,
    input.version,
    (c, now) => ({
      progress: [
        ...((c.progress as repo.ProgressReport[]) ?? []),
        { at: now.toISOString(), by: ctx.user.displayName, text: input.text },
      ],
      next_progress_due: addDays(today(ctx), c.progress_every_days),
    }),
    { action: 'leader_progress', note: input.text },
    'leader_case.update',
  );
}

/** Closed 化解 (resolved) or 未化解 (not resolved); the outcome goes on every petition's timeline. */
export function closeLeaderCase(
  ctx: Ctx,
  id: string,
  input: { version: number; outcome: 'resolved' | 'not_resolved'; text?: string | undefined },
) {
  return changeOpenCase(
    ctx,
    id,
    input.version,
    (_c, now) => ({
      status: input.outcome,
      resolved_at: input.outcome === 'resolved' ? now : null,
      closing_note: input.text ?? null,
      next_progress_due: null,
    }),
    { action: 'leader_close', note: input.text ?? null, data: { outcome: input.outcome } },
    'leader_case.close',
  );
}

/** The petition page's view of its case (the same scope as the petition). */
export async function leaderCaseOf(ctx: Ctx, petitionId: string) {
  const p = await findPetition(ctx.db, ctx.scope, petitionId);
  if (!p) throw notFound('petition');
  if (!p.leader_case_id) return { leaderCase: null };
  const c = await repo.findLeaderCase(ctx.db, ctx.scope, p.leader_case_id);
  if (!c) return { leaderCase: null };
  const petitions = await repo.petitionsOfCases(ctx.db, ctx.scope, [c.id]);
  const clear = hasPermission(ctx, 'class.petition.read');
  return { leaderCase: { ...present(ctx, c, petitions), plan: clear ? c.plan : null } };
}

/** The shortcuts on the petition page act on the petition's case; the version is the case's when left out. */
export async function caseOfPetition(ctx: Ctx, petitionId: string, version?: number) {
  const p = await findPetition(ctx.db, ctx.scope, petitionId);
  if (!p) throw notFound('petition');
  if (!p.leader_case_id) throw notFound('leader case');
  const c = await caseOrThrow(ctx, p.leader_case_id);
  return { id: c.id, version: version ?? c.version };
}

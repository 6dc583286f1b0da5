import type { PostInput } from '@civicgrid/shared/volunteers';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import {
  addDays,
  coverageOf,
  isoWeekday,
  patternShifts,
  requiredWindows,
  shanghaiInstant,
  type PostPattern,
} from './coverage.ts';
import * as repo from './post-repository.ts';
import { findTeam, orgInScope } from './volunteer-repository.ts';

export const patternOf = (p: repo.PostRow): PostPattern => ({
  pattern: p.pattern as { start: string; end: string }[],
  weekdays: p.weekdays,
  coverageStart: p.coverage_start,
  coverageEnd: p.coverage_end,
  activeFrom: p.active_from,
  activeTo: p.active_to,
});

export function presentPost(p: repo.PostRow) {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    placeKind: p.place_kind,
    orgId: p.org_id,
    orgName: p.org_name,
    teamId: p.team_id,
    teamName: p.team_name,
    address: p.address,
    location: p.lng !== null && p.lat !== null ? { lng: p.lng, lat: p.lat } : null,
    coverageStart: p.coverage_start,
    coverageEnd: p.coverage_end,
    minPerShift: p.min_per_shift,
    pattern: p.pattern as { start: string; end: string }[],
    weekdays: p.weekdays,
    activeFrom: p.active_from,
    activeTo: p.active_to,
    version: p.version,
  };
}

export async function listPosts(ctx: SignedInContext, f: repo.PostFilter) {
  const page = await repo.listPosts(ctx.db, ctx.scope, f);
  return { items: page.items.map(presentPost), nextCursor: page.nextCursor };
}

/** A post with its coverage for the week holding `weekStart` (a Monday). */
export async function getPost(ctx: SignedInContext, id: string) {
  const p = await repo.findPost(ctx.db, ctx.scope, id);
  if (!p) throw notFound('post');
  return presentPost(p);
}

export async function createPost(ctx: SignedInContext, input: PostInput) {
  return inTransaction(ctx, async (tx) => {
    const org = await orgInScope(tx.db, tx.scope, input.orgId);
    if (!org) throw badRequest('orgId', 'no such unit in your part of the tree');
    if (input.teamId && !(await findTeam(tx.db, tx.scope, input.teamId)))
      throw badRequest('teamId', 'no such team in your part of the tree');
    if (input.activeFrom && input.activeTo && input.activeTo < input.activeFrom)
      throw badRequest('activeTo', 'must not be before activeFrom');
    const row = await repo.insertPost(tx.db, {
      name: input.name,
      kind: input.kind,
      place_kind: input.placeKind ?? 'other',
      org_id: org.id,
      org_path: org.path,
      team_id: input.teamId ?? null,
      address: input.address || null,
      lng: input.location?.lng ?? null,
      lat: input.location?.lat ?? null,
      coverage_start: input.coverageStart ?? '00:00',
      coverage_end: input.coverageEnd ?? '24:00',
      min_per_shift: input.minPerShift ?? 1,
      pattern: JSON.stringify(input.pattern),
      weekdays: input.weekdays ?? [1, 2, 3, 4, 5, 6, 7],
      active_from: input.activeFrom ?? null,
      active_to: input.activeTo ?? null,
      created_by: tx.user.id,
    });
    await audit(tx, {
      action: 'volunteer_post.create',
      entityType: 'volunteer_post',
      entityId: row.id,
      orgId: org.id,
      summary: `post ${input.name} at ${org.name}`,
      after: input,
    });
    return getPost(tx, row.id);
  });
}

const mondayCheck = (weekStart: string) => {
  if (isoWeekday(weekStart) !== 1) throw badRequest('weekStart', 'must be a Monday');
};

/** The week's shifts from the post's pattern; shifts already there stay as they are. */
export async function generateWeek(ctx: SignedInContext, postId: string, weekStart: string) {
  mondayCheck(weekStart);
  return inTransaction(ctx, async (tx) => {
    const p = await repo.findPost(tx.db, tx.scope, postId);
    if (!p) throw notFound('post');
    const created = await repo.insertShifts(tx.db, p, patternShifts(patternOf(p), weekStart));
    await audit(tx, {
      action: 'volunteer_shift.generate',
      entityType: 'volunteer_post',
      entityId: p.id,
      orgId: p.org_id,
      summary: `${created} shifts of ${p.name} for the week of ${weekStart}`,
      after: { weekStart, created },
    });
    return { created };
  });
}

type Shift = Awaited<ReturnType<typeof repo.shiftsOf>>[number];
const staffed = (s: Shift, min: number) => s.assignees.length >= min;

/** The coverage of a post over `days` days from `fromDay`: staffed shifts against its daily windows. */
export function postCoverage(p: repo.PostRow, shifts: readonly Shift[], fromDay: string, days: number) {
  return coverageOf(
    requiredWindows(patternOf(p), fromDay, days),
    shifts
      .filter((s) => s.post_id === p.id && staffed(s, p.min_per_shift))
      .map((s) => ({ start: s.starts_at, end: s.ends_at })),
  );
}

/** The roster grid: a week × posts, each post with its shifts, who is on them and its coverage and gaps. */
export async function roster(
  ctx: SignedInContext,
  q: { weekStart: string; teamId?: string | undefined; postId?: string | undefined },
) {
  mondayCheck(q.weekStart);
  const page = await repo.listPosts(ctx.db, ctx.scope, { teamId: q.teamId, limit: 100 });
  const posts = q.postId ? page.items.filter((p) => p.id === q.postId) : page.items;
  const from = shanghaiInstant(q.weekStart, 0);
  const to = shanghaiInstant(addDays(q.weekStart, 7), 0);
  const shifts = await repo.shiftsOf(
    ctx.db,
    posts.map((p) => p.id),
    from,
    to,
  );
  const names = await repo.volunteerNames(
    ctx.db,
    shifts.flatMap((s) => s.assignees),
  );
  return {
    weekStart: q.weekStart,
    days: Array.from({ length: 7 }, (_, i) => addDays(q.weekStart, i)),
    posts: posts.map((p) => ({
      ...presentPost(p),
      coverage: postCoverage(p, shifts, q.weekStart, 7),
      shifts: shifts
        .filter((s) => s.post_id === p.id)
        .map((s) => ({
          id: s.id,
          start: s.starts_at.toISOString(),
          end: s.ends_at.toISOString(),
          assignees: s.assignees.map((id) => ({ id, name: names.get(id) ?? '' })),
          understaffed: !staffed(s, p.min_per_shift),
          version: s.version,
        })),
    })),
  };
}

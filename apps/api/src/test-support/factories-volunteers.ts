import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { person, type FactoryOrg, type Subtree } from './factories.ts';

/** Factories of 群防群治: a team, a volunteer (a registry person), a 24-hour post and one shift of it. */

const tag = () => randomBytes(4).toString('hex');

export async function volunteerTeam(db: Db, at: FactoryOrg, leaderUserId: string | null = null) {
  return db
    .insertInto('volunteer_teams')
    .values({
      name: `巡逻队${tag()}`,
      kind: 'patrol',
      org_id: at.id,
      org_path: at.path,
      leader_user_id: leaderUserId,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

export async function volunteer(
  db: Db,
  at: Subtree,
  over: { validTo?: string | null; userId?: string | null; teamId?: string | null; employer?: string } = {},
) {
  const p = await person(db, at);
  const validTo = over.validTo === undefined ? '2030-12-31' : over.validTo;
  const v = await db
    .insertInto('volunteers')
    .values({
      person_id: p.id,
      org_id: at.street.id,
      org_path: at.street.path,
      kind: 'community',
      team_id: over.teamId ?? null,
      user_id: over.userId ?? null,
      skills: '[]',
      employer: over.employer ?? null,
      certificate_number: validTo ? `QF-${tag()}` : null,
      certificate_valid_to: validTo,
      trainings: '[]',
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  return { ...v, name: p.name };
}

export async function volunteerPost(
  db: Db,
  at: FactoryOrg,
  over: { teamId?: string | null; min?: number } = {},
) {
  return db
    .insertInto('volunteer_posts')
    .values({
      name: `钉子岗${tag()}`,
      kind: 'fixed',
      org_id: at.id,
      org_path: at.path,
      team_id: over.teamId ?? null,
      min_per_shift: over.min ?? 1,
      pattern: JSON.stringify([
        { start: '06:00', end: '14:00' },
        { start: '14:00', end: '22:00' },
        { start: '22:00', end: '06:00' },
      ]),
    })
    .returning(['id', 'org_path', 'name'])
    .executeTakeFirstOrThrow();
}

export async function volunteerShift(
  db: Db,
  post: { id: string; org_path: string },
  start: Date,
  hours = 8,
  assignees: string[] = [],
) {
  return db
    .insertInto('volunteer_shifts')
    .values({
      post_id: post.id,
      org_path: post.org_path,
      starts_at: start,
      ends_at: new Date(start.getTime() + hours * 3_600_000),
      assignees,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** One of each in a street subtree, for the route matrix. */
export async function volunteersIn(db: Db, at: Subtree) {
  const team = await volunteerTeam(db, at.street);
  const v = await volunteer(db, at, { teamId: team.id });
  const post = await volunteerPost(db, at.street, { teamId: team.id });
  const shift = await volunteerShift(db, post, new Date('2026-03-02T00:00:00Z'), 8, [v.id]);
  return { team, volunteer: v, post, shift };
}

import type { teamInput, VolunteerCreateInput, VolunteerUpdateInput } from '@civicgrid/shared/volunteers';
import type { z } from 'zod';
import { audit, diff } from '../../core/audit.ts';
import { localDay } from '../../core/calendar.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, notFound, staleVersion } from '../../core/errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../../core/idempotency.ts';
import { dutyHours } from './coverage.ts';
import * as repo from './volunteer-repository.ts';
import { presentVolunteer } from './volunteer-presenter.ts';

const today = (ctx: SignedInContext) => localDay(ctx.clock.now());

export async function listVolunteers(ctx: SignedInContext, f: repo.VolunteerFilter) {
  const day = today(ctx);
  const [page, total] = await Promise.all([
    repo.listVolunteers(ctx.db, ctx.scope, f, day),
    f.cursor ? Promise.resolve(undefined) : repo.countVolunteers(ctx.db, ctx.scope, f, day),
  ]);
  return {
    items: page.items.map((v) => presentVolunteer(v, day)),
    nextCursor: page.nextCursor,
    ...(total === undefined ? {} : { total }),
  };
}

export async function getVolunteer(ctx: SignedInContext, id: string) {
  const v = await repo.findVolunteer(ctx.db, ctx.scope, id);
  if (!v) throw notFound('volunteer');
  const [signins, hours] = await Promise.all([repo.signinsOf(ctx.db, id), repo.serviceHoursOf(ctx.db, id)]);
  return {
    ...presentVolunteer(v, today(ctx)),
    serviceHours: Math.round(hours * 100) / 100,
    signins: signins.map((s) => ({
      id: s.id,
      postName: s.post_name,
      signedInAt: s.signed_in_at.toISOString(),
      signedOutAt: s.signed_out_at?.toISOString() ?? null,
      hours: s.signed_out_at ? dutyHours(s, s.signed_in_at, s.signed_out_at) : null,
      confirmed: !!s.confirmed_at,
    })),
  };
}

type Fields = Omit<VolunteerCreateInput, 'personId' | 'orgId'> | Omit<VolunteerUpdateInput, 'version'>;

/** The checks create and update share, naming the field: an auxiliary names its subtype, team and login in reach. */
async function checkFields(tx: SignedInContext, f: Fields, kind: string | undefined) {
  if (kind === 'auxiliary' && !f.subtype)
    throw badRequest('subtype', 'an auxiliary (八大员) needs its subtype');
  if (f.teamId && !(await repo.findTeam(tx.db, tx.scope, f.teamId)))
    throw badRequest('teamId', 'no such team in your part of the tree');
  if ('userId' in f && f.userId && !(await repo.userInScope(tx.db, tx.scope, f.userId)))
    throw badRequest('userId', 'no such user in your part of the tree');
  if (f.certificate?.issued && f.certificate.issued > f.certificate.validTo)
    throw badRequest('certificate.validTo', 'must not be before the issue date');
}

export async function createVolunteer(
  ctx: SignedInContext,
  input: VolunteerCreateInput,
  idempotencyKey: string | null,
) {
  const fingerprint = idempotencyKey ? requestFingerprint(input) : null;
  if (idempotencyKey) {
    const had = await repo.volunteerByIdempotencyKey(ctx.db, idempotencyKey);
    if (had) {
      if (had.idempotency_hash !== fingerprint) throw idempotencyKeyReused();
      return { ...(await getVolunteer(ctx, had.id)), replayed: true };
    }
  }
  return inTransaction(ctx, async (tx) => {
    const person = await repo.personInScope(tx.db, tx.scope, input.personId);
    if (!person) throw badRequest('personId', 'no such person in your part of the registry');
    const org = await repo.orgInScope(tx.db, tx.scope, input.orgId);
    if (!org) throw badRequest('orgId', 'no such unit in your part of the tree');
    await checkFields(tx, input, input.kind);
    const exists = await repo.volunteerOfPerson(tx.db, person.id, org.id);
    if (exists) throw badRequest('personId', 'already registered as a volunteer of this unit');
    const row = await repo.insertVolunteer(tx.db, {
      person_id: person.id,
      org_id: org.id,
      org_path: org.path,
      kind: input.kind,
      subtype: input.kind === 'auxiliary' ? (input.subtype ?? null) : null,
      team_id: input.teamId ?? null,
      user_id: input.userId ?? null,
      skills: JSON.stringify(input.skills ?? []),
      employer: input.employer || null,
      certificate_number: input.certificate?.number ?? null,
      certificate_issued: input.certificate?.issued ?? null,
      certificate_valid_to: input.certificate?.validTo ?? null,
      trainings: JSON.stringify(input.trainings ?? []),
      idempotency_key: idempotencyKey,
      idempotency_hash: fingerprint,
      created_by: tx.user.id,
    });
    await audit(tx, {
      action: 'volunteer.create',
      entityType: 'volunteer',
      entityId: row.id,
      orgId: org.id,
      summary: `${person.name} registered as a ${input.kind} volunteer of ${org.name}`,
      after: { ...input, personId: person.id },
    });
    return getVolunteer(tx, row.id);
  });
}

export async function updateVolunteer(ctx: SignedInContext, id: string, input: VolunteerUpdateInput) {
  return inTransaction(ctx, async (tx) => {
    const v = await repo.findVolunteer(tx.db, tx.scope, id);
    if (!v) throw notFound('volunteer');
    if (v.version !== input.version) throw staleVersion(v.version);
    const kind = input.kind ?? v.kind;
    await checkFields(tx, { ...input, subtype: input.subtype ?? v.subtype } as Fields, kind);
    const patch = {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.subtype !== undefined || input.kind
        ? { subtype: kind === 'auxiliary' ? (input.subtype ?? v.subtype) : null }
        : {}),
      ...(input.teamId !== undefined ? { team_id: input.teamId } : {}),
      ...(input.skills !== undefined ? { skills: JSON.stringify(input.skills) } : {}),
      ...(input.employer !== undefined ? { employer: input.employer || null } : {}),
      ...(input.certificate !== undefined
        ? {
            certificate_number: input.certificate?.number ?? null,
            certificate_issued: input.certificate?.issued ?? null,
            certificate_valid_to: input.certificate?.validTo ?? null,
          }
        : {}),
      ...(input.trainings !== undefined ? { trainings: JSON.stringify(input.trainings) } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
    };
    const done = await repo.updateVolunteer(tx.db, id, input.version, patch);
    if (!done) throw staleVersion(v.version);
    const { version: _v, ...changes } = input;
    const d = diff(presentVolunteer(v, today(tx)) as Record<string, unknown>, changes);
    await audit(tx, {
      action: 'volunteer.update',
      entityType: 'volunteer',
      entityId: id,
      orgId: v.org_id,
      summary: `${v.name}: ${d.changed.join(', ') || 'no change'}`,
      before: d.before,
      after: d.after,
    });
    return getVolunteer(tx, id);
  });
}

export async function listTeams(ctx: SignedInContext, f: repo.TeamFilter) {
  const page = await repo.listTeams(ctx.db, ctx.scope, f);
  return {
    items: page.items.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      orgId: t.org_id,
      orgName: t.org_name,
      leaderUserId: t.leader_user_id,
      leaderName: t.leader_name,
      members: t.members,
      version: t.version,
    })),
    nextCursor: page.nextCursor,
  };
}

export async function createTeam(ctx: SignedInContext, input: z.infer<typeof teamInput>) {
  return inTransaction(ctx, async (tx) => {
    const org = await repo.orgInScope(tx.db, tx.scope, input.orgId);
    if (!org) throw badRequest('orgId', 'no such unit in your part of the tree');
    if (input.leaderUserId && !(await repo.userInScope(tx.db, tx.scope, input.leaderUserId)))
      throw badRequest('leaderUserId', 'no such user in your part of the tree');
    const row = await repo.insertTeam(tx.db, {
      name: input.name,
      kind: input.kind,
      org_id: org.id,
      org_path: org.path,
      leader_user_id: input.leaderUserId ?? null,
      created_by: tx.user.id,
    });
    await audit(tx, {
      action: 'volunteer_team.create',
      entityType: 'volunteer_team',
      entityId: row.id,
      orgId: org.id,
      summary: `team ${input.name} set up at ${org.name}`,
      after: input,
    });
    return { id: row.id };
  });
}

export async function getTeam(ctx: SignedInContext, id: string) {
  const t = await repo.findTeam(ctx.db, ctx.scope, id);
  if (!t) throw notFound('team');
  return {
    id: t.id,
    name: t.name,
    kind: t.kind,
    orgId: t.org_id,
    leaderUserId: t.leader_user_id,
    version: t.version,
  };
}

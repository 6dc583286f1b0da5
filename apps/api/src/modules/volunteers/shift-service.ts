import { audit } from '../../core/audit.ts';
import { localDay } from '../../core/calendar.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest, notFound, staleVersion } from '../../core/errors.ts';
import { pathIsInScope } from '../../core/org-scope.ts';
import { dutyHours } from './coverage.ts';
import * as posts from './post-repository.ts';
import * as repo from './signin-repository.ts';
import { serviceHoursOf, volunteersByIds } from './volunteer-repository.ts';

const HOUR = 3_600_000;
/** A volunteer may sign in this long before the shift starts. */
const EARLY_MS = 30 * 60_000;

/**
 * Puts volunteers on a shift. 持证上岗: a volunteer without a certificate valid on the shift's day, or not
 * active, cannot be assigned (400 naming `assignees`).
 */
export async function assignShift(
  ctx: SignedInContext,
  id: string,
  input: { version: number; assignees: string[] },
) {
  return inTransaction(ctx, async (tx) => {
    const s = await posts.findShift(tx.db, tx.scope, id);
    if (!s) throw notFound('shift');
    if (s.version !== input.version) throw staleVersion(s.version);
    const ids = [...new Set(input.assignees)];
    const found = await volunteersByIds(tx.db, ids);
    const day = localDay(s.starts_at);
    for (const vid of ids) {
      const v = found.find((x) => x.id === vid);
      if (!v || !pathIsInScope(tx.scope, v.org_path))
        throw badRequest('assignees', 'no such volunteer in your part of the tree');
      if (v.status !== 'active') throw badRequest('assignees', `${v.name} is not an active volunteer`);
      if (!v.certificate_valid_to) throw badRequest('assignees', `${v.name} has no certificate (持证上岗)`);
      if (v.certificate_valid_to < day)
        throw badRequest('assignees', `${v.name}'s certificate expired on ${v.certificate_valid_to}`);
    }
    const done = await posts.setAssignees(tx.db, id, input.version, ids);
    if (!done) throw staleVersion(s.version);
    await audit(tx, {
      action: 'volunteer_shift.assign',
      entityType: 'volunteer_shift',
      entityId: id,
      orgId: s.org_id,
      summary: `${s.post_name} ${s.starts_at.toISOString()}: ${found.map((v) => v.name).join('、') || 'nobody'}`,
      before: { assignees: s.assignees },
      after: { assignees: ids },
    });
    return { id, version: s.version + 1, assignees: ids };
  });
}

async function myVolunteer(ctx: SignedInContext) {
  const v = await repo.volunteerOfUser(ctx.db, ctx.user.id);
  if (!v) throw new AppError('NOT_A_VOLUNTEER', 403, 'this account is not linked to a volunteer');
  return v;
}

async function shiftInScope(ctx: SignedInContext, id: string) {
  const s = await repo.shiftForSignin(ctx.db, id);
  if (!s || !pathIsInScope(ctx.scope, s.org_path)) throw notFound('shift');
  return s;
}

export async function signIn(
  ctx: SignedInContext,
  id: string,
  input: { location?: { lng: number; lat: number } | undefined; note?: string | undefined },
) {
  const s = await shiftInScope(ctx, id);
  return inTransaction(ctx, async (tx) => {
    const v = await myVolunteer(tx);
    if (!s.assignees.includes(v.id)) throw badRequest('shift', 'you are not on this shift');
    const now = tx.clock.now();
    const had = await repo.findSignin(tx.db, id, v.id);
    // A retry from the phone answers the first sign-in.
    if (had) return { id: had.id, signedInAt: had.signed_in_at.toISOString(), replayed: true };
    if (now.getTime() < s.starts_at.getTime() - EARLY_MS)
      throw badRequest('shift', 'too early: sign in from 30 minutes before the start');
    if (now >= s.ends_at) throw badRequest('shift', 'the shift is over');
    const row = await repo.insertSignin(tx.db, {
      shift_id: id,
      volunteer_id: v.id,
      org_path: s.org_path,
      signed_in_at: now,
      in_lng: input.location?.lng ?? null,
      in_lat: input.location?.lat ?? null,
      note: input.note || null,
    });
    await audit(tx, {
      action: 'volunteer_shift.sign_in',
      entityType: 'volunteer_shift',
      entityId: id,
      orgId: s.org_id,
      summary: `${v.name} at ${s.post_name}`,
    });
    return { id: row.id, signedInAt: now.toISOString(), replayed: false };
  });
}

export async function signOut(ctx: SignedInContext, id: string) {
  const s = await shiftInScope(ctx, id);
  return inTransaction(ctx, async (tx) => {
    const v = await myVolunteer(tx);
    const had = await repo.findSignin(tx.db, id, v.id);
    if (!had) throw badRequest('shift', 'sign in first');
    const now = tx.clock.now();
    const out = had.signed_out_at ?? now;
    if (!had.signed_out_at) {
      await repo.signOut(tx.db, had.id, now);
      await audit(tx, {
        action: 'volunteer_shift.sign_out',
        entityType: 'volunteer_shift',
        entityId: id,
        orgId: s.org_id,
        summary: `${v.name} at ${s.post_name}`,
      });
    }
    return { id: had.id, signedOutAt: out.toISOString(), hours: dutyHours(s, had.signed_in_at, out) };
  });
}

/** The community signs the duty record: every signed-out sign-in of the shift is confirmed. */
export async function confirmShift(ctx: SignedInContext, id: string) {
  const s = await shiftInScope(ctx, id);
  return inTransaction(ctx, async (tx) => {
    const confirmed = await repo.confirmSignins(tx.db, id, tx.user.id, tx.clock.now());
    await audit(tx, {
      action: 'volunteer_shift.confirm',
      entityType: 'volunteer_shift',
      entityId: id,
      orgId: s.org_id,
      summary: `${confirmed} sign-ins at ${s.post_name} confirmed`,
    });
    return shiftSignins(tx, id);
  });
}

export async function shiftSignins(ctx: SignedInContext, id: string) {
  const s = await shiftInScope(ctx, id);
  const rows = await repo.signinsOfShift(ctx.db, ctx.scope, id);
  return {
    id,
    postName: s.post_name,
    start: s.starts_at.toISOString(),
    end: s.ends_at.toISOString(),
    items: rows.map((r) => ({
      id: r.id,
      volunteerId: r.volunteer_id,
      name: r.name,
      signedInAt: r.signed_in_at.toISOString(),
      signedOutAt: r.signed_out_at?.toISOString() ?? null,
      hours: r.signed_out_at ? dutyHours(s, r.signed_in_at, r.signed_out_at) : null,
      confirmed: !!r.confirmed_at,
    })),
  };
}

/** The phone page: my shifts from yesterday to a week ahead, what I may do on each, and my hours. */
export async function myShifts(ctx: SignedInContext) {
  const v = await myVolunteer(ctx);
  const now = ctx.clock.now();
  const rows = await repo.myShifts(
    ctx.db,
    v.id,
    new Date(now.getTime() - 24 * HOUR),
    new Date(now.getTime() + 7 * 24 * HOUR),
  );
  const items = rows.map((r) => {
    const hours = r.signed_in_at && r.signed_out_at ? dutyHours(r, r.signed_in_at, r.signed_out_at) : null;
    const open = now.getTime() >= r.starts_at.getTime() - EARLY_MS && now < r.ends_at;
    return {
      id: r.id,
      postName: r.post_name,
      address: r.address,
      start: r.starts_at.toISOString(),
      end: r.ends_at.toISOString(),
      signedInAt: r.signed_in_at?.toISOString() ?? null,
      signedOutAt: r.signed_out_at?.toISOString() ?? null,
      confirmed: !!r.confirmed_at,
      hours,
      canSignIn: open && !r.signed_in_at,
      canSignOut: !!r.signed_in_at && !r.signed_out_at,
    };
  });
  const total = await serviceHoursOf(ctx.db, v.id);
  return { volunteerId: v.id, name: v.name, hours: Math.round(total * 100) / 100, items };
}

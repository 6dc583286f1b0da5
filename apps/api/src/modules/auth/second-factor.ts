import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest, unauthorized } from '../../core/errors.ts';
import { decryptNullable, encryptField } from '../../core/field-crypto.ts';
import { verifyPassword } from '../../core/passwords.ts';
import { createSession, deleteSession, type SessionPolicy } from '../../core/sessions.ts';
import { lockedError, recordFailure, type LockoutPolicy } from './lockout.ts';
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  recoveryCodeMatches,
  totpStep,
  totpUri,
} from './totp.ts';
import { claimTotpStep, forgetTotpSteps } from './totp-steps-repository.ts';

/** The encryption contexts of the two secrets (core/field-columns.ts). */
export const TOTP_SECRET = 'users.totp_secret';
const TOTP_PENDING = 'users.totp_pending_secret';

const wrongCode = () => unauthorized('wrong or expired code', 'INVALID_SECOND_FACTOR');

/**
 * Code step of a sign-in: the pending session (password right) becomes a full one under a new token, so a
 * token seen before the code was entered is worth nothing after. A wrong code counts as a failed sign-in on
 * the account, so the six digits cannot be guessed past the lockout.
 */
export async function verifySecondFactor(
  ctx: SignedInContext,
  policy: { lockout: LockoutPolicy; session: SessionPolicy },
  code: string,
) {
  const now = ctx.clock.now();
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'username', 'org_id', 'totp_secret', 'locked_until'])
    .where('id', '=', ctx.user.id)
    .executeTakeFirstOrThrow();
  const who = {
    entityType: 'user',
    entityId: user.id,
    actorId: user.id,
    actorName: user.username,
    orgId: user.org_id,
  };
  if (user.locked_until && new Date(user.locked_until) > now) {
    await deleteSession(ctx.db, ctx.user.sessionId);
    throw lockedError(new Date(user.locked_until));
  }
  const given = normaliseRecoveryCode(code);
  let recoveryId: string | null = null;
  // Held encrypted at rest (issue 23 item 12): a value that does not decrypt stops here with a 500, never a pass.
  const secret = decryptNullable(TOTP_SECRET, user.totp_secret);
  const step = secret ? totpStep(secret, given, now) : null;
  // A code is good once: the step it belongs to must be later than the last one this account signed in with.
  const replayed = step !== null && !(await claimTotpStep(ctx.db, user.id, step));
  let ok = step !== null && !replayed;
  if (!ok && !replayed && looksLikeRecoveryCode(given)) {
    const unused = await ctx.db
      .selectFrom('user_recovery_codes')
      .select(['id', 'code_hash'])
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    for (const c of unused) if (await recoveryCodeMatches(c.code_hash, given)) recoveryId = c.id;
    ok = recoveryId !== null;
  }
  if (!ok) {
    const failed = await recordFailure(ctx.db, { kind: 'user', id: user.id }, now, policy.lockout);
    await audit(ctx, {
      ...who,
      action: 'auth.second_factor_failed',
      summary: `${replayed ? 'code already used' : 'wrong code'} (${failed.count}/${policy.lockout.maxFailures})`,
    });
    if (failed.lockedUntil) {
      await deleteSession(ctx.db, ctx.user.sessionId);
      throw lockedError(failed.lockedUntil);
    }
    throw wrongCode();
  }
  return inTransaction(ctx, async (tx) => {
    if (recoveryId) {
      // The used_at guard makes a code good once even when two requests race with it.
      const r = await tx.db
        .updateTable('user_recovery_codes')
        .set({ used_at: now })
        .where('id', '=', recoveryId)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw wrongCode();
    }
    await tx.db
      .updateTable('users')
      .set({ failed_count: 0, failed_window_start: null })
      .where('id', '=', user.id)
      .execute();
    await deleteSession(tx.db, tx.user.sessionId);
    const session = await createSession(tx.db, user.id, now, policy.session, {
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    await audit(tx, {
      ...who,
      action: 'auth.login',
      summary: recoveryId ? 'signed in with a recovery code' : 'signed in with a second factor',
    });
    return { ...session, userId: user.id };
  });
}

/** Step 1 of enrolment: a new secret, kept aside until a code from it proves the app holds it. */
export async function startEnrolment(ctx: SignedInContext) {
  const secret = newTotpSecret();
  await ctx.db
    .updateTable('users')
    .set({ totp_pending_secret: encryptField(TOTP_PENDING, secret) })
    .where('id', '=', ctx.user.id)
    .execute();
  return { secret, otpauthUri: totpUri(ctx.user.username, secret) };
}

/** Step 2: a right code turns the factor on and answers ten recovery codes, shown this once. */
export async function confirmEnrolment(ctx: SignedInContext, code: string) {
  const row = await ctx.db
    .selectFrom('users')
    .select(['totp_pending_secret', 'totp_enabled_at'])
    .where('id', '=', ctx.user.id)
    .executeTakeFirstOrThrow();
  const secret = decryptNullable(TOTP_PENDING, row.totp_pending_secret);
  if (!secret) throw badRequest('code', 'start the enrolment first');
  const step = totpStep(secret, code.trim(), ctx.clock.now());
  if (step === null) throw badRequest('code', 'wrong or expired code');
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map(hashRecoveryCode));
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('users')
      .set({
        totp_secret: encryptField(TOTP_SECRET, secret),
        totp_pending_secret: null,
        totp_enabled_at: tx.clock.now(),
      })
      .where('id', '=', tx.user.id)
      .execute();
    // The confirming code is used: it does not sign in again. The old secret's steps no longer count.
    await forgetTotpSteps(tx.db, tx.user.id);
    await claimTotpStep(tx.db, tx.user.id, step);
    await tx.db.deleteFrom('user_recovery_codes').where('user_id', '=', tx.user.id).execute();
    await tx.db
      .insertInto('user_recovery_codes')
      .values(hashes.map((h) => ({ user_id: tx.user.id, code_hash: h })))
      .execute();
    await audit(tx, {
      action: row.totp_enabled_at ? 'auth.second_factor_renewed' : 'auth.second_factor_enrolled',
      entityType: 'user',
      entityId: tx.user.id,
      orgId: tx.user.orgId,
      summary: 'second factor (TOTP) set up with 10 recovery codes',
    });
  });
  return { recoveryCodes: codes };
}

/** Turning it off needs the password again, and is refused to the accounts that must keep it. */
export async function disableOwn(ctx: SignedInContext, password: string, required: boolean) {
  if (required)
    throw new AppError('SECOND_FACTOR_REQUIRED_FOR_ROLE', 403, 'administrators must keep a second factor');
  const row = await ctx.db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', ctx.user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, password))) throw badRequest('password', 'wrong password');
  await inTransaction(ctx, async (tx) => {
    await clearFactor(tx, tx.user.id);
    await audit(tx, {
      action: 'auth.second_factor_disabled',
      entityType: 'user',
      entityId: tx.user.id,
      orgId: tx.user.orgId,
      summary: 'turned the second factor off',
    });
  });
}

export async function clearFactor(ctx: SignedInContext, userId: string) {
  await ctx.db
    .updateTable('users')
    .set({ totp_secret: null, totp_enabled_at: null, totp_pending_secret: null })
    .where('id', '=', userId)
    .execute();
  await ctx.db.deleteFrom('user_recovery_codes').where('user_id', '=', userId).execute();
}

export async function secondFactorStatus(ctx: SignedInContext) {
  const row = await ctx.db
    .selectFrom('users')
    .select('totp_enabled_at')
    .where('id', '=', ctx.user.id)
    .executeTakeFirstOrThrow();
  const left = await ctx.db
    .selectFrom('user_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', ctx.user.id)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    enabled: !!row.totp_enabled_at,
    enabledAt: row.totp_enabled_at ? new Date(row.totp_enabled_at).toISOString() : null,
    required: ctx.user.mustEnrolSecondFactor || false,
    recoveryCodesLeft: Number(left.n),
  };
}

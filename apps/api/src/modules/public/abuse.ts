import type { FastifyReply } from 'fastify';
import type { RequestContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { enforceRate } from '../../core/rate-limit.ts';
import type { Sweep } from '../../core/sweeps.ts';

export interface PublicLimits {
  reportsPerHour: number;
  uploadsPerHour: number;
  lookupsPerHour: number;
}

const HOUR = 3_600_000;

/** Writes one row of the rejection log: what was turned away, from where, why. Never the submitted content. */
export async function logRejection(ctx: RequestContext, route: string, reason: string, detail?: string) {
  await ctx.db
    .insertInto('public_rejections')
    .values({ at: ctx.clock.now(), ip: ctx.ip, route, reason, detail: detail?.slice(0, 300) ?? null })
    .execute();
}

/**
 * Counts a public request against the caller's IP for this kind of work; past the limit the answer is 429 with
 * a Retry-After header, and writes that were turned away are logged.
 */
export async function limitByIp(
  ctx: RequestContext,
  reply: FastifyReply,
  kind: 'write' | 'upload' | 'lookup',
  limits: PublicLimits,
  route: string,
) {
  const limit =
    kind === 'write'
      ? limits.reportsPerHour
      : kind === 'upload'
        ? limits.uploadsPerHour
        : limits.lookupsPerHour;
  try {
    await enforceRate(
      ctx.db,
      { bucket: `public-${kind}:ip:${ctx.ip ?? '-'}`, limit, windowMs: HOUR },
      ctx.clock.now(),
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'RATE_LIMITED') {
      reply.header('retry-after', String(err.details?.retryAfter ?? 60));
      if (kind !== 'lookup') await logRejection(ctx, route, 'rate_limited', `limit ${limit}/h`);
    }
    throw err;
  }
}

/**
 * The form carries a field people never see (`website`); bots fill every field. A filled one is refused with a
 * plain message (a person who somehow filled it can clear it) and logged.
 */
export async function checkHoneypot(ctx: RequestContext, route: string, value: string | undefined) {
  if (value && value.trim()) {
    await logRejection(ctx, route, 'honeypot');
    throw new AppError(
      'SUBMISSION_REJECTED',
      400,
      'website: this field must stay empty; the submission was refused',
      {
        fields: [{ path: 'website', message: 'must be empty' }],
      },
    );
  }
}

/** The rejection log is for reviewing recent abuse: rows older than 90 days are dropped. */
export const publicRejectionsSweep: Sweep = {
  name: 'public-rejections',
  everyMs: 6 * HOUR,
  async run(db, now) {
    const r = await db
      .deleteFrom('public_rejections')
      .where('at', '<', new Date(now.getTime() - 90 * 24 * HOUR))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};

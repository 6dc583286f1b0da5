import { audit } from '../../core/audit.ts';
import { hasPermission, type SignedInContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { countHit, peekHits } from '../../core/rate-limit.ts';
import { personQueryKind, probingRefused } from './person-repository.ts';

/**
 * The two searches that touch a masked value's hidden digits (decision 0010):
 * - a partial number longer than what masked views show ("probing") is a partial reveal: holders of
 *   person.sensitive.read only (others get a 400 on `q`, here and in personConditions), audited like a reveal;
 * - a whole ID or phone number is matched exactly. Guessing the hidden birth date of a masked ID (about 33
 *   candidates once the birth year, region and check character are known) is a run of lookups that find
 *   nothing, so lookups that find nobody are counted per user and hour; past the limit the search answers 429
 *   and the first refusal is audited (the audit administrator sees who tried).
 */
const MISS_WINDOW_MS = 3600_000;
const BUCKET = 'person-lookup-miss:user:';

export function lookupMissesPerHour(): number {
  const n = Number(process.env.PERSON_LOOKUP_MISSES_PER_HOUR ?? 10);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

const limited = () =>
  new AppError('RATE_LIMITED', 429, 'too many searches by whole numbers that found nobody; try again later', {
    retryAfter: Math.ceil(MISS_WINDOW_MS / 1000),
  });

/** Before the search: the audit row of a probing search, and the refusal of a user past the miss limit. */
export async function beforePersonSearch(ctx: SignedInContext, q: string | undefined): Promise<void> {
  const kind = personQueryKind(q);
  if (kind === 'probing') {
    if (!hasPermission(ctx, 'person.sensitive.read')) throw probingRefused();
    await audit(ctx, {
      action: 'person.sensitive_search',
      entityType: 'person',
      summary: 'searched people by digits that masked views hide',
    });
  }
  if (kind !== 'whole') return;
  const misses = await peekHits(
    ctx.db,
    { bucket: BUCKET + ctx.user.id, windowMs: MISS_WINDOW_MS },
    ctx.clock.now(),
  );
  if (misses >= lookupMissesPerHour()) throw limited();
}

/** After a whole-number search: one that found nobody is counted. */
export async function afterPersonSearch(ctx: SignedInContext, q: string | undefined, found: number) {
  if (found > 0 || personQueryKind(q) !== 'whole') return;
  const limit = lookupMissesPerHour();
  const hit = await countHit(
    ctx.db,
    { bucket: BUCKET + ctx.user.id, limit, windowMs: MISS_WINDOW_MS },
    ctx.clock.now(),
  );
  if (hit.hits === limit) {
    await audit(ctx, {
      action: 'person.lookup_limited',
      entityType: 'person',
      orgId: ctx.user.orgPath.split('/')[1] ?? null,
      summary: `${limit} searches by whole ID or phone numbers in an hour found nobody; further ones are refused`,
      after: { misses: hit.hits },
    });
  }
}

import { createHash } from 'node:crypto';
import { AppError } from './errors.ts';

/** Keys in a fixed order and undefined dropped, so the same request always gives the same text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

/** What an Idempotency-Key was first used with: a retry must send the same, or it is another request. */
export const requestFingerprint = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');

/**
 * The IETF draft (draft-ietf-httpapi-idempotency-key-header, §2.7): a key reused with a different payload is
 * 422, so a client that reuses keys by mistake learns of it instead of getting someone else's answer.
 */
export const idempotencyKeyReused = () =>
  new AppError(
    'IDEMPOTENCY_KEY_REUSED',
    422,
    'this Idempotency-Key was already used with a different request; use a new key for a new request',
    { fields: [{ path: 'Idempotency-Key', message: 'already used with a different request' }] },
  );

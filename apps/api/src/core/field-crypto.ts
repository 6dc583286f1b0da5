import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Field encryption at rest (issue 23 item 12, 等保 8.1.4.8 data confidentiality): a sensitive column holds
 * `fe1:<key id>:<base64url(iv ‖ ciphertext ‖ tag)>`, AES-256-GCM under the key that id names. The column's
 * name is the additional data, so a value copied into another column does not decrypt there. New values use
 * the current key; the older keys still decrypt the rows written under them until `npm run fields:rekey` has
 * moved every row to the current key. A keyed hash (HMAC-SHA-256 under a key of its own, never rotated with
 * the encryption keys) is the blind index for equality lookups.
 *
 * The keys are loaded once at start (`core/field-keys.ts`) and held here for the process.
 */
export interface FieldKeys {
  current: { id: string; key: Buffer };
  /** Every key that may decrypt, the current one included, by id. */
  all: Map<string, Buffer>;
  indexKey: Buffer;
}

export class FieldKeyError extends Error {
  override name = 'FieldKeyError';
}

const PREFIX = 'fe1';
export const KEY_ID = /^[a-z0-9][a-z0-9_-]{0,15}$/;
let active: FieldKeys | null = null;

export function useFieldKeys(keys: FieldKeys | null) {
  active = keys;
}

export function fieldKeys(): FieldKeys {
  if (!active) throw new FieldKeyError('field encryption keys are not loaded (FIELD_KEY)');
  return active;
}

export const isEncrypted = (stored: string) => stored.startsWith(`${PREFIX}:`);

/** The key id a stored value was written under (null for a value that is not encrypted). */
export function keyIdOf(stored: string): string | null {
  if (!isEncrypted(stored)) return null;
  return stored.split(':')[1] ?? null;
}

/** `context` names the column ("users.totp_secret"); it is bound to the ciphertext. */
export function encryptField(context: string, clear: string): string {
  const { current } = fieldKeys();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
  const packed = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  return `${PREFIX}:${current.id}:${packed}`;
}

/** Refuses a clear value and anything that does not authenticate: a stored value is never taken as is. */
export function decryptField(context: string, stored: string): string {
  const [prefix, kid, packed] = stored.split(':');
  if (prefix !== PREFIX || !kid || !packed)
    throw new FieldKeyError(`${context} holds a value that is not encrypted`);
  const key = fieldKeys().all.get(kid);
  if (!key) throw new FieldKeyError(`${context} is encrypted under key id ${kid}, which is not loaded`);
  const raw = Buffer.from(packed, 'base64url');
  if (raw.length < 28) throw new FieldKeyError(`${context} holds a damaged value`);
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  try {
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new FieldKeyError(
      `${context}: key ${kid} does not decrypt this value (wrong key, or the value was altered)`,
    );
  }
}

export const encryptNullable = (context: string, clear: string | null) =>
  clear === null ? null : encryptField(context, clear);
export const decryptNullable = (context: string, stored: string | null) =>
  stored === null ? null : decryptField(context, stored);

/** The blind index of a value for equality lookups: the same value under the same context, the same hash. */
export function blindIndex(context: string, value: string): string {
  return createHmac('sha256', fieldKeys().indexKey).update(`${context}\u0000${value}`).digest('base64url');
}

/** Fresh keys (the embedded demo's key file, tests). */
export function generateFieldKeys(id = 'k1'): FieldKeys {
  const key = randomBytes(32);
  return { current: { id, key }, all: new Map([[id, key]]), indexKey: randomBytes(32) };
}

import { randomBytes } from 'node:crypto';
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';
import { hashPassword, verifyPassword } from '../../core/passwords.ts';

export const TOTP_ISSUER = 'CivicGrid';

export const newTotpSecret = () => generateSecret();

export const totpUri = (username: string, secret: string) =>
  generateURI({ issuer: TOTP_ISSUER, label: username, secret });

/** The code an authenticator shows at `now` (tests and the demo use it; the server only verifies). */
export const totpCode = (secret: string, now: Date) =>
  generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });

export const TOTP_PERIOD_S = 30;

/**
 * RFC 6238 with one 30 s step either side, for phones whose clock drifts a little. Answers the time step the
 * code belongs to (so a sign-in can refuse a step already used, RFC 6238 §5.2), or null when it is wrong.
 */
export function totpStep(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  try {
    const r = verifySync({ secret, token: code, epoch, epochTolerance: TOTP_PERIOD_S });
    return r.valid ? Math.floor(epoch / TOTP_PERIOD_S) + r.delta : null;
  } catch {
    return null;
  }
}

export const totpValid = (secret: string, code: string, now: Date): boolean =>
  totpStep(secret, code, now) !== null;

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

/** Ten codes of 10 characters (~49 bits each) in two groups, easy to copy by hand: `k3m7q-x9pa2`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export const normaliseRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/\s+/g, '');
export const looksLikeRecoveryCode = (code: string) => /^[a-z0-9]{5}-[a-z0-9]{5}$/.test(code);

/** Hashed with argon2id like passwords: a stolen dump holds no usable code. */
export const hashRecoveryCode = (code: string) => hashPassword(normaliseRecoveryCode(code));
export const recoveryCodeMatches = (hash: string, code: string) =>
  verifyPassword(hash, normaliseRecoveryCode(code));

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

/** RFC 6238 with one 30 s step either side, for phones whose clock drifts a little. */
export function totpValid(secret: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  try {
    return verifySync({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 })
      .valid;
  } catch {
    return false;
  }
}

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

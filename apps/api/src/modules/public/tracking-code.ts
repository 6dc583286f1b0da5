import { randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O, U, so a code read aloud or copied by hand is hard to get wrong.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12;

/**
 * A random tracking code, XXXX-XXXX-XXXX: 60 bits, so holding one is the proof of being allowed to follow the
 * report. The sequential case number is never shown on the portal: it would let anyone walk through all cases.
 */
export function newTrackingCode(): string {
  const bytes = randomBytes(LENGTH);
  let out = '';
  for (let i = 0; i < LENGTH; i++) out += ALPHABET[bytes[i]! & 31];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/** What a resident typed, in the stored form: case and dashes ignored, O→0 and I/L→1 as Crockford reads them. */
export function normaliseTrackingCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (raw.length !== LENGTH || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

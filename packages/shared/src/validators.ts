/**
 * Identifiers the registry checks: the citizen ID number (GB 11643-1999), the unified social credit code of an
 * organisation (GB 32100-2015) and mainland phone numbers.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export interface CitizenIdInfo {
  birthDate: string;
  sex: 'male' | 'female';
  regionCode: string;
}

/** What is wrong with an 18-character citizen ID number, as a code each reader says in their own language. */
export type CitizenIdProblem =
  'id_chars' | 'id_region' | 'id_birth_date_invalid' | 'id_birth_date_future' | 'id_check_digit';

const CITIZEN_ID_MESSAGES: Record<CitizenIdProblem, string> = {
  id_chars: 'must be 17 digits and a digit or X',
  id_region: 'the region code is not valid',
  id_birth_date_invalid: 'the birth date is not a real date',
  id_birth_date_future: 'the birth date is in the future',
  id_check_digit: 'the check digit does not match',
};

/** Why a citizen ID number is invalid, or null when it is valid (MOD 11-2 check digit, real date). */
export function citizenIdProblem(id: string, today: Date = new Date()): CitizenIdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'id_chars';
  if (!/^[1-9]\d{5}$/.test(id.slice(0, 6))) return 'id_region';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  // GB 11643-1999 sets no earliest year, and its own example (440524188001010014) was born in 1880: take any real
  // date from 1800 on, and let `citizenIdAgeImplausible` warn about the unlikely ones instead of refusing them.
  if (y < 1800 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return 'id_birth_date_invalid';
  if (date > today) return 'id_birth_date_future';
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if (ID_CHECK[sum % 11] !== id[17]) return 'id_check_digit';
  return null;
}

/** Oldest age a valid number is taken without a second look; beyond it the form warns (it does not refuse). */
export const IMPLAUSIBLE_AGE = 120;

/** True when a valid number's holder would be older than IMPLAUSIBLE_AGE today: likely a typing slip. */
export function citizenIdAgeImplausible(id: string, today: Date = new Date()): boolean {
  const y = Number(id.slice(6, 10));
  const md = id.slice(10, 14);
  const todayMd = `${String(today.getUTCMonth() + 1).padStart(2, '0')}${String(today.getUTCDate()).padStart(2, '0')}`;
  const age = today.getUTCFullYear() - y - (todayMd < md ? 1 : 0);
  return age > IMPLAUSIBLE_AGE;
}

/** The English sentence for `citizenIdProblem`, for API messages. */
export function citizenIdError(id: string, today: Date = new Date()): string | null {
  const problem = citizenIdProblem(id, today);
  return problem && CITIZEN_ID_MESSAGES[problem];
}

/** Birth date and sex read from a valid ID number (the 17th digit is odd for men). */
export function citizenIdInfo(id: string): CitizenIdInfo {
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
  };
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Why an 18-character unified social credit code is invalid, or null (MOD 31 check character). */
export function socialCreditCodeError(code: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code))
    return 'must be 18 characters of digits and upper-case letters (no I, O, S, V, Z)';
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * USCC_CHARS.indexOf(code[i]!), 0);
  const check = USCC_CHARS[(31 - (sum % 31)) % 31];
  return check === code[17] ? null : 'the check character does not match';
}

export const MOBILE_RE = /^1[3-9]\d{9}$/;
export const LANDLINE_RE = /^0\d{2,3}-?\d{7,8}$/;

export function isMainlandPhone(phone: string): boolean {
  return MOBILE_RE.test(phone) || LANDLINE_RE.test(phone);
}

/** `110101********1234`: region and last four only. */
export function maskCitizenId(id: string): string {
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '*'.repeat(id.length);
}

/** `138****5678`. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

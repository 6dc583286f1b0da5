import type { Rng } from './random.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Shanghai district codes (GB/T 2260) for the birthplace part of registered residents' ID numbers. */
const LOCAL_AREAS = ['310101', '310104', '310105', '310106', '310107', '310110', '310112', '310115'];
/** Provinces floating residents mostly come from (安徽, 江苏, 河南, 四川, 江西, 湖北, 浙江, 山东). */
const HOME_AREAS = ['340102', '320102', '410102', '510104', '360102', '420102', '330102', '370102'];

/**
 * A GB 11643 citizen ID: area, birth date, a sequence whose last digit is odd for men and even for women, and
 * the ISO 7064 MOD 11-2 check character. The sequence counts per area and day, so numbers never repeat.
 */
export class CitizenIds {
  private readonly used = new Map<string, number>();
  /** `taken`: numbers already in the database (the demo district's people), skipped. */
  constructor(private readonly taken: ReadonlySet<string> = new Set()) {}
  next(area: string, birth: string, male: boolean): string {
    const key = `${area}${birth}${male ? 1 : 0}`;
    for (;;) {
      const n = this.used.get(key) ?? 0;
      if (n >= 499) throw new Error(`more than 499 people born on ${birth} in ${area}`);
      this.used.set(key, n + 1);
      const id = citizenId(area, birth, n, male);
      if (!this.taken.has(id)) return id;
    }
  }
}

export function citizenId(area: string, birth: string, serial: number, male: boolean): string {
  const seq = serial * 2 + (male ? 1 : 0);
  const body = `${area}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + ID_CHECK[sum % 11]!;
}

export function areaFor(rng: Rng, registered: boolean): string {
  return rng.pick(registered ? LOCAL_AREAS : HOME_AREAS);
}

/** A GB 32100 unified social credit code: registry, kind, area, a 9-character org code, the MOD 31 check. */
export function creditCode(rng: Rng, n: number): string {
  const kind = rng.pick(['91', '92', '52', '12']);
  let org = '';
  let x = n * 7919 + 104729;
  for (let i = 0; i < 9; i++) {
    org += USCC_CHARS[x % 31];
    x = Math.floor(x / 31);
  }
  const body = `${kind}310112${org}`;
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * USCC_CHARS.indexOf(body[i]!), 0);
  return body + USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

const MOBILE_PREFIXES = ['139', '138', '137', '136', '135', '158', '159', '186', '185', '189', '177', '199'];

/** A well-formed mainland mobile number; the generator never claims these belong to anyone. */
export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(100_000_000)).padStart(8, '0');
}

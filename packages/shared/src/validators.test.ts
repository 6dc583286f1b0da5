import { describe, expect, it } from 'vitest';
import {
  citizenIdAgeImplausible,
  citizenIdError,
  citizenIdInfo,
  isMainlandPhone,
  maskCitizenId,
  maskPhone,
  socialCreditCodeError,
} from './validators.ts';

/** Builds a valid ID number from its first 17 digits, so the tests do not carry anyone's real number. */
function withCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((a, x, i) => a + x * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('citizen ID number (GB 11643)', () => {
  const valid = withCheck('11010119900307002');
  it('accepts a number with a real birth date and the right check digit, and reads birth date and sex', () => {
    expect(citizenIdError(valid)).toBeNull();
    expect(citizenIdInfo(valid)).toEqual({ birthDate: '1990-03-07', sex: 'female', regionCode: '110101' });
    expect(citizenIdInfo(withCheck('11010119900307011')).sex).toBe('male');
    expect(citizenIdInfo(withCheck('11010119900307001')).sex).toBe('male');
  });
  it('accepts X as the check character when the sum asks for it', () => {
    const candidates = Array.from({ length: 1000 }, (_, n) =>
      withCheck(`33010619850101${String(n).padStart(3, '0')}`),
    );
    const id = candidates.find((c) => c.endsWith('X'))!;
    expect(id.endsWith('X')).toBe(true);
    expect(citizenIdError(id)).toBeNull();
  });
  it("accepts the standard's own examples, one born in 1880, and only warns that such an age is unlikely", () => {
    const today = new Date('2026-12-02T00:00:00Z');
    expect(citizenIdError('11010519491231002X', today)).toBeNull();
    expect(citizenIdError('440524188001010014', today)).toBeNull();
    expect(citizenIdAgeImplausible('440524188001010014', today)).toBe(true);
    expect(citizenIdAgeImplausible('11010519491231002X', today)).toBe(false);
    // 120 years old today is still plausible; 121 is not.
    expect(citizenIdAgeImplausible(withCheck('11010119061202001'), today)).toBe(false);
    expect(citizenIdAgeImplausible(withCheck('11010119051201001'), today)).toBe(true);
  });
  it.each([
    ['born before 1800', withCheck('11010117991231001'), /real date/],
    ['short', '11010119900307', /17 digits/],
    ['bad check digit', valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0'), /check digit/],
    ['30 February', withCheck('11010119900230001'), /real date/],
    ['born tomorrow', withCheck('11010121000101001'), /future/],
    ['region 0', withCheck('01010119900307001'), /region/],
    ['lower-case x', valid.slice(0, 17) + 'x', /17 digits/],
  ])('refuses %s', (_name, id, why) => {
    expect(citizenIdError(id)).toMatch(why);
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('accepts the standard example and refuses a changed check character or forbidden letters', () => {
    expect(socialCreditCodeError('91350100M000100Y43')).toBeNull();
    expect(socialCreditCodeError('91350100M000100Y44')).toMatch(/check/);
    expect(socialCreditCodeError('91350100M000100I43')).toMatch(/no I, O/);
  });
});

describe('phones and masking', () => {
  it('know mainland mobiles and landlines', () => {
    expect(isMainlandPhone('13812345678')).toBe(true);
    expect(isMainlandPhone('021-64123456')).toBe(true);
    expect(isMainlandPhone('12812345678')).toBe(false);
  });
  it('mask the middle of ID numbers and phones', () => {
    expect(maskCitizenId('110101199003070012')).toBe('110101********0012');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

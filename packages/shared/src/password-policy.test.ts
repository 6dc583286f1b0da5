import { describe, expect, it } from 'vitest';
import { passwordPolicyError } from './password-policy.ts';

describe('password policy', () => {
  it.each([
    ['Abcdefgh1!', null],
    ['abcdefgh12', 'must contain at least 3 of: lower case, upper case, digits, symbols'],
    ['abcdefgh1!', null],
    ['ABCDEFGH1!', null],
    ['Abc1!', 'must be at least 10 characters'],
    ['Aa1!'.repeat(40), 'must be at most 128 characters'],
    ['密码密码密码密码Aa1', null],
  ])('%s → %s', (pw, expected) => {
    expect(passwordPolicyError(pw)).toBe(expected);
  });
});

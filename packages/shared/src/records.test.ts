import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS } from './permissions.ts';
import { classPermission, DATA_CLASS_NAMES } from './records.ts';
import { BUILTIN_ROLES } from './roles.ts';

describe('sensitive data classes', () => {
  it('each have a read and an export permission, and nothing else is a class permission', () => {
    const expected = DATA_CLASS_NAMES.flatMap((c) => [
      classPermission(c, 'read'),
      classPermission(c, 'export'),
    ]);
    for (const p of expected) expect(ALL_PERMISSIONS).toContain(p);
    expect(ALL_PERMISSIONS.filter((p) => p.startsWith('class.')).sort()).toEqual(expected.sort());
  });
  it('are held by no built-in role but the petition and corrections roles, each of its own classes only', () => {
    for (const r of BUILTIN_ROLES) {
      const held = r.permissions.filter((p) => p.startsWith('class.'));
      if (r.code.startsWith('petition_'))
        expect(held.every((p) => p.startsWith('class.petition.'))).toBe(true);
      else if (r.code === 'corrections_officer')
        expect(held.every((p) => /^class\.(corrections|released)\./.test(p))).toBe(true);
      else expect(held).toEqual([]);
    }
  });
});

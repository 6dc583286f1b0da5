import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS } from './permissions.ts';
import { BUILTIN_ROLES } from './roles.ts';

const role = (code: string) => BUILTIN_ROLES.find((r) => r.code === code)!;

describe('built-in roles', () => {
  it('use only defined permissions', () => {
    for (const r of BUILTIN_ROLES) for (const p of r.permissions) expect(ALL_PERMISSIONS).toContain(p);
  });
  it('separate the three administrators (三员分立)', () => {
    expect(role('system_admin').permissions).not.toContain('audit.read');
    expect(role('audit_admin').permissions).toContain('audit.read');
    expect(role('audit_admin').permissions.filter((p) => p.endsWith('.manage'))).toEqual([]);
    expect(role('security_admin').permissions).toContain('role.manage');
    expect(role('security_admin').permissions).not.toContain('audit.read');
  });
  it('give grid workers no admin menus', () => {
    expect(
      role('grid_worker').permissions.some(
        (p) => p.startsWith('user.') || p.startsWith('role.') || p.startsWith('audit.'),
      ),
    ).toBe(false);
  });
});

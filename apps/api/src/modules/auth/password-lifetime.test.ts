import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test-support/test-app.ts';

const DAY = 86_400_000;
// The seed sets every password at seeding time (now); the fake clock starts there and moves forward.
const clock = new FakeClock(new Date(Date.now() + 60_000).toISOString());
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

/** The other 三员 are 91 days old too: each changes its password before it can work. */
async function renewed(username: string) {
  const a = await t.login(username);
  if ((await a.get('/api/auth/me')).body.user.mustChangePassword) {
    const r = await a.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: `Fresh#${username}2027`,
    });
    expect(r.status).toBe(204);
  }
  return a;
}

describe('password lifetime', () => {
  it('an administrator must change the password after 90 days by default; other accounts are not held', async () => {
    clock.advance(89 * DAY);
    expect((await (await t.login('admin')).get('/api/auth/me')).body.user.mustChangePassword).toBe(false);
    clock.advance(2 * DAY);
    const admin = await t.login('admin');
    expect((await admin.get('/api/auth/me')).body.user.mustChangePassword).toBe(true);
    expect((await admin.get('/api/orgs/tree')).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const leader = await t.login('leader');
    expect((await leader.get('/api/auth/me')).body.user.mustChangePassword).toBe(false);
    expect(
      (
        await admin.post('/api/auth/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'Fresh#Admin2027',
        })
      ).status,
    ).toBe(204);
    expect((await admin.get('/api/orgs/tree')).status).toBe(200);
    const auditor = await renewed('auditor');
    const log = await auditor.get('/api/audit?action=auth.password_expired');
    expect(log.body.items.map((a: { actorName: string }) => a.actorName)).toContain('admin');
  });

  it('the security administrator sets the district rule (audited, versioned); it then applies to every account', async () => {
    const admin = await t.login('admin', 'Fresh#Admin2027');
    expect((await admin.get('/api/security/settings')).status).toBe(403);
    const security = await renewed('security');
    const now = await security.get('/api/security/settings');
    expect(now.body).toEqual({ adminPasswordMaxDays: 90, passwordMaxDays: null, version: 0 });
    const bad = await security.request('PUT', '/api/security/settings', {
      adminPasswordMaxDays: 0,
      passwordMaxDays: null,
      version: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('adminPasswordMaxDays');
    const saved = await security.request('PUT', '/api/security/settings', {
      adminPasswordMaxDays: 60,
      passwordMaxDays: 80,
      version: 0,
    });
    expect(saved.body).toEqual({ adminPasswordMaxDays: 60, passwordMaxDays: 80, version: 1 });
    const stale = await security.request('PUT', '/api/security/settings', {
      adminPasswordMaxDays: 30,
      passwordMaxDays: 80,
      version: 0,
    });
    expect(stale.status).toBe(409);
    // The seeded leader's password is 91 days old by now: past the new 80 days.
    const leader = await t.login('leader');
    expect((await leader.get('/api/auth/me')).body.user.mustChangePassword).toBe(true);
    const auditor = await t.login('auditor', 'Fresh#auditor2027');
    const log = await auditor.get('/api/audit?action=security.settings_update');
    expect(log.body.items[0].actorName).toBe('security');
  });
});

describe('password reuse', () => {
  it('none of the last 5 passwords may come back (400 naming newPassword); the sixth-last may', async () => {
    const passwords = [
      TEST_PASSWORD,
      'Second#Pass2027',
      'Third#Pass2027',
      'Fourth#Pass2027',
      'Fifth#Pass2027',
    ];
    let current = TEST_PASSWORD;
    const change = async (next: string) => {
      const a = await t.login('grid', current);
      const r = await a.post('/api/auth/password', { currentPassword: current, newPassword: next });
      if (r.status === 204) current = next;
      clock.advance(60_000);
      return r;
    };
    for (const p of passwords.slice(1)) expect((await change(p)).status).toBe(204);
    // Current is the fifth; the four before it are remembered.
    for (const old of passwords.slice(0, 4)) {
      const r = await change(old);
      expect(r.status, old).toBe(400);
      expect(r.body.error.fields[0].path).toBe('newPassword');
      expect(r.body.error.message).toMatch(/last 5 passwords/);
    }
    expect((await change('Sixth#Pass2027')).status).toBe(204);
    // The first password is now the sixth-last: allowed again.
    expect((await change(TEST_PASSWORD)).status).toBe(204);
    expect((await change('Fifth#Pass2027')).status).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { createTestApp, TEST_PASSWORD, TEST_TOTP_SECRET, type TestApp } from '../../test-support/test-app.ts';
import { totpCode } from './totp.ts';

const clock = new FakeClock('2026-11-23T01:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('sign-in', () => {
  it('sets an HttpOnly SameSite session cookie and answers the user, roles, permissions and a CSRF token', async () => {
    // admin is one of the 三员: the password step answers a pending session, the code step the user.
    const pending = await login('admin', TEST_PASSWORD);
    expect(pending.status).toBe(200);
    expect(pending.body).toEqual({ secondFactorRequired: true, csrfToken: expect.any(String) });
    const r = await t.request({
      method: 'POST',
      url: '/api/auth/second-factor',
      headers: {
        cookie: String(pending.headers['set-cookie']).split(';')[0]!,
        'x-csrf-token': pending.body.csrfToken,
      },
      payload: { code: totpCode(TEST_TOTP_SECRET, clock.now()) },
    });
    expect(r.status).toBe(200);
    for (const c of [String(pending.headers['set-cookie']), String(r.headers['set-cookie'])]) {
      expect(c).toMatch(/^cg_session=/);
      expect(c).toMatch(/HttpOnly/i);
      expect(c).toMatch(/SameSite=Lax/i);
    }
    expect(r.body.user.username).toBe('admin');
    expect(r.body.user.orgName).toBe('示范区');
    expect(r.body.roles.map((x: { code: string }) => x.code)).toEqual(['system_admin']);
    expect(r.body.permissions).toContain('org.manage');
    expect(r.body.permissions).not.toContain('audit.read');
    expect(r.body.csrfToken).toEqual(expect.any(String));
  });

  it('answers 401 for a wrong password and an unknown user alike', async () => {
    const a = await login('admin', 'Wrong-password-1');
    const b = await login('nobody-here', 'Wrong-password-1');
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(b.body.error.message).toBe(a.body.error.message);
  });

  it('names the missing fields with 400', async () => {
    const r = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: { path: string }) => f.path)).toContain('password');
  });

  it('locks the account after 5 failures in 15 minutes; the right password does not get in; it unlocks after 15 minutes', async () => {
    for (let i = 1; i <= 4; i++) expect((await login('mediator', `Wrong-pass-${i}x`)).status).toBe(401);
    const fifth = await login('mediator', 'Wrong-pass-5x');
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(Date.parse(fifth.body.error.details.lockedUntil)).toBe(clock.now().getTime() + 15 * 60_000);
    const right = await login('mediator', TEST_PASSWORD);
    expect(right.status).toBe(423);
    clock.advance(15 * 60_000 + 1000);
    expect((await login('mediator', TEST_PASSWORD)).status).toBe(200);
  });

  it('does not lock for failures spread over more than 15 minutes', async () => {
    for (let i = 0; i < 4; i++) expect((await login('street', 'Wrong-pass-1x')).status).toBe(401);
    clock.advance(16 * 60_000);
    for (let i = 0; i < 4; i++) expect((await login('street', 'Wrong-pass-1x')).status).toBe(401);
    expect((await login('street', TEST_PASSWORD)).status).toBe(200);
  });

  it('audits sign-ins and failed sign-ins', async () => {
    const auditor = await t.login('auditor');
    const r = await auditor.get('/api/audit?action=auth.login_failed&limit=200');
    expect(r.status).toBe(200);
    expect(r.body.items.some((a: { actorName: string }) => a.actorName === 'nobody-here')).toBe(true);
    const ok = await auditor.get('/api/audit?action=auth.login&q=admin');
    expect(ok.body.items.length).toBeGreaterThan(0);
  });
});

describe('sessions', () => {
  it('expire after 30 idle minutes (fake clock)', async () => {
    const a = await t.login('leader');
    expect((await a.get('/api/auth/me')).status).toBe(200);
    clock.advance(29 * 60_000);
    expect((await a.get('/api/auth/me')).status).toBe(200);
    clock.advance(29 * 60_000);
    expect((await a.get('/api/auth/me')).status).toBe(200);
    clock.advance(31 * 60_000);
    const r = await a.get('/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('expire 12 hours after sign-in however active', async () => {
    const a = await t.login('leader');
    for (let h = 0; h < 11 * 4; h++) {
      clock.advance(15 * 60_000);
      expect((await a.get('/api/auth/me')).status).toBe(200);
    }
    clock.advance(25 * 60_000);
    expect((await a.get('/api/auth/me')).status).toBe(200);
    clock.advance(25 * 60_000);
    expect((await a.get('/api/auth/me')).status).toBe(200);
    clock.advance(11 * 60_000);
    expect((await a.get('/api/auth/me')).status).toBe(401);
  });

  it('end at logout', async () => {
    const a = await t.login('leader');
    expect((await a.post('/api/auth/logout')).status).toBe(204);
    expect((await a.get('/api/auth/me')).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the X-CSRF-Token header', async () => {
    const a = await t.login('admin');
    const tree = await a.get('/api/orgs/tree');
    const district = tree.body[0];
    const payload = { parentId: district.id, name: 'CSRF测试街道', level: 'street' };
    const noToken = await t.request({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: a.cookie },
      payload,
    });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await a.request('POST', '/api/orgs', payload, { 'x-csrf-token': 'x'.repeat(32) });
    expect(wrong.status).toBe(403);
    const list = await a.get('/api/orgs?q=CSRF');
    expect(list.body.items).toHaveLength(0);
  });
});

describe('passwords', () => {
  it('an account created by an admin must change its password first; the policy is enforced', async () => {
    const security = await t.login('security'); // 三员分立: the security administrator grants roles
    const tree = await security.get('/api/orgs/tree');
    const roles = await security.get('/api/roles');
    const viewer = roles.body.find((r: { code: string }) => r.code === 'viewer');
    const created = await security.post('/api/users', {
      username: 'newcomer',
      displayName: '新用户',
      orgId: tree.body[0].id,
      roleIds: [viewer.id],
      password: 'Initial#Pass1',
    });
    expect(created.status).toBe(201);
    expect(created.body.mustChangePassword).toBe(true);
    const u = await t.login('newcomer', 'Initial#Pass1');
    expect((await u.get('/api/orgs/tree')).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await u.get('/api/auth/me')).body.user.mustChangePassword).toBe(true);
    const weak = await u.post('/api/auth/password', {
      currentPassword: 'Initial#Pass1',
      newPassword: 'alllowercase',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields[0].path).toBe('newPassword');
    const short = await u.post('/api/auth/password', {
      currentPassword: 'Initial#Pass1',
      newPassword: 'Ab1!',
    });
    expect(short.status).toBe(400);
    const wrongCurrent = await u.post('/api/auth/password', {
      currentPassword: 'Nope#Pass12',
      newPassword: 'Better#Pass22',
    });
    expect(wrongCurrent.body.error.fields[0].path).toBe('currentPassword');
    expect(
      (await u.post('/api/auth/password', { currentPassword: 'Initial#Pass1', newPassword: 'Better#Pass22' }))
        .status,
    ).toBe(204);
    expect((await u.get('/api/orgs/tree')).status).toBe(200);
    expect((await login('newcomer', 'Initial#Pass1')).status).toBe(401);
  });

  it('stores argon2id hashes', async () => {
    const row = await t.db.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import {
  createTestApp,
  TEST_PASSWORD,
  TEST_TOTP_SECRET,
  type TestApp,
  type TestResponse,
} from '../../test-support/test-app.ts';
import { totpCode } from './totp.ts';

const clock = new FakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const cookieOf = (r: TestResponse) => String(r.headers['set-cookie']).split(';')[0]!;
const passwordStep = async (username: string) => {
  const r = await t.request({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: TEST_PASSWORD },
  });
  expect(r.status).toBe(200);
  return { cookie: cookieOf(r), csrf: r.body.csrfToken as string, body: r.body };
};
const codeStep = (p: { cookie: string; csrf: string }, code: string) =>
  t.request({
    method: 'POST',
    url: '/api/auth/second-factor',
    headers: { cookie: p.cookie, 'x-csrf-token': p.csrf },
    payload: { code },
  });

describe('sign-in with a second factor', () => {
  it('after the password, the session reaches nothing but the code step; a right code opens a new session', async () => {
    const p = await passwordStep('security');
    expect(p.body).toEqual({ secondFactorRequired: true, csrfToken: expect.any(String) });
    for (const url of ['/api/auth/me', '/api/users', '/api/orgs/tree']) {
      const r = await t.request({ method: 'GET', url, headers: { cookie: p.cookie } });
      expect(r.status, url).toBe(401);
      expect(r.body.error.code).toBe('SECOND_FACTOR_REQUIRED');
    }
    const wrong = await codeStep(p, '000000');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_SECOND_FACTOR');
    const ok = await codeStep(p, totpCode(TEST_TOTP_SECRET, clock.now()));
    expect(ok.status).toBe(200);
    expect(ok.body.user.username).toBe('security');
    const full = cookieOf(ok);
    expect(full).not.toBe(p.cookie);
    // The token seen before the code was entered is worth nothing now.
    expect(
      (await t.request({ method: 'GET', url: '/api/auth/me', headers: { cookie: p.cookie } })).status,
    ).toBe(401);
    expect((await t.agent(full, ok.body.csrfToken).get('/api/users')).status).toBe(200);
  });

  it('a pending session waits five minutes for its code', async () => {
    const p = await passwordStep('security');
    clock.advance(5 * 60_000 + 1000);
    const late = await codeStep(p, totpCode(TEST_TOTP_SECRET, clock.now()));
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('wrong codes count towards the lockout: the fifth locks the account and ends the pending session', async () => {
    const p = await passwordStep('auditor');
    for (let i = 0; i < 4; i++) expect((await codeStep(p, `11111${i}`)).status).toBe(401);
    const fifth = await codeStep(p, '111119');
    expect(fifth.status).toBe(423);
    expect((await codeStep(p, totpCode(TEST_TOTP_SECRET, clock.now()))).status).toBe(401);
    const again = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'auditor', password: TEST_PASSWORD },
    });
    expect(again.status).toBe(423);
    clock.advance(16 * 60_000);
  });
});

describe('a code is good once (RFC 6238 §5.2)', () => {
  it('a code already used to sign in is refused in the rest of its window, and counts as a failure', async () => {
    clock.advance(60_000);
    const code = totpCode(TEST_TOTP_SECRET, clock.now());
    const first = await codeStep(await passwordStep('security'), code);
    expect(first.status).toBe(200);
    const again = await codeStep(await passwordStep('security'), code);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('INVALID_SECOND_FACTOR');
    const row = await t.db.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'auth.second_factor_failed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.summary).toMatch(/^code already used/);
    // Ten seconds later the same code is still inside its window, and still refused.
    clock.advance(10_000);
    expect((await codeStep(await passwordStep('security'), code)).status).toBe(401);
    // The next step's code signs in; an earlier one (still within the drift allowance) does not.
    clock.advance(30_000);
    const earlier = totpCode(TEST_TOTP_SECRET, new Date(clock.now().getTime() - 30_000));
    expect(
      (await codeStep(await passwordStep('security'), totpCode(TEST_TOTP_SECRET, clock.now()))).status,
    ).toBe(200);
    expect((await codeStep(await passwordStep('security'), earlier)).status).toBe(401);
  });

  it('two sign-ins racing with the same code: one gets in', async () => {
    clock.advance(60_000);
    const code = totpCode(TEST_TOTP_SECRET, clock.now());
    const pending = [await passwordStep('admin'), await passwordStep('admin')];
    const answers = await Promise.all(pending.map((p) => codeStep(p, code)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
  });
});

describe('enrolment, recovery codes and the reset', () => {
  let leaderSecret = '';
  const leaderIn = async () => {
    clock.advance(30_000); // a new time step: a code is good once
    const p = await passwordStep('leader');
    const r = await codeStep(p, totpCode(leaderSecret, clock.now()));
    expect(r.status).toBe(200);
    return t.agent(cookieOf(r), r.body.csrfToken);
  };
  it('any account may enrol; the code confirms it; 10 recovery codes, stored as argon2id, each good once', async () => {
    const leader = await t.login('leader');
    expect((await leader.get('/api/auth/me')).body.secondFactor).toEqual({
      enabled: false,
      required: false,
      mustEnrol: false,
    });
    const noStart = await leader.post('/api/auth/second-factor/confirm', { code: '123456' });
    expect(noStart.status).toBe(400);
    const e = await leader.post('/api/auth/second-factor/enrol');
    expect(e.status).toBe(200);
    leaderSecret = e.body.secret;
    expect(e.body.otpauthUri).toBe(
      `otpauth://totp/CivicGrid:leader?secret=${e.body.secret}&issuer=CivicGrid`,
    );
    const bad = await leader.post('/api/auth/second-factor/confirm', { code: '000000' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('code');
    const ok = await leader.post('/api/auth/second-factor/confirm', {
      code: totpCode(e.body.secret, clock.now()),
    });
    expect(ok.status).toBe(200);
    const codes: string[] = ok.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await t.db.db
      .selectFrom('user_recovery_codes as c')
      .innerJoin('users as u', 'u.id', 'c.user_id')
      .select('c.code_hash')
      .where('u.username', '=', 'leader')
      .execute();
    expect(stored).toHaveLength(10);
    for (const s of stored) expect(s.code_hash).toMatch(/^\$argon2id\$/);
    expect(stored.some((s) => codes.some((c) => s.code_hash.includes(c)))).toBe(false);

    const p = await passwordStep('leader');
    expect(p.body.secondFactorRequired).toBe(true);
    expect((await codeStep(p, codes[3]!.toUpperCase())).status).toBe(200);
    const reuse = await passwordStep('leader');
    expect((await codeStep(reuse, codes[3]!)).status).toBe(401);
    expect((await codeStep(reuse, codes[4]!)).status).toBe(200);
    const status = await (await leaderIn()).get('/api/auth/second-factor');
    expect(status.body).toMatchObject({ enabled: true, required: false, recoveryCodesLeft: 8 });
  });

  it('an account may turn its own factor off with its password; an administrator may not', async () => {
    const leader = await leaderIn();
    const wrong = await leader.post('/api/auth/second-factor/disable', { password: 'Nope#Pass123' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('password');
    expect((await leader.post('/api/auth/second-factor/disable', { password: TEST_PASSWORD })).status).toBe(
      204,
    );
    expect((await passwordStep('leader')).body.user.username).toBe('leader');
    const admin = await t.login('admin');
    const refused = await admin.post('/api/auth/second-factor/disable', { password: TEST_PASSWORD });
    expect(refused.status).toBe(403);
  });

  it('only the security administrator resets a factor (audited); an administrator is then held at enrolment', async () => {
    const admin = await t.login('admin');
    const users = await admin.get('/api/users?q=auditor');
    const auditorId = users.body.items.find((u: { username: string }) => u.username === 'auditor').id;
    expect((await admin.post(`/api/users/${auditorId}/second-factor/reset`)).status).toBe(403);
    const security = await t.login('security');
    expect((await security.post(`/api/users/${auditorId}/second-factor/reset`)).status).toBe(204);

    // No code asked now, but nothing opens until a new factor is set up.
    const auditor = await t.login('auditor');
    const me = await auditor.get('/api/auth/me');
    expect(me.body.secondFactor).toEqual({ enabled: false, required: true, mustEnrol: true });
    const held = await auditor.get('/api/audit?limit=5');
    expect(held.status).toBe(403);
    expect(held.body.error.code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    const e = await auditor.post('/api/auth/second-factor/enrol');
    expect(
      (await auditor.post('/api/auth/second-factor/confirm', { code: totpCode(e.body.secret, clock.now()) }))
        .status,
    ).toBe(200);
    const log = await auditor.get('/api/audit?action=user.second_factor_reset');
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({ actorName: 'security', entityId: auditorId });
    // The code that confirmed the enrolment is used: it does not sign in again.
    const used = await passwordStep('auditor');
    expect((await codeStep(used, totpCode(e.body.secret, clock.now()))).status).toBe(401);
    // The new secret is the one asked at the next sign-in.
    clock.advance(30_000);
    const p = await passwordStep('auditor');
    expect((await codeStep(p, totpCode(TEST_TOTP_SECRET, clock.now()))).status).toBe(401);
    expect((await codeStep(p, totpCode(e.body.secret, clock.now()))).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test-support/test-app.ts';

const clock = new FakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let spray: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
  spray = await createTestApp({ clock, env: { LOGIN_IP_MAX_FAILURES: '10' } });
});
afterAll(async () => {
  await t.close();
  await spray.close();
});

const login = (app: TestApp, username: string, password: string, ip = '198.51.100.7') =>
  app.request({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    payload: { username, password },
  });

describe('lockout under parallel guesses', () => {
  it('20 wrong passwords sent at once lock the account: 4 answers 401, 16 answer 423, the right password is refused', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(t, 'community', `Wrong-guess-${i}x`)),
    );
    const statuses = answers.map((a) => a.status);
    // One atomic count: exactly the first four failures fall short of the limit, whatever the interleaving.
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 423)).toHaveLength(16);
    const right = await login(t, 'community', TEST_PASSWORD);
    expect(right.status).toBe(423);
    expect(right.body.error.code).toBe('ACCOUNT_LOCKED');
    const row = await t.db.db
      .selectFrom('users')
      .select(['locked_until'])
      .where('username', '=', 'community')
      .executeTakeFirstOrThrow();
    expect(new Date(row.locked_until!).getTime()).toBe(clock.now().getTime() + 15 * 60_000);
    clock.advance(15 * 60_000 + 1000);
    expect((await login(t, 'community', TEST_PASSWORD)).status).toBe(200);
  });

  it('a right password sent among parallel wrong ones cannot slip past the lock once it is set', async () => {
    const wrong = await Promise.all(Array.from({ length: 5 }, () => login(t, 'dept', 'Wrong-guess-0x')));
    expect(wrong.map((w) => w.status).sort()).toEqual([401, 401, 401, 401, 423]);
    const later = await Promise.all([login(t, 'dept', TEST_PASSWORD), login(t, 'dept', 'Wrong-guess-1x')]);
    expect(later.map((l) => l.status)).toEqual([423, 423]);
  });
});

describe('unknown usernames look like real ones', () => {
  it('an unknown name is counted and locked exactly like an account: same codes, messages and detail keys', async () => {
    const real: { status: number; code: string; message: string; keys: string[] }[] = [];
    const ghost: typeof real = [];
    for (let i = 0; i < 6; i++) {
      for (const [name, into] of [
        ['street', real],
        ['no-such-person', ghost],
      ] as const) {
        const r = await login(t, name, `Wrong-guess-${i}y`, '198.51.100.8');
        into.push({
          status: r.status,
          code: r.body.error.code,
          message: r.body.error.message,
          keys: Object.keys(r.body.error.details ?? {}).sort(),
        });
      }
    }
    expect(real.map((r) => r.status)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(ghost).toEqual(real);
    const lockedReal = await login(t, 'street', TEST_PASSWORD, '198.51.100.8');
    const lockedGhost = await login(t, 'no-such-person', TEST_PASSWORD, '198.51.100.8');
    expect(lockedGhost.body.error).toEqual(lockedReal.body.error);
  });
});

describe('password spraying from one address', () => {
  it('after 10 failed sign-ins from an address across usernames, that address is refused (429); others are not', async () => {
    const names = ['grid', 'mediator', 'leader', 'center', 'dept', 'street', 'community', 'x1', 'x2', 'x3'];
    for (const n of names) expect((await login(spray, n, 'Spring2026!x', '203.0.113.9')).status).toBe(401);
    const blocked = await login(spray, 'grid', TEST_PASSWORD, '203.0.113.9');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect((await login(spray, 'grid', TEST_PASSWORD, '203.0.113.10')).status).toBe(200);
    clock.advance(15 * 60_000);
    expect((await login(spray, 'grid', TEST_PASSWORD, '203.0.113.9')).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { computeIndicators } from '../../core/indicators/registry.ts';
import { systemScope } from '../../core/org-scope.ts';
import { runSweepOnce } from '../../core/sweeps.ts';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { VOLUNTEER_INDICATORS } from './indicators.ts';
import { understaffedSweep } from './sweeps.ts';

// Wednesday 2026-12-02 10:00 in Shanghai; the week starts Monday 11-30.
const clock = new FakeClock('2026-12-02T02:00:00Z');
const WEEK = '2026-11-30';
let t: TestApp;
let a: f.Subtree, b: f.Subtree;
let manager: Agent, leader: Agent, other: Agent;
let leaderUser: f.FactoryUser;
let managerUser: f.FactoryUser;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  a = await f.orgSubtree(db);
  b = await f.orgSubtree(db);
  const m = (managerUser = await f.user(db, a.street, { code: 'volunteer_manager' }));
  leaderUser = await f.user(db, a.street, { code: 'volunteer' });
  const o = await f.user(db, b.street, { code: 'volunteer_manager' });
  manager = await t.login(m.username);
  leader = await t.login(leaderUser.username);
  other = await t.login(o.username);
});
afterAll(() => t.close());

describe('volunteers', () => {
  it('registers a registry person as a volunteer, masked like the registry, listed, counted and exported', async () => {
    const p = await f.person(t.db.db, a);
    const team = (
      await manager.post('/api/volunteer-teams', { name: '平安巡逻队', kind: 'patrol', orgId: a.street.id })
    ).body;
    const aux = { personId: p.id, orgId: a.street.id, kind: 'auxiliary', teamId: team.id };
    const noSub = await manager.post('/api/volunteers', aux);
    expect(noSub.status).toBe(400);
    expect(noSub.body.error.fields[0].path).toBe('subtype');
    const body = {
      ...aux,
      subtype: 'security_guard',
      employer: '东兴物业公司',
      skills: ['急救'],
      certificate: { number: 'QF-1', issued: '2025-01-01', validTo: '2026-03-31' },
    };
    const key = { 'idempotency-key': `vol-${p.id}` };
    const made = await manager.request('POST', '/api/volunteers', body, key);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.name).toBe(p.name);
    expect(made.body.idNumber).not.toBe(p.idNumber);
    expect(made.body.idNumber.slice(-4)).toBe(p.idNumber.slice(-4));
    expect(made.body.certificateState).toBe('expired');
    const again = await manager.request('POST', '/api/volunteers', body, key);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(made.body.id);

    const expired = await manager.get('/api/volunteers?certificate=expired');
    expect(expired.body.items.map((v: { id: string }) => v.id)).toEqual([made.body.id]);
    expect(expired.body.total).toBe(1);
    const csv = await manager.get('/api/volunteers/export?certificate=expired');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(p.name);
    expect(csv.text).not.toContain(p.idNumber);
    expect((await other.get(`/api/volunteers/${made.body.id}`)).status).toBe(404);

    const stale = await manager.patch(`/api/volunteers/${made.body.id}`, { version: 9, employer: 'x' });
    expect(stale.status).toBe(409);
    const renewed = await manager.patch(`/api/volunteers/${made.body.id}`, {
      version: made.body.version,
      certificate: { number: 'QF-2', validTo: '2028-03-31' },
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.certificateState).toBe('valid');
  });
});

describe('posts and the roster', () => {
  it('generates a week of three shifts a day, refuses an expired certificate naming assignees, and shows coverage with its gaps', async () => {
    const db = t.db.db;
    const post = await manager.post('/api/volunteer-posts', {
      name: '地铁口钉子岗',
      kind: 'fixed',
      placeKind: 'metro',
      orgId: a.street.id,
      minPerShift: 1,
      pattern: [
        { start: '06:00', end: '14:00' },
        { start: '14:00', end: '22:00' },
        { start: '22:00', end: '06:00' },
      ],
    });
    expect(post.status, JSON.stringify(post.body)).toBe(201);
    const gen = await manager.post(`/api/volunteer-posts/${post.body.id}/shifts`, { weekStart: WEEK });
    expect(gen.body.created).toBe(21);
    expect(
      (await manager.post(`/api/volunteer-posts/${post.body.id}/shifts`, { weekStart: WEEK })).body.created,
    ).toBe(0);
    expect(
      (await manager.post(`/api/volunteer-posts/${post.body.id}/shifts`, { weekStart: '2026-12-01' })).status,
    ).toBe(400);

    const good = await f.volunteer(db, a);
    const lapsed = await f.volunteer(db, a, { validTo: '2026-11-30' });
    const roster = async () =>
      (await manager.get(`/api/volunteer-roster?weekStart=${WEEK}&postId=${post.body.id}`)).body.posts[0];
    let r = await roster();
    expect(r.shifts).toHaveLength(21);
    expect(r.coverage).toMatchObject({ requiredHours: 168, coveredHours: 0 });
    const refused = await t.db.db
      .selectFrom('volunteer_shifts')
      .select(['id', 'version'])
      .where('post_id', '=', post.body.id)
      .orderBy('starts_at')
      .execute();
    const bad = await manager.request('PUT', `/api/volunteer-shifts/${refused[3]!.id}/assignees`, {
      version: 1,
      assignees: [good.id, lapsed.id],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('assignees');
    // Every shift but Wednesday's night shift (the 9th: Mon ×3, Tue ×3, Wed 06, 14, 22).
    for (const [i, s] of refused.entries())
      if (i !== 8) {
        const ok = await manager.request('PUT', `/api/volunteer-shifts/${s.id}/assignees`, {
          version: s.version,
          assignees: [good.id],
        });
        expect(ok.status).toBe(200);
      }
    const staleAssign = await manager.request('PUT', `/api/volunteer-shifts/${refused[0]!.id}/assignees`, {
      version: 1,
      assignees: [],
    });
    expect(staleAssign.status).toBe(409);
    r = await roster();
    // 168 h required; Monday 00–06 belongs to last week's night, Wednesday 22–06 is empty: 168 − 6 − 8.
    expect(r.coverage.coveredHours).toBe(154);
    expect(r.coverage.gaps).toEqual([
      { start: '2026-11-29T16:00:00.000Z', end: '2026-11-29T22:00:00.000Z' },
      { start: '2026-12-02T14:00:00.000Z', end: '2026-12-02T22:00:00.000Z' },
    ]);
    expect(r.shifts[8].understaffed).toBe(true);
  });

  it("alerts the team leader once about tomorrow's understaffed shift and lists it in 我的待办", async () => {
    const db = t.db.db;
    const team = await f.volunteerTeam(db, a.street, leaderUser.id);
    const post = await f.volunteerPost(db, a.street, { teamId: team.id, min: 2 });
    const v = await f.volunteer(db, a);
    // Thursday 06:00 Shanghai: 20 hours ahead of the fake clock; a shift 30 hours ahead is not yet due.
    const soon = await f.volunteerShift(db, post, new Date('2026-12-02T22:00:00Z'), 8, [v.id]);
    const later = await f.volunteerShift(db, post, new Date('2026-12-03T08:00:00Z'), 8, []);
    expect((await runSweepOnce(db, understaffedSweep, clock.now())).result).toBeGreaterThanOrEqual(1);
    expect((await runSweepOnce(db, understaffedSweep, clock.now())).result).toBe(0);
    const bell = await leader.get('/api/notifications?limit=100');
    const mine = bell.body.items.filter((n: { kind: string }) => n.kind === 'volunteer.shift_understaffed');
    const marked = await db
      .selectFrom('volunteer_shifts')
      .select(['id', 'understaffed_alerted_at'])
      .where('post_id', '=', post.id)
      .execute();
    expect(marked.filter((m) => m.understaffed_alerted_at).map((m) => m.id)).toEqual([soon.id]);
    expect(later.id).not.toBe(soon.id);
    expect(mine.filter((n: { title: string }) => n.title.includes(post.name))).toHaveLength(1);
    expect(mine.find((n: { title: string }) => n.title.includes(post.name)).title).toContain('1/2');
    const tasks = await leader.get('/api/tasks?kind=volunteer.understaffed&limit=100');
    const ids = tasks.body.items.map((i: { ownerId: string }) => i.ownerId);
    expect(ids).toContain(soon.id);
    expect(ids).not.toContain(later.id);
  });
});

describe('sign-in at the post', () => {
  it('signs a volunteer in and out on their shift, the community confirms, the hours count', async () => {
    const db = t.db.db;
    const u = await f.user(db, a.street, { code: 'volunteer' });
    const me = await t.login(u.username);
    const v = await f.volunteer(db, a, { userId: u.id });
    const post = await f.volunteerPost(db, a.street);
    // 09:00–17:00 Shanghai today; the fake clock is at 10:00.
    const shift = await f.volunteerShift(db, post, new Date('2026-12-02T01:00:00Z'), 8, [v.id]);
    const notMine = await f.volunteerShift(
      db,
      post,
      new Date('2026-12-02T01:00:00Z'.replace('01:', '02:')),
      8,
      [],
    );
    expect((await me.post(`/api/volunteer-shifts/${notMine.id}/sign-in`, {})).status).toBe(400);
    const list = await me.get('/api/volunteer-shifts/mine');
    expect(list.body.items.find((s: { id: string }) => s.id === shift.id).canSignIn).toBe(true);
    const signed = await me.post(`/api/volunteer-shifts/${shift.id}/sign-in`, { note: '到岗' });
    expect(signed.status).toBe(201);
    expect((await me.post(`/api/volunteer-shifts/${shift.id}/sign-in`, {})).status).toBe(200);
    clock.advance(2.5 * 3_600_000);
    const meAgain = await t.login(u.username);
    const managerAgain = await t.login(managerUser.username);
    const out = await meAgain.post(`/api/volunteer-shifts/${shift.id}/sign-out`, {});
    expect(out.body.hours, JSON.stringify(out.body)).toBe(2.5);
    const confirmed = await managerAgain.post(`/api/volunteer-shifts/${shift.id}/confirm`, {});
    expect(confirmed.body.items[0]).toMatchObject({ volunteerId: v.id, hours: 2.5, confirmed: true });
    // The duty book of December for the employer lists exactly this confirmed sign-in.
    await db.updateTable('volunteers').set({ employer: '测试物业公司' }).where('id', '=', v.id).execute();
    const book = await managerAgain.get(
      `/api/volunteers/duty-book/export?month=2026-12&employer=${encodeURIComponent('测试物业公司')}`,
    );
    expect(book.status).toBe(200);
    const lines = book.text.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(v.name);
    expect(lines[1]).toContain(',2.5,');
    expect(
      (
        await managerAgain.get(
          `/api/volunteers/duty-book/export?month=2026-11&employer=${encodeURIComponent('测试物业公司')}`,
        )
      ).text
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
    const page = await managerAgain.get(`/api/volunteers/${v.id}`);
    expect(page.body.serviceHours).toBe(2.5);
    const codes = VOLUNTEER_INDICATORS.map((d) => d.code);
    const values = (
      await computeIndicators({ db, scope: systemScope(), clock }, codes, {
        units: { kind: 'org', orgIds: [a.street.id] },
        from: new Date('2026-12-02T00:00:00+08:00'),
        to: new Date('2026-12-03T00:00:00+08:00'),
      })
    ).get(a.street.id)!;
    expect(values['volunteers.serviceHours']).toBe(2.5);
    expect(values['volunteers.registered']).toBeGreaterThanOrEqual(5);
    clock.set('2026-12-02T02:00:00Z');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { runSweepOnce } from '../../core/sweeps.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { permitExpirySweep } from './sweeps.ts';
import { insertHouse, insertPerson, insertResidence } from './test-fixtures.ts';

// 2026-03-02 10:00 in Shanghai.
const clock = new FakeClock('2026-03-02T02:00:00Z');
let t: TestApp;
let community: Agent, grid: Agent, center: Agent;

beforeAll(async () => {
  t = await createTestApp({ clock });
  community = await t.login('community');
  grid = await t.login('grid');
  center = await t.login('center');
});
afterAll(() => t.close());

async function floatingResident(name: string, gridName = '梅园社区第1网格') {
  const personId = await insertPerson(t.db.db, { name, grid: gridName });
  const houseId = await insertHouse(t.db.db, { address: `${name}的住处`, grid: gridName });
  await insertResidence(t.db.db, { personId, houseId, fromDate: '2025-01-01' });
  return { personId, houseId };
}

const act = (a: Agent, id: string, body: Record<string, unknown>) =>
  a.post(`/api/permits/${id}/actions`, body);

describe('permit lifecycle', () => {
  it('apply → issue → renew → address change, each step on the timeline', async () => {
    const { personId, houseId } = await floatingResident('流动甲');
    const applied = await community.post('/api/permits', { personId });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body).toMatchObject({
      status: 'applied',
      houseId,
      address: '流动甲的住处',
      appliedOn: '2026-03-02',
    });
    expect(applied.body.allowedActions.sort()).toEqual(['cancel', 'issue', 'reject']);
    expect((await community.post('/api/permits', { personId })).status).toBe(409);

    const issued = await act(community, applied.body.id, { action: 'issue', version: applied.body.version });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body).toMatchObject({ status: 'issued', validFrom: '2026-03-02', validTo: '2027-03-02' });
    expect(issued.body.number).toMatch(/^JZ2026\d{8}$/);

    // Forbidden moves are 409s that say what is allowed.
    const reIssue = await act(community, applied.body.id, { action: 'issue', version: issued.body.version });
    expect(reIssue.status).toBe(409);
    // One refusal code for every workflow (the engine's), as cases have always answered.
    expect(reIssue.body.error.code).toBe('ACTION_NOT_ALLOWED');
    expect(reIssue.body.error.details.allowedActions.sort()).toEqual(['cancel', 'change_address', 'renew']);
    expect(
      (await act(community, applied.body.id, { action: 'reject', version: issued.body.version, reason: 'x' }))
        .status,
    ).toBe(409);
    const stale = await act(community, applied.body.id, { action: 'renew', version: applied.body.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');

    const renewed = await act(community, applied.body.id, { action: 'renew', version: issued.body.version });
    expect(renewed.body).toMatchObject({ status: 'issued', validFrom: '2026-03-02', validTo: '2028-03-02' });

    // The address follows the person: a house they do not live in is refused, the new home is accepted.
    const elsewhere = await insertHouse(t.db.db, { address: '别处', grid: '梅园社区第1网格' });
    const notHome = await act(community, applied.body.id, {
      action: 'change_address',
      version: renewed.body.version,
      houseId: elsewhere,
    });
    expect(notHome.status).toBe(400);
    expect(notHome.body.error.fields[0].path).toBe('houseId');
    await t.db.db
      .updateTable('residences')
      .set({ to_date: '2026-03-01' })
      .where('person_id', '=', personId)
      .execute();
    const newHome = await insertHouse(t.db.db, { address: '新住处', grid: '梅园社区第1网格' });
    await insertResidence(t.db.db, { personId, houseId: newHome, fromDate: '2026-03-01' });
    const moved = await act(community, applied.body.id, {
      action: 'change_address',
      version: renewed.body.version,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ status: 'issued', houseId: newHome, address: '新住处' });
    expect(moved.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'apply',
      'issue',
      'renew',
      'change_address',
    ]);
    expect(moved.body.timeline[3].data).toMatchObject({ previousAddress: '流动甲的住处', address: '新住处' });

    const noReason = await act(community, applied.body.id, { action: 'cancel', version: moved.body.version });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe('reason');
    const cancelled = await act(community, applied.body.id, {
      action: 'cancel',
      version: moved.body.version,
      reason: '离开本区',
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', allowedActions: [] });
    const links = await community.get(`/api/persons/${personId}/places`);
    expect(links.body.permits).toEqual([
      expect.objectContaining({ id: applied.body.id, status: 'cancelled' }),
    ]);
  });

  it('rejects with a reason; an entered number must be unique; readers cannot act', async () => {
    const a = await floatingResident('流动乙');
    const p = (await community.post('/api/permits', { personId: a.personId })).body;
    expect((await act(center, p.id, { action: 'reject', version: p.version, reason: 'x' })).status).toBe(403);
    const rejected = await act(community, p.id, { action: 'reject', version: p.version, reason: '材料不全' });
    expect(rejected.body.status).toBe('rejected');
    const b = await floatingResident('流动丙');
    const q = (await community.post('/api/permits', { personId: b.personId })).body;
    const first = await act(community, q.id, { action: 'issue', version: q.version, number: 'JZ-TEST-0001' });
    expect(first.body.number).toBe('JZ-TEST-0001');
    const c = await floatingResident('流动丁');
    const r = (await community.post('/api/permits', { personId: c.personId })).body;
    const dup = await act(community, r.id, { action: 'issue', version: r.version, number: 'JZ-TEST-0001' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields[0].path).toBe('number');
  });

  it('keeps to the caller scope', async () => {
    const far = await floatingResident('远处戊', '梅园社区第3网格');
    const p = (await community.post('/api/permits', { personId: far.personId })).body;
    expect((await grid.get(`/api/permits/${p.id}`)).status).toBe(404);
    expect(
      (await grid.get('/api/permits?limit=200')).body.items.map((x: { id: string }) => x.id),
    ).not.toContain(p.id);
    const applyFar = await grid.post('/api/permits', { personId: far.personId });
    expect(applyFar.status).toBe(400);
    expect(applyFar.body.error.fields[0].path).toBe('personId');
  });
});

describe('expiry sweep', () => {
  it('reminds the grid worker once, 30 days before the end, and marks expired permits', async () => {
    const { personId } = await floatingResident('到期己');
    const p = (await community.post('/api/permits', { personId })).body;
    const issued = (
      await act(community, p.id, {
        action: 'issue',
        version: p.version,
        validFrom: '2025-05-01',
        validTo: '2026-05-01',
      })
    ).body;
    expect(issued.validTo).toBe('2026-05-01');
    const gridUser = await t.db.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'grid')
      .executeTakeFirstOrThrow();
    const reminders = () =>
      t.db.db
        .selectFrom('notifications')
        .select(['user_id', 'title'])
        .where('kind', '=', 'permit.expiring')
        .where('title', 'like', '%到期己%')
        .execute();

    // 31 days before: nothing yet.
    await runSweepOnce(t.db.db, permitExpirySweep, new Date('2026-03-30T16:30:00Z')); // 03-31 00:30 local
    expect(await reminders()).toHaveLength(0);
    // 30 days before: the grid's worker is told.
    await runSweepOnce(t.db.db, permitExpirySweep, new Date('2026-03-31T16:30:00Z')); // 04-01 local
    const once = await reminders();
    expect(once).toEqual([expect.objectContaining({ user_id: gridUser.id })]);
    // The next rounds do not repeat it.
    await runSweepOnce(t.db.db, permitExpirySweep, new Date('2026-04-01T16:30:00Z'));
    await runSweepOnce(t.db.db, permitExpirySweep, new Date('2026-04-20T02:00:00Z'));
    expect(await reminders()).toHaveLength(1);
    expect((await community.get(`/api/permits?expiringWithinDays=30&q=到期己`)).body.items).toHaveLength(0); // clock still at 03-02

    // The day after the last valid day it expires, with an event; renewing starts a new period that is reminded again.
    await runSweepOnce(t.db.db, permitExpirySweep, new Date('2026-05-01T16:30:00Z')); // 05-02 local
    const expired = (await community.get(`/api/permits/${p.id}`)).body;
    expect(expired.status).toBe('expired');
    expect(expired.timeline.at(-1)).toMatchObject({ action: 'expire', actorName: 'system' });
    clock.set('2026-05-03T02:00:00Z');
    community = await t.login('community'); // the old session lapsed with the clock
    const renewed = (await act(community, p.id, { action: 'renew', version: expired.version })).body;
    expect(renewed).toMatchObject({ status: 'issued', validFrom: '2026-05-03', validTo: '2027-05-03' });
    await runSweepOnce(t.db.db, permitExpirySweep, new Date('2027-04-01T16:30:00Z'));
    expect(await reminders()).toHaveLength(1);
    await runSweepOnce(t.db.db, permitExpirySweep, new Date('2027-04-02T16:30:00Z'));
    expect(await reminders()).toHaveLength(2);
    await runSweepOnce(t.db.db, permitExpirySweep, new Date('2027-04-03T16:30:00Z'));
    expect(await reminders()).toHaveLength(2);
    clock.set('2027-04-10T02:00:00Z');
    community = await t.login('community');
    const expiring = await community.get(`/api/permits?expiringWithinDays=30&q=到期己`);
    expect(expiring.body.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
  });
});

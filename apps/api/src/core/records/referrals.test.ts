import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock.ts';
import { runSweepOnce } from '../sweeps.ts';
import { AT, categoryByCode } from '../../test-support/case-helpers.ts';
import { orgId, userAt } from '../../test-support/record-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { referralExpirySweep } from './referral-sweep.ts';

// Wednesday 2026-11-25 10:00 in Shanghai: three working days end on Monday 30th at 17:30.
const WED = '2026-11-25T02:00:00Z';
const clock = new FakeClock(WED);
let t: TestApp;
let center: Agent, street: Agent, other: Agent;
let xiyuan: string;

async function report() {
  const cat = await categoryByCode(center, 'SJ0101');
  const r = await center.post('/api/cases', {
    channel: 'hotline',
    title: '占道经营',
    description: '早市摊位',
    categoryId: cat.id,
    urgency: 'normal',
    location: AT.meiyuan1,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; number: string; ownerOrgId: string };
}

async function transfer(caseId: string) {
  const r = await street.post(`/api/records/case/${caseId}/referrals`, {
    kind: 'transfer',
    toOrgId: xiyuan,
    reason: '属地调整',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const sweep = () => runSweepOnce(t.db.db, referralExpirySweep, clock.now());

/** Days pass on the fake clock: sessions idle out, so everyone signs in again. */
async function signIn() {
  center = await t.login('center');
  street = await t.login('street');
  other = await t.login('xiyuan_clerk');
}

async function noticesOf(username: string, kind: string) {
  return t.db.db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['n.kind', 'n.case_id'])
    .where('u.username', '=', username)
    .where('n.kind', '=', kind)
    .execute();
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  center = await t.login('center');
  street = await t.login('street'); // 东兴街道: holds the cases of 梅园社区
  other = await userAt(t, { username: 'xiyuan_clerk', orgName: '西苑街道', role: 'street_staff' });
  xiyuan = await orgId(t, '西苑街道');
});
afterAll(() => t.close());

describe('a transfer (移交)', () => {
  it('moves ownership only when the receiver accepts', async () => {
    clock.set(WED);
    await signIn();
    const c = await report();
    const sent = await transfer(c.id);
    expect(sent).toMatchObject({ status: 'pending', kind: 'transfer', canWithdraw: true, canAnswer: false });

    // Until then the sender holds it and the receiver cannot open it, only its referral.
    expect((await center.get(`/api/cases/${c.id}`)).body.ownerOrgId).toBe(c.ownerOrgId);
    expect((await street.get(`/api/cases/${c.id}`)).status).toBe(200);
    expect((await other.get(`/api/cases/${c.id}`)).status).toBe(404);
    const incoming = (await other.get('/api/referrals?box=incoming&status=pending')).body.items;
    const mine = incoming.find((r: { id: string }) => r.id === sent.id);
    expect(mine).toMatchObject({ canAnswer: true, canWithdraw: false });
    expect(mine.ownerLabel).toContain(c.number);
    expect(
      (await street.get('/api/referrals?box=incoming')).body.items.map((r: { id: string }) => r.id),
    ).not.toContain(sent.id);
    expect(
      (await street.get('/api/referrals?box=outgoing')).body.items.map((r: { id: string }) => r.id),
    ).toContain(sent.id);

    // Only the receiver's side may accept; the version guards a second answer.
    expect((await street.post(`/api/referrals/${sent.id}/accept`, { version: sent.version })).status).toBe(
      403,
    );
    const stale = await other.post(`/api/referrals/${sent.id}/accept`, { version: sent.version + 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const accepted = await other.post(`/api/referrals/${sent.id}/accept`, { version: sent.version });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', version: sent.version + 1 });
    expect((await other.post(`/api/referrals/${sent.id}/accept`, { version: sent.version + 1 })).status).toBe(
      409,
    );

    const after = await other.get(`/api/cases/${c.id}`);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ ownerOrgId: xiyuan, ownerOrgName: '西苑街道' });
    const actions = after.body.timeline.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['referral_transfer', 'referral_accept']));
    expect(await noticesOf('street', 'referral.accepted')).toEqual([
      expect.objectContaining({ case_id: c.id }),
    ]);
    const audits = await t.db.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', sent.id)
      .orderBy('id')
      .execute();
    // The street's refused accept is a security event of its own (issue 23 item 7).
    expect(audits.map((a) => a.action)).toEqual(['referral.create', 'access.denied', 'referral.accept']);
  });

  it('allows one open transfer per record, only to a centre, and a withdrawal only by the sender', async () => {
    clock.set(WED);
    await signIn();
    const c = await report();
    const dept = await street.post(`/api/records/case/${c.id}/referrals`, {
      kind: 'transfer',
      toOrgId: await orgId(t, '区城管执法局'),
      reason: '转部门',
    });
    expect(dept.status).toBe(400);
    expect(dept.body.error.fields[0].path).toBe('toOrgId');
    const sent = await transfer(c.id);
    const second = await street.post(`/api/records/case/${c.id}/referrals`, {
      kind: 'transfer',
      toOrgId: xiyuan,
      reason: '再次',
    });
    expect(second.status).toBe(409);
    expect((await other.post(`/api/referrals/${sent.id}/withdraw`, { version: sent.version })).status).toBe(
      403,
    );
    // Closed while it waited: not handed over (set directly; the case workflow is not what is tested here).
    await t.db.db.updateTable('cases').set({ status: 'closed' }).where('id', '=', c.id).execute();
    const closed = await other.post(`/api/referrals/${sent.id}/accept`, { version: sent.version });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('RECORD_CLOSED');
    await t.db.db.updateTable('cases').set({ status: 'reported' }).where('id', '=', c.id).execute();
    const back = await street.post(`/api/referrals/${sent.id}/withdraw`, { version: sent.version });
    expect(back.body.status).toBe('withdrawn');
    expect((await center.get(`/api/cases/${c.id}`)).body.ownerOrgId).toBe(c.ownerOrgId);
  });

  it('needs a reason to decline, and a declined transfer leaves the record where it was', async () => {
    clock.set(WED);
    await signIn();
    const c = await report();
    const sent = await transfer(c.id);
    const bare = await other.post(`/api/referrals/${sent.id}/decline`, { version: sent.version });
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields[0].path).toBe('response');
    const blank = await other.post(`/api/referrals/${sent.id}/decline`, {
      version: sent.version,
      response: '  ',
    });
    expect(blank.status).toBe(400);
    const declined = await other.post(`/api/referrals/${sent.id}/decline`, {
      version: sent.version,
      response: '不在本街道辖区',
    });
    expect(declined.body).toMatchObject({ status: 'declined', response: '不在本街道辖区' });
    expect((await center.get(`/api/cases/${c.id}`)).body.ownerOrgId).toBe(c.ownerOrgId);
    expect((await other.get(`/api/cases/${c.id}`)).status).toBe(404);
  });

  it('expires unanswered after 3 working days (the weekend not counted) and comes back to the sender', async () => {
    clock.set(WED);
    await signIn();
    const c = await report();
    const sent = await transfer(c.id);
    expect(new Date(sent.dueAt).toISOString()).toBe('2026-11-30T09:30:00.000Z'); // Monday 17:30

    // Sunday noon: three natural days are gone, not three working days.
    clock.set('2026-11-29T04:00:00Z');
    await sweep();
    clock.set('2026-11-30T09:00:00Z'); // Monday 17:00
    await sweep();
    await signIn();
    expect((await street.get(`/api/referrals/${sent.id}`)).body.status).toBe('pending');

    clock.set('2026-11-30T10:00:00Z'); // Monday 18:00
    const round = await sweep();
    await signIn();
    expect(round.ran).toBe(true);
    expect(round.result).toBeGreaterThanOrEqual(1);
    const back = (await street.get(`/api/referrals/${sent.id}`)).body;
    expect(back).toMatchObject({ status: 'expired', version: sent.version + 1 });
    expect((await sweep()).result).toBe(0);
    expect((await other.post(`/api/referrals/${sent.id}/accept`, { version: back.version })).status).toBe(
      409,
    );
    const owner = await center.get(`/api/cases/${c.id}`);
    expect(owner.body.ownerOrgId).toBe(c.ownerOrgId);
    expect(owner.body.timeline.map((e: { action: string }) => e.action)).toContain('referral_expire');
    expect(await noticesOf('street', 'referral.expired')).toEqual([
      expect.objectContaining({ case_id: c.id }),
    ]);
    const expired = (await street.get('/api/referrals?box=outgoing&status=expired')).body.items;
    expect(expired.map((r: { id: string }) => r.id)).toContain(sent.id);
  });

  it('a referral (转介) asks a service: the receiver answers, the owner keeps the record', async () => {
    clock.set(WED);
    await signIn();
    const c = await report();
    const sent = await street.post(`/api/records/case/${c.id}/referrals`, {
      kind: 'referral',
      toOrgId: await orgId(t, '区城管执法局'),
      reason: '请协助取证',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(await noticesOf('dept', 'referral.referral')).toEqual([
      expect.objectContaining({ case_id: c.id }),
    ]);
    const dept = await t.login('dept'); // a department handler: reads cases, dispatches none
    const box = (await dept.get('/api/referrals?box=incoming&status=pending')).body.items;
    expect(box.find((r: { id: string }) => r.id === sent.body.id)).toMatchObject({ canAnswer: true });
    const ok = await dept.post(`/api/referrals/${sent.body.id}/accept`, {
      version: sent.body.version,
      response: '已安排',
    });
    expect(ok.body).toMatchObject({ status: 'accepted', response: '已安排' });
    expect((await center.get(`/api/cases/${c.id}`)).body.ownerOrgId).toBe(c.ownerOrgId);
  });

  it('answers within the district setting, which only an org admin changes', async () => {
    clock.set(WED);
    await signIn();
    expect((await street.get('/api/referrals/settings')).body).toEqual({ responseDays: 3 });
    expect((await street.request('PUT', '/api/referrals/settings', { responseDays: 5 })).status).toBe(403);
    const admin = await t.login('admin');
    const set = await admin.request('PUT', '/api/referrals/settings', { responseDays: 5 });
    expect(set.body).toEqual({ responseDays: 5 });
    const sent = await transfer((await report()).id);
    expect(new Date(sent.dueAt).toISOString()).toBe('2026-12-02T09:30:00.000Z'); // the Wednesday after
    expect((await admin.request('PUT', '/api/referrals/settings', { responseDays: 0 })).status).toBe(400);
    await admin.request('PUT', '/api/referrals/settings', { responseDays: 3 });
    await street.post(`/api/referrals/${sent.id}/withdraw`, { version: sent.version });
  });

  it('pages the boxes by keyset', async () => {
    await signIn();
    const first = await street.get('/api/referrals?box=outgoing&limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBeTruthy();
    const next = await street.get(`/api/referrals?box=outgoing&limit=1&cursor=${first.body.nextCursor}`);
    expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
  });
});

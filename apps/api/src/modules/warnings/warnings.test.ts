import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { runSweepOnce } from '../../core/sweeps.ts';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { metresBetween } from './rules.ts';
import { warningEscalationSweep, warningRulesSweep } from './sweeps.ts';

const MIN = 60_000;
const clock = new FakeClock('2026-03-10T02:00:00Z');
let t: TestApp;
let a: f.Subtree;
let officer: Agent;
let officerName: string;
let staffA: Agent;
let staffName: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  a = await f.orgSubtree(t.db.db);
  const o = await f.user(t.db.db, a.street, { code: 'stability_officer' });
  officerName = o.username;
  officer = await t.login(o.username);
  staffName = (await f.user(t.db.db, a.community, { code: 'community_staff' })).username;
  staffA = await t.login(staffName);
});
afterAll(() => t.close());

/** A located case of the subtree, `metres` east of a point far from the demo district, `daysAgo` old. */
async function caseAt(metres: number, daysAgo = 1) {
  const c = await f.caseIn(t.db.db, a, 'reported', new Date(clock.now().getTime() - daysAgo * 86_400_000));
  const lng = 100 + metres / (111_320 * Math.cos((30 * Math.PI) / 180));
  await t.db.db.updateTable('cases').set({ lng, lat: 30 }).where('id', '=', c.id).execute();
  return c.id;
}

const mine = async (agent: Agent, rule: string) =>
  (await agent.get(`/api/warnings?rule=${rule}`)).body.items.filter((w: { targets: { orgId: string }[] }) =>
    w.targets.some((x) => x.orgId === a.community.id),
  );

describe('early warning (预警)', () => {
  it('measures metres on the ground', () => {
    expect(Math.round(metresBetween({ lng: 100, lat: 30 }, { lng: 100.001, lat: 30 }))).toBe(96);
  });

  it('five cases of one category within 200 m in 7 days raise one warning (not five), to their community, once', async () => {
    for (const m of [0, 40, 80, 120, 150]) await caseAt(m);
    await caseAt(900); // too far: not part of the cluster
    await runSweepOnce(t.db.db, warningRulesSweep, clock.now());
    let found = await mine(officer, 'case_cluster');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ level: 'orange', status: 'issued', rule: 'case_cluster' });
    expect(found[0].targets.map((x: { orgName: string }) => x.orgName)).toEqual([a.community.name]);
    // A re-run, and a sixth case joining the cluster, raise nothing more.
    await caseAt(60);
    await runSweepOnce(t.db.db, warningRulesSweep, clock.now());
    found = await mine(officer, 'case_cluster');
    expect(found).toHaveLength(1);
    const tasks = await staffA.get('/api/tasks?kind=warning.ack');
    expect(JSON.stringify(tasks.body)).toContain(found[0].id);
    const ack = await staffA.post(`/api/warnings/${found[0].id}/ack`, { note: '已安排网格员核查' });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', canAck: false });
    expect((await staffA.post(`/api/warnings/${found[0].id}/ack`, {})).status).toBe(409);
  });

  it('four cases, or five spread over more than 7 days, raise nothing', async () => {
    const b = await f.orgSubtree(t.db.db);
    const old = await f.caseIn(t.db.db, b, 'reported', new Date(clock.now().getTime() - 10 * 86_400_000));
    const ids = [old.id];
    for (let i = 0; i < 4; i++) ids.push((await f.caseIn(t.db.db, b, 'reported', clock.now())).id);
    await t.db.db.updateTable('cases').set({ lng: 101, lat: 31 }).where('id', 'in', ids).execute();
    await runSweepOnce(t.db.db, warningRulesSweep, clock.now());
    const rows = await t.db.db
      .selectFrom('warning_targets')
      .select('id')
      .where('org_id', '=', b.community.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('a red warning not acknowledged in 30 minutes goes up to the street; both units acknowledge', async () => {
    const w = await officer.post('/api/warnings', {
      level: 'red',
      title: '某小区业主拟聚集',
      targetOrgIds: [a.community.id],
    });
    expect(w.status).toBe(201);
    clock.advance(29 * MIN);
    await runSweepOnce(t.db.db, warningEscalationSweep, clock.now());
    let now = (await officer.get(`/api/warnings/${w.body.id}`)).body;
    expect(now.targets).toHaveLength(1);
    clock.advance(2 * MIN);
    await runSweepOnce(t.db.db, warningEscalationSweep, clock.now());
    await runSweepOnce(t.db.db, warningEscalationSweep, clock.now());
    // Half an hour on, both sessions have gone idle: sign in again.
    officer = await t.login(officerName);
    staffA = await t.login(staffName);
    now = (await officer.get(`/api/warnings/${w.body.id}`)).body;
    expect(
      now.targets.map((x: { orgName: string; escalatedAt: string | null }) => [x.orgName, !!x.escalatedAt]),
    ).toEqual([
      [a.community.name, true],
      [a.street.name, false],
    ]);
    const notes = await t.db.db
      .selectFrom('notifications')
      .select('kind')
      .where('owner_id', '=', w.body.id)
      .where('kind', '=', 'warning.escalated')
      .execute();
    expect(notes).toHaveLength(1);
    // The community acknowledges late (counted late); the street acknowledges its own row.
    const late = await staffA.post(`/api/warnings/${w.body.id}/ack`, { note: '迟签' });
    expect(late.body.targets[0]).toMatchObject({ late: true });
    const acked = await officer.post(`/api/warnings/${w.body.id}/ack`, {});
    expect(acked.body.targets.every((x: { ackedAt: string | null }) => !!x.ackedAt)).toBe(true);
    expect(acked.body.status).toBe('acknowledged');
    const closed = await officer.post(`/api/warnings/${w.body.id}/close`, {
      version: acked.body.version,
      note: '已处置',
    });
    expect(closed.body.status).toBe('closed');
  });

  it('a red risk factor raises a red warning to where it was found', async () => {
    const r = await staffA.post('/api/stability/risks', {
      title: '涉众集资兑付困难',
      type: '涉众金融',
      source: 'grid',
      level: 'red',
      orgId: a.community.id,
    });
    expect(r.status).toBe(201);
    await runSweepOnce(t.db.db, warningRulesSweep, clock.now());
    const red = (await mine(staffA, 'red_risk')).filter((w: { title: string }) =>
      w.title.includes('涉众集资'),
    );
    expect(red).toHaveLength(1);
    expect(red[0]).toMatchObject({ level: 'red', canAck: true });
  });
});

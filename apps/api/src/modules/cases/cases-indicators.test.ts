import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { act, categoryByCode, PNG, upload } from '../../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

// A fixed data set in a grid of its own (the demo cases lie elsewhere), counted by hand below.
const clock = new FakeClock('2026-11-02T02:00:00Z'); // Monday 10:00
const SPOT = { lng: 121.605, lat: 31.305, address: '指标路1号' };
let t: TestApp;
let center: Agent, dept: Agent, verifier: Agent;

async function signIn() {
  center = await t.login('center');
  dept = await t.login('dept');
  verifier = center; // the centre verifies for a grid whose staff are not signed in here
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  await signIn();
  const admin = await t.login('admin');
  const district = (await admin.get('/api/orgs/tree')).body[0];
  const street = await admin.post('/api/orgs', {
    parentId: district.id,
    name: '指标测试街道',
    code: 'IND',
    level: 'street',
  });
  await admin.post('/api/orgs', {
    parentId: street.body.id,
    name: '指标测试社区',
    code: 'IND01',
    level: 'community',
  });
  const square = [
    [121.6, 31.3],
    [121.61, 31.3],
    [121.61, 31.31],
    [121.6, 31.31],
    [121.6, 31.3],
  ];
  const imported = await admin.post('/api/grids/import', {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code: 'IND0101', name: '指标测试网格', parentCode: 'IND01' },
        geometry: { type: 'Polygon', coordinates: [square] },
      },
    ],
  });
  expect(imported.status).toBe(200);
});
afterAll(() => t.close());

async function newCase(title: string) {
  const cat = await categoryByCode(center, 'BJ0102'); // 路灯损坏: photo required, 40 working hours to handle
  const r = await center.post('/api/cases', {
    channel: 'hotline',
    title,
    categoryId: cat.id,
    location: SPOT,
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

async function dispatch(id: string) {
  await act(center, id, { action: 'register' });
  const cat = await categoryByCode(center, 'BJ0102');
  await act(center, id, { action: 'dispatch', departmentId: cat.defaultDepartmentId });
  await act(dept, id, { action: 'accept' });
}

async function feedback(id: string) {
  const photo = await upload(t, dept, 'done.png', PNG);
  const r = await act(dept, id, { action: 'feedback', result: '已修复', attachmentIds: [photo.body.id] });
  expect(r.status).toBe(200);
}

describe('case indicators', () => {
  it('match hand-computed values on a fixed data set', async () => {
    const c1 = await newCase('一号：按期办结');
    const c2 = await newCase('二号：返工后办结');
    const c3 = await newCase('三号：超期办结');
    const c4 = await newCase('四号：不予立案');
    const c5 = await newCase('五号：已立案未派遣');
    for (const id of [c1, c2, c3]) await dispatch(id);
    await act(center, c4, { action: 'reject', reason: '重复上报' });
    await act(center, c5, { action: 'register' });

    await feedback(c1);
    await act(verifier, c1, { action: 'verify', passed: true });
    await act(center, c1, { action: 'close' });
    await act(center, c1, { action: 'evaluate', evaluation: 'satisfied' });

    await feedback(c2);
    await act(verifier, c2, { action: 'verify', passed: false, note: '灯仍不亮' });
    await feedback(c2);
    await act(verifier, c2, { action: 'verify', passed: true });
    await act(center, c2, { action: 'close' });
    await act(center, c2, { action: 'evaluate', evaluation: 'basically_satisfied' });

    clock.advance(14 * 86_400_000); // two weeks later: far past the 40 working hours
    await signIn();
    await feedback(c3);
    await act(verifier, c3, { action: 'verify', passed: true });
    await act(center, c3, { action: 'close' });
    await act(center, c3, { action: 'evaluate', evaluation: 'unsatisfied' });

    const grid = (await center.get('/api/orgs?q=IND0101')).body.items[0];
    const r = await center.get(
      `/api/stats/cases?orgId=${grid.id}&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z`,
    );
    expect(r.status).toBe(200);
    expect(r.body.counts).toMatchObject({
      reported: 5,
      registered: 4,
      rejected: 1,
      dispatched: 3,
      handled: 3,
      handledOnTime: 2,
      closed: 3,
      closedOnTime: 2,
      reworked: 1,
      evaluated: 3,
      satisfied: 2,
    });
    expect(r.body.rates).toEqual({
      registrationRate: 0.8, // 4 / 5
      handlingRate: 1, // 3 / 3
      onTimeHandlingRate: 0.6667, // 2 / 3
      closureRate: 0.75, // 3 / 4
      onTimeClosureRate: 0.6667, // 2 / 3
      reworkRate: 0.3333, // 1 / 3
      satisfactionRate: 0.6667, // 2 / 3
    });
    // Another period holds none of them; rates with nothing to divide by are null, not 0.
    const empty = await center.get(
      `/api/stats/cases?orgId=${grid.id}&from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z`,
    );
    expect(empty.body.counts.reported).toBe(0);
    expect(empty.body.rates.closureRate).toBeNull();
    const bad = await center.get(`/api/stats/cases?from=2026-11-30T00:00:00Z&to=2026-11-01T00:00:00Z`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('to');
  });
});

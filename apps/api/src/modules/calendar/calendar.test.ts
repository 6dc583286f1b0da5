import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const deadline = async (a: Agent, from: string, q: string) =>
  (await a.get(`/api/calendar/deadline?from=${encodeURIComponent(from)}&${q}`)).body.deadline;

describe('working calendar', () => {
  it('is seeded with the 2026 public holidays and make-up days', async () => {
    const grid = await t.login('grid');
    const r = await grid.get('/api/calendar?year=2026');
    expect(r.status).toBe(200);
    expect(r.body.workStart).toBe('09:00');
    const day = (d: string) => r.body.days.find((x: { day: string }) => x.day === d);
    expect(day('2026-10-01')).toMatchObject({ isWorkday: false, name: '国庆节', source: 'chinese-days' });
    expect(day('2026-10-10')).toMatchObject({ isWorkday: true, name: '国庆节' });
    expect(day('2026-02-17')).toMatchObject({ isWorkday: false, name: '春节' });
  });

  it('counts deadlines across the National Day holiday', async () => {
    expect(await deadline(admin, '2026-09-30T15:00:00+08:00', 'workingDays=2')).toBe(
      '2026-10-09T09:30:00.000Z',
    );
    expect(await deadline(admin, '2026-09-30T17:00:00+08:00', 'workingHours=1')).toBe(
      '2026-10-08T01:30:00.000Z',
    );
  });

  it('lets an admin change a day and the working hours, and deadlines follow at once', async () => {
    expect(
      (await admin.request('PUT', '/api/calendar/days/2026-12-24', { isWorkday: false, name: '区内调休' }))
        .status,
    ).toBe(204);
    expect(await deadline(admin, '2026-12-23T17:00:00+08:00', 'workingHours=1')).toBe(
      '2026-12-25T01:30:00.000Z',
    );
    expect(
      (await admin.request('PUT', '/api/calendar/hours', { workStart: '08:30', workEnd: '17:00' })).status,
    ).toBe(204);
    expect(await deadline(admin, '2026-12-23T16:30:00+08:00', 'workingHours=1')).toBe(
      '2026-12-25T01:00:00.000Z',
    );
    expect((await admin.del('/api/calendar/days/2026-12-24')).status).toBe(204);
    expect(await deadline(admin, '2026-12-23T16:30:00+08:00', 'workingHours=1')).toBe(
      '2026-12-24T01:00:00.000Z',
    );
    const bad = await admin.request('PUT', '/api/calendar/hours', { workStart: '18:00', workEnd: '09:00' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('workEnd');
    const badDay = await admin.request('PUT', '/api/calendar/days/2026-13-01', { isWorkday: true });
    expect(badDay.status).toBe(400);
    expect(badDay.body.error.fields[0].path).toBe('day');
  });

  it('is changed only with calendar.manage', async () => {
    const center = await t.login('center');
    expect((await center.request('PUT', '/api/calendar/days/2026-12-31', { isWorkday: false })).status).toBe(
      403,
    );
  });
});

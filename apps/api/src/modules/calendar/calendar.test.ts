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

  it('has 2027 with its statutory holidays set provisionally until the schedule is published', async () => {
    const r = await admin.get('/api/calendar?year=2027');
    expect(r.body).toMatchObject({ known: false, provisional: true });
    const off = r.body.days
      .filter((d: { isWorkday: boolean }) => !d.isWorkday)
      .map((d: { day: string; name: string }) => `${d.day} ${d.name}`);
    expect(off).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
    // Thursday 2027-02-04 16:30 plus two working hours: Friday 除夕 to Monday 初三 are off, so Tuesday 10:00.
    expect(await deadline(admin, '2027-02-04T16:30:00+08:00', 'workingHours=2')).toBe(
      '2027-02-09T02:00:00.000Z',
    );
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

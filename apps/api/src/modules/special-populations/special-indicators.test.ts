import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { computeIndicators } from '../../core/indicators/registry.ts';
import { systemScope } from '../../core/org-scope.ts';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

const clock = new FakeClock('2026-12-13T02:00:00Z');
let t: TestApp;
let a: f.Subtree;
let manager: Agent, worker: Agent;

beforeAll(async () => {
  t = await createTestApp({ clock });
  a = await f.orgSubtree(t.db.db);
  const base = ['org.read', 'registry.read', 'special.read'] as const;
  manager = await t.login(
    (await f.user(t.db.db, a.street, { permissions: [...base, 'special.manage', 'class.corrections.read'] }))
      .username,
  );
  worker = await t.login(
    (await f.user(t.db.db, a.street, { permissions: [...base, 'class.mental.read'] })).username,
  );
});
afterAll(() => t.close());

describe('indicators and settings', () => {
  it('contact on-time rate, 失联 and reoffence ‰ equal a hand count', async () => {
    const c = await f.orgSubtree(t.db.db);
    const officer = await t.login(
      (await f.user(t.db.db, c.street, { code: 'corrections_officer' })).username,
    );
    const files = [
      await f.specialFile(t.db.db, c),
      await f.specialFile(t.db.db, c),
      await f.specialFile(t.db.db, c),
    ];
    await t.db.db
      .updateTable('special_persons')
      .set({ start_date: '2026-09-01' })
      .where(
        'id',
        'in',
        files.map((x) => x.id),
      )
      .execute();
    // Due 10-05 done 10-06 (on time), 10-10 done 10-20 (late), 10-15 never, 10-20 done 10-22 (within 3 days).
    const rows: [string, string | null][] = [
      ['2026-10-05', '2026-10-06'],
      ['2026-10-10', '2026-10-20'],
      ['2026-10-15', null],
      ['2026-10-20', '2026-10-22'],
    ];
    await t.db.db
      .insertInto('workflow_obligations')
      .values(
        rows.map(([due, done]) => ({
          owner_type: 'special_person',
          owner_id: files[0]!.id,
          rule: 'home_visit/every:5@2026-10-05',
          due_on: due,
          done_at: done ? new Date(`${done}T12:00:00+08:00`) : null,
        })),
      )
      .execute();
    const inc = (id: string, kind: string, on: string) =>
      officer.post(`/api/special-populations/files/${id}/incidents`, {
        kind,
        occurredOn: on,
        detail: '登记',
      });
    expect((await inc(files[1]!.id, 'reoffence', '2026-10-12')).status).toBe(201);
    await inc(files[2]!.id, 'violation', '2026-10-12');
    await inc(files[1]!.id, 'reoffence', '2026-11-12');
    const ctx = { db: t.db.db, scope: systemScope(), clock };
    const v = (
      await computeIndicators(
        ctx,
        ['special.contactRate.corrections', 'special.reoffenceRate', 'special.lostContact'],
        {
          units: { kind: 'org', orgIds: [c.street.id] },
          from: new Date('2026-09-30T16:00:00Z'),
          to: new Date('2026-10-31T16:00:00Z'),
        },
      )
    ).get(c.street.id)!;
    expect(v['special.contactRate.corrections']).toBe(2 / 4);
    expect(v['special.reoffenceRate']).toBeCloseTo((1 / 3) * 1000, 6);
    expect(v['special.lostContact']).toBe(0);

    // 失联 counts the losses of the period: one today (December), none in October.
    await t.db.db
      .updateTable('special_persons')
      .set({ status: 'under_correction' })
      .where('id', '=', files[2]!.id)
      .execute();
    const version = (await officer.get(`/api/special-populations/files/${files[2]!.id}`)).body.version;
    const lost = await officer.post(`/api/special-populations/files/${files[2]!.id}/actions`, {
      action: 'lose_contact',
      version,
    });
    expect(lost.status, lost.text).toBe(200);
    const dec = await computeIndicators(ctx, ['special.lostContact', 'special.contactRate.mental'], {
      units: { kind: 'org', orgIds: [c.street.id] },
      from: new Date('2026-11-30T16:00:00Z'),
      to: new Date('2026-12-31T16:00:00Z'),
    });
    expect(dec.get(c.street.id)).toEqual({ 'special.lostContact': 1, 'special.contactRate.mental': null });
  });

  it('the report days and leave limits are district settings, versioned', async () => {
    const admin = await t.login(
      (await f.user(t.db.db, a.street, { permissions: ['special.settings'] })).username,
    );
    const s = (await admin.get('/api/special-populations/settings')).body;
    expect(s).toMatchObject({ reportDays: 10, leaveOfficeDays: 7, leaveCountyDays: 30, version: 0 });
    const put = (body: unknown) => admin.request('PUT', '/api/special-populations/settings', body);
    expect((await put({ ...s, leaveCountyDays: 5 })).body.error.fields[0].path).toBe('leaveCountyDays');
    expect((await put({ ...s, reportDays: 15 })).body.version).toBe(1);
    expect((await put({ ...s, reportDays: 12 })).status).toBe(409);
    expect((await worker.get('/api/special-populations/settings')).status).toBe(403);
    const p = await f.person(t.db.db, a);
    const made = await manager.post('/api/special-populations/files', {
      personId: p.id,
      category: 'corrections',
      subcategory: 'probation',
      managementLevel: 'normal',
      responsibleOrgId: a.street.id,
      startDate: '2026-12-01',
      effectiveDate: '2026-12-01',
    });
    expect((await manager.get(`/api/special-populations/files/${made.body.id}`)).body.reportDue).toBe(
      '2026-12-16',
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

const clock = new FakeClock('2026-11-25T02:00:00Z');
let t: TestApp;
let a: f.Subtree, b: f.Subtree;
let officer: Agent, other: Agent, noDrug: Agent, drugReader: Agent, noExport: Agent;
let officerId: string;

const base = ['org.read', 'registry.read', 'special.read', 'special.manage'] as const;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  a = await f.orgSubtree(db);
  b = await f.orgSubtree(db);
  const u = await f.user(db, a.street, { code: 'corrections_officer' });
  officerId = u.id;
  officer = await t.login(u.username);
  other = await t.login((await f.user(db, b.street, { code: 'corrections_officer' })).username);
  noDrug = officer;
  drugReader = await t.login(
    (await f.user(db, a.street, { permissions: [...base, 'class.drug.read', 'class.drug.export'] })).username,
  );
  noExport = await t.login(
    (await f.user(db, a.street, { permissions: [...base, 'class.corrections.read'] })).username,
  );
});
afterAll(() => t.close());

const corrections = (personId: string, over: Record<string, unknown> = {}) => ({
  personId,
  category: 'corrections',
  subcategory: 'probation',
  managementLevel: 'normal',
  responsibleOrgId: a.street.id,
  startDate: '2026-11-20',
  plannedEnd: '2027-11-19',
  effectiveDate: '2026-11-20',
  team: [{ role: 'social_worker', name: '陈社工', sex: 'male' }],
  ...over,
});

describe('建档立卡', () => {
  it('opens a corrections file with its report due 10 days after the judgment, and one file per person and category', async () => {
    const p = await f.person(t.db.db, a);
    const made = await officer.post(
      '/api/special-populations/files',
      corrections(p.id, { responsibleCadreId: officerId }),
    );
    expect(made.status, made.text).toBe(201);
    const file = await officer.get(`/api/special-populations/files/${made.body.id}`);
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({
      status: 'awaiting_report',
      reportDue: '2026-11-30',
      personIdNumber: p.idNumber,
      personName: p.name,
      warnings: ['no_cadre'],
    });
    expect(file.body.team).toHaveLength(1);
    const again = await officer.post('/api/special-populations/files', corrections(p.id));
    expect(again.status).toBe(409);
  });

  it('names the field of what a category needs', async () => {
    const p = await f.person(t.db.db, a);
    const cases: [Record<string, unknown>, string][] = [
      [{ effectiveDate: undefined }, 'effectiveDate'],
      [{ subcategory: 'left_behind' }, 'subcategory'],
      [{ managementLevel: 'stable' }, 'managementLevel'],
      [{ riskLevel: 2 }, 'riskLevel'],
      [{ personId: (await f.person(t.db.db, b)).id }, 'personId'],
      [{ responsibleOrgId: b.street.id }, 'responsibleOrgId'],
      [{ note: 'a\u0000b' }, 'note'],
    ];
    for (const [over, field] of cases) {
      const r = await officer.post('/api/special-populations/files', corrections(p.id, over));
      expect(r.status, field).toBe(400);
      expect(r.body.error.fields[0].path, JSON.stringify(r.body)).toBe(field);
    }
    const released = await officer.post('/api/special-populations/files', {
      personId: p.id,
      category: 'released',
      managementLevel: 'medium',
      responsibleOrgId: a.street.id,
      startDate: '2026-03-01',
      releaseDate: '2026-03-01',
    });
    expect(released.status, released.text).toBe(201);
    const got = await officer.get(`/api/special-populations/files/${released.body.id}`);
    expect(got.body.windowEnd).toBe('2031-03-01');
  });

  it('lists masked with a count, audits every file read, and is 404 for another street', async () => {
    const p = await f.person(t.db.db, a);
    const made = await officer.post('/api/special-populations/files', corrections(p.id));
    const list = await officer.get(
      `/api/special-populations/files?category=corrections&q=${encodeURIComponent(p.name)}`,
    );
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].personIdNumber).not.toBe(p.idNumber);
    expect(list.body.items[0].personIdNumber).toMatch(/\*/);
    const before = await audits(made.body.id);
    await officer.get(`/api/special-populations/files/${made.body.id}`);
    await officer.get(`/api/special-populations/files/${made.body.id}`);
    expect((await audits(made.body.id)) - before).toBe(2);
    expect((await other.get(`/api/special-populations/files/${made.body.id}`)).status).toBe(404);
    expect(
      (await other.get('/api/special-populations/files')).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(made.body.id);
  });

  it('hides a drug file from a user without the drug class: 404, not in the list, no trace on the person', async () => {
    const p = await f.person(t.db.db, a);
    const made = await drugReader.post('/api/special-populations/files', {
      personId: p.id,
      category: 'drug',
      subcategory: 'community_rehab',
      managementLevel: 'high',
      responsibleOrgId: a.street.id,
      startDate: '2026-06-01',
    });
    expect(made.status, made.text).toBe(201);
    expect((await drugReader.get(`/api/special-populations/files/${made.body.id}`)).status).toBe(200);
    expect((await noDrug.get(`/api/special-populations/files/${made.body.id}`)).status).toBe(404);
    const list = await noDrug.get('/api/special-populations/files');
    expect(list.body.items.some((i: { category: string }) => i.category === 'drug')).toBe(false);
    // Opening one without the class is a 403 naming the class, never a hint that a file exists.
    const denied = await noDrug.post('/api/special-populations/files', {
      personId: p.id,
      category: 'drug',
      subcategory: 'community_rehab',
      managementLevel: 'high',
      responsibleOrgId: a.street.id,
      startDate: '2026-06-01',
    });
    expect(denied.status).toBe(403);
    for (const url of [
      `/api/persons/${p.id}`,
      `/api/subjects/search?type=person&q=${encodeURIComponent(p.name)}`,
    ]) {
      const r = await noDrug.get(url);
      expect(r.status, url).toBe(200);
      expect(r.text).toContain(p.name);
      expect(r.text).not.toMatch(/drug|special|吸毒|community_rehab/);
    }
  });

  it('exports only under the class export permission, audited with the row count', async () => {
    const p = await f.person(t.db.db, a);
    await officer.post('/api/special-populations/files', corrections(p.id));
    expect(
      (await noExport.get('/api/special-populations/files/export?category=corrections&format=csv')).status,
    ).toBe(403);
    const csv = await officer.get('/api/special-populations/files/export?category=corrections&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(p.name);
    const row = await t.db.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'record.class_export')
      .where('actor_id', '=', officerId)
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect((row.after as { rows: number }).rows).toBeGreaterThanOrEqual(1);
  });
});

async function audits(id: string) {
  const r = await t.db.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'record.class_view')
    .where('entity_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('the corrections workflow', () => {
  it('reports late after day 10, refuses announce without a cadre, and records the leave approval level', async () => {
    const p = await f.person(t.db.db, a);
    const made = await officer.post(
      '/api/special-populations/files',
      corrections(p.id, { effectiveDate: '2026-11-10', startDate: '2026-11-10' }),
    );
    expect(made.status, made.text).toBe(201);
    const id = made.body.id;
    const reported = await officer.post(`/api/special-populations/files/${id}/actions`, {
      action: 'report',
      version: 1,
    });
    expect(reported.status, reported.text).toBe(200);
    expect(reported.body).toMatchObject({ status: 'reported', allowedActions: [] });
    const row = await t.db.db
      .selectFrom('special_persons')
      .select('late_report')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // Effective 11-10, due 11-20, reported 11-25: late.
    expect(row.late_report).toBe(true);
    const refused = await officer.post(`/api/special-populations/files/${id}/actions`, {
      action: 'announce',
      version: 2,
    });
    expect(refused.status).toBe(409);
    await t.db.db
      .insertInto('special_team_members')
      .values({ special_person_id: id, role: 'cadre', name: '王干部', sex: 'male' })
      .execute();
    const announced = await officer.post(`/api/special-populations/files/${id}/actions`, {
      action: 'announce',
      version: 2,
    });
    expect(announced.body.status).toBe('under_correction');
    const leave = await officer.post(`/api/special-populations/files/${id}/actions`, {
      action: 'leave',
      version: 3,
      days: 8,
      destination: '杭州',
      reason: '探望病重母亲',
    });
    expect(leave.body.status).toBe('away');
    const ev = leave.body.timeline.find((e: { action: string }) => e.action === 'leave');
    expect(ev).toBeTruthy();
    const data = await t.db.db
      .selectFrom('workflow_events')
      .select('data')
      .where('owner_id', '=', id)
      .where('action', '=', 'leave')
      .executeTakeFirstOrThrow();
    expect((data.data as { approvalLevel: string }).approvalLevel).toBe('county');
  });
});

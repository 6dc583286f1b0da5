import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { computeIndicators } from '../../core/indicators/registry.ts';
import { systemScope } from '../../core/org-scope.ts';
import { district, orgSubtree, person, user, type Subtree } from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

const clock = new FakeClock('2026-06-10T02:00:00Z');
const at = (d: string) => new Date(`${d}T02:00:00Z`);
let t: TestApp;
let a: Subtree;
let b: Subtree;
let rootId: string;
let rootPath: string;
let supervisor: Agent;
let desk: Agent;

async function petition(over: Record<string, unknown>) {
  const n = Math.random().toString(36).slice(2, 10);
  await t.db.db
    .insertInto('petitions')
    .values({
      number: `XFZ${n}`,
      channel: 'visit',
      class: 'appeal',
      category: 'land',
      summary: '三个零测试',
      demands: '三个零测试',
      matter_key: 'land||',
      received_at: at('2026-05-12'),
      first_receiver_name: '测试',
      receiving_org_id: rootId,
      org_path: rootPath,
      status: 'registered',
      created_at: at('2026-05-12'),
      updated_at: at('2026-05-12'),
      ...over,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  const root = await district(db);
  rootId = root.id;
  rootPath = root.path;
  a = await orgSubtree(db, root, '零测试甲街道');
  b = await orgSubtree(db, root, '零测试乙街道');
  // Street A: a collective visit to the district, an individual one 进京, one individual at the district (no
  // zero broken), and one cross-level. Street B: one petition received at its own street only.
  await petition({ origin_path: a.grid.path, people_count: 6, collective: true });
  await petition({ origin_path: a.grid.path, beyond_district: 'capital' });
  await petition({ origin_path: a.grid.path });
  await petition({ origin_path: a.community.path, cross_level: true });
  await petition({ origin_path: b.grid.path, receiving_org_id: b.street.id, org_path: b.street.path });
  // Last May, street A had two: the return's 同比.
  await petition({ origin_path: a.grid.path, received_at: at('2025-05-20') });
  await petition({ origin_path: a.grid.path, received_at: at('2025-05-21') });
  const sup = await user(db, root, { code: 'petition_supervisor' });
  const rec = await user(db, root, { code: 'petition_receptionist' });
  supervisor = await t.login(sup.username);
  desk = await t.login(rec.username);
});
afterAll(() => t.close());

describe('三个零 per street', () => {
  it('counts by where the matter comes from and flags the street whose three counts are zero', async () => {
    const values = await computeIndicators(
      { db: t.db.db, scope: systemScope(), clock },
      [
        'petition.zero.individualCity',
        'petition.zero.collectiveCounty',
        'petition.zero.crossLevel',
        'petition.threeZeros',
      ],
      {
        units: { kind: 'org', orgIds: [a.street.id, b.street.id] },
        from: at('2026-05-01'),
        to: at('2026-06-01'),
      },
    );
    expect(values.get(a.street.id)).toEqual({
      'petition.zero.individualCity': 1,
      'petition.zero.collectiveCounty': 1,
      'petition.zero.crossLevel': 1,
      'petition.threeZeros': 0,
    });
    expect(values.get(b.street.id)?.['petition.threeZeros']).toBe(1);
  });

  it('takes the origin of a desk registration from the petitioner in the registry', async () => {
    const p = await person(t.db.db, a);
    const r = await desk.post('/api/petitions', {
      channel: 'desk',
      class: 'appeal',
      category: 'labour',
      summary: '来源测试',
      demands: '来源测试',
      petitioner: { personId: p.id },
      beyondDistrict: 'province',
    });
    expect(r.status).toBe(201);
    const row = await t.db.db
      .selectFrom('petitions')
      .select(['origin_path', 'beyond_district'])
      .where('id', '=', r.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ origin_path: a.grid.path, beyond_district: 'province' });
  });
});

describe('the monthly return', () => {
  it('lists each street with its counts, zeros and 同比, in CSV and Excel, audited with its row count', async () => {
    const csv = await supervisor.get('/api/petitions/monthly-return/export?month=2026-05&format=csv');
    expect(csv.status).toBe(200);
    const lines = csv.text.split(/\r?\n/);
    // The counts are the handling unit's (street A handles none: all went to the district), the zeros the
    // street's by origin: individual at city+ 1, collective at county+ 1, cross-level 1, so no 三个零.
    const lineA = lines.find((l) => l.startsWith('零测试甲街道'))!.split(',');
    expect(lineA.slice(0, 11)).toEqual([
      '零测试甲街道',
      'street',
      '0',
      '0',
      '0',
      '',
      '0',
      '1',
      '1',
      '1',
      'no',
    ]);
    // Street B handled its one petition, kept its three zeros, and had none last May (no 同比).
    const lineB = lines.find((l) => l.startsWith('零测试乙街道'))!.split(',');
    expect(lineB.slice(2, 5)).toEqual(['1', '1', '0']);
    expect(lineB.slice(10, 11)).toEqual(['yes']);
    expect(lineB.slice(-2)).toEqual(['0', '']);
    const district = lines.find((l) => l.includes(',district,'))!.split(',');
    // The district handled the five of this May (plus the desk one) and two last May.
    expect(Number(district[2])).toBeGreaterThanOrEqual(5);
    expect(district.at(-2)).toBe('2');
    const xlsx = await supervisor.get('/api/petitions/monthly-return/export?month=2026-05&format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
    const audits = await t.db.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'petition.export')
      .execute();
    expect(audits.length).toBe(2);
    expect(audits[0]!.summary).toMatch(/2026-05: \d+ rows/);
  });

  it('needs the export permission and a month, named', async () => {
    expect((await desk.get('/api/petitions/monthly-return/export?month=2026-05')).status).toBe(403);
    const bad = await supervisor.get('/api/petitions/monthly-return/export?month=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('month');
    const future = await supervisor.get('/api/petitions/monthly-return/export?month=2026-08');
    expect(future.status).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { withCheckDigit } from './demo-names.ts';

let t: TestApp;
let admin: Agent;
let community: Agent;
let gridId: string;

/** A valid citizen ID whose check character is a digit or X, as asked. */
function citizenId(prefix: string, check: 'digit' | 'X'): string {
  for (let seq = 0; seq < 1000; seq++) {
    const id = withCheckDigit(`${prefix}${String(seq).padStart(3, '0')}`);
    if ((check === 'X') === id.endsWith('X')) return id;
  }
  throw new Error('no such id');
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  community = await t.login('community');
  gridId = (await orgOf('grid')).id;
});
afterAll(() => t.close());

const person = (over: Record<string, unknown> = {}) => ({
  name: '测试人员',
  idNumber: citizenId('31010419850612', 'digit'),
  residenceType: 'registered',
  phone: '13912345678',
  gridId,
  ...over,
});

describe('citizen ID numbers through the API', () => {
  it('accepts a valid ID ending in a digit and derives birth date and sex', async () => {
    const id = citizenId('31010419900101', 'digit');
    const r = await community.post('/api/persons', person({ idNumber: id }));
    expect(r.status, r.text).toBe(201);
    // Masked views carry the birth year only: the date is the ID's hidden digits (decision 0010).
    expect(r.body.birthYear).toBe(1990);
    expect(r.body).not.toHaveProperty('birthDate');
    const stored = await t.db.db
      .selectFrom('persons')
      .select('birth_date')
      .where('id', '=', r.body.id)
      .executeTakeFirstOrThrow();
    expect(String(stored.birth_date)).toContain('1990-01-01');
    expect(r.body.sex).toBe(Number(id[16]) % 2 ? 'male' : 'female');
    expect(r.body.idNumber).toBe(`310104********${id.slice(14)}`);
  });

  it('accepts a valid ID ending in X (also typed in lower case)', async () => {
    const id = citizenId('31010519720229', 'X');
    const r = await community.post('/api/persons', person({ idNumber: id.toLowerCase() }));
    expect(r.status, r.text).toBe(201);
    expect(r.body.birthYear).toBe(1972);
    expect(r.body.idNumber.endsWith('X')).toBe(true);
  });

  it.each([
    [
      'wrong check digit',
      (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0'),
      'check digit',
      'id_check_digit',
    ],
    ['impossible date', () => withCheckDigit('31010419900230123'), 'birth date', 'id_birth_date_invalid'],
    ['wrong length', (id: string) => id.slice(0, 17), '18 characters', 'id_length'],
  ])('answers 400 naming idNumber for a %s, with a reason code', async (_label, make, why, code) => {
    const r = await community.post(
      '/api/persons',
      person({ idNumber: make(citizenId('31010419880808', 'digit')) }),
    );
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual([
      expect.objectContaining({ path: 'idNumber', code, message: expect.stringContaining(why) }),
    ]);
  });

  it('names every bad field at once', async () => {
    const r = await community.post(
      '/api/persons',
      person({ name: '', phone: '12345', residenceType: 'tourist' }),
    );
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'name',
      'phone',
      'residenceType',
    ]);
  });

  it('records an overseas resident by passport, with birth date and sex as given', async () => {
    const r = await community.post(
      '/api/persons',
      person({
        idNumber: 'E12345678',
        residenceType: 'overseas',
        sex: 'female',
        birthDate: '1991-05-05',
        phone: '+819012345678',
      }),
    );
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      idType: 'passport',
      sex: 'female',
      birthYear: 1991,
      idNumber: 'E1*****78',
    });
    const bad = await community.post(
      '/api/persons',
      person({
        idType: 'citizen_id',
        idNumber: citizenId('31010419700101', 'digit'),
        residenceType: 'overseas',
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('idType');
  });

  it('answers 409 DUPLICATE with the existing id on a second create with the same ID', async () => {
    const body = person({ idNumber: citizenId('31010919800303', 'digit') });
    const first = await community.post('/api/persons', body);
    expect(first.status).toBe(201);
    const again = await community.post('/api/persons', { ...body, name: '另一人' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DUPLICATE');
    expect(again.body.error.details.existingId).toBe(first.body.id);
  });
});

describe('sensitive fields', () => {
  let id: string;
  let idNumber: string;
  beforeAll(async () => {
    idNumber = citizenId('31011219650715', 'digit');
    const r = await community.post(
      '/api/persons',
      person({ idNumber, phone: '13700001234', name: '=HYPERLINK("http://x")' }),
    );
    expect(r.status, r.text).toBe(201);
    id = r.body.id;
  });

  it('masks ID number and phone on get and list, with or without person.sensitive.read', async () => {
    for (const a of [community, admin]) {
      const one = await a.get(`/api/persons/${id}`);
      expect(one.body).toMatchObject({
        idNumber: `310112********${idNumber.slice(14)}`,
        phone: '137****1234',
        masked: true,
      });
      const list = await a.get(`/api/persons?q=${idNumber.slice(-4)}`);
      expect(list.body.items.map((p: { id: string }) => p.id)).toContain(id);
      expect(JSON.stringify(list.body)).not.toContain(idNumber);
      expect(JSON.stringify(list.body)).not.toContain('13700001234');
    }
  });

  it('reveals to holders of person.sensitive.read only, and audits every reveal', async () => {
    expect((await community.post(`/api/persons/${id}/reveal`)).status).toBe(403);
    const before = await auditCount('person.sensitive_view', id);
    const r = await admin.post(`/api/persons/${id}/reveal`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ idNumber, phone: '13700001234', birthDate: '1965-07-15' });
    expect(await auditCount('person.sensitive_view', id)).toBe(before + 1);
  });

  it('exports masked with a formula guard; unmasked only with the permission, audited', async () => {
    const csv = await community.get(`/api/persons/export?format=csv&q=${idNumber}`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`'=HYPERLINK`);
    expect(csv.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv.text).toContain(`310112********${idNumber.slice(14)}`);
    expect(csv.text).not.toContain(idNumber);
    expect(csv.text).toContain('137****1234');
    const xlsx = await community.get(`/api/persons/export?format=xlsx&q=${idNumber}`);
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');

    expect((await community.get(`/api/persons/export?unmasked=true&q=${idNumber}`)).status).toBe(403);
    const before = await auditCount('person.sensitive_export');
    const clear = await admin.get(`/api/persons/export?unmasked=true&q=${idNumber}`);
    expect(clear.text).toContain(idNumber);
    expect(clear.text).toContain('13700001234');
    expect(await auditCount('person.sensitive_export')).toBe(before + 1);
  });

  it('keeps clear values out of the change history', async () => {
    const cur = await community.get(`/api/persons/${id}`);
    const r = await community.patch(`/api/persons/${id}`, {
      phone: '13700005678',
      version: cur.body.version,
    });
    expect(r.status, r.text).toBe(200);
    const h = await community.get(`/api/persons/${id}/history`);
    expect(h.body.items[0].changes.phone).toEqual({ from: '137****1234', to: '137****5678' });
    expect(JSON.stringify(h.body)).not.toContain(idNumber);
  });
});

async function orgOf(username: string) {
  return t.db.db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['o.id', 'o.path'])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
}

async function auditCount(action: string, entityId?: string) {
  let q = t.db.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', action);
  if (entityId) q = q.where('entity_id', '=', entityId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

describe('updates and scope', () => {
  it('answers 409 to a stale version', async () => {
    const c = await community.post(
      '/api/persons',
      person({ idNumber: citizenId('31011519770707', 'digit') }),
    );
    const ok = await community.patch(`/api/persons/${c.body.id}`, { address: '示范区梅园路8号', version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await community.patch(`/api/persons/${c.body.id}`, { address: '别处', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
  });

  it('hides a person outside the caller’s community (404), and lists only its own', async () => {
    const org = await orgOf('community');
    const outside = await t.db.db
      .selectFrom('persons')
      .select('id')
      .where('org_path', 'not like', `${org.path}%`)
      .executeTakeFirstOrThrow();
    expect((await community.get(`/api/persons/${outside.id}`)).status).toBe(404);
    expect((await community.patch(`/api/persons/${outside.id}`, { name: 'x', version: 1 })).status).toBe(404);
    expect((await community.post(`/api/persons/${outside.id}/reveal`)).status).toBe(403);
    expect((await admin.get(`/api/persons/${outside.id}`)).status).toBe(200);
    const list = await community.get('/api/persons?limit=200');
    const paths = await t.db.db
      .selectFrom('persons')
      .select('org_path')
      .where(
        'id',
        'in',
        list.body.items.map((p: { id: string }) => p.id),
      )
      .execute();
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(p.org_path.startsWith(org.path)).toBe(true);
  });

  it('filters by residence type, tags, sex and age, and pages without repeats', async () => {
    const r = await admin.get('/api/persons?residenceType=floating&sex=female&ageMin=20&ageMax=40&limit=50');
    expect(r.body.items.length).toBe(50);
    const year = new Date().getUTCFullYear();
    for (const p of r.body.items) {
      expect(p).toMatchObject({ residenceType: 'floating', sex: 'female' });
      // Age as reached this year, by birth year (decision 0010).
      const age = year - p.birthYear;
      expect(age).toBeGreaterThanOrEqual(20);
      expect(age).toBeLessThanOrEqual(40);
    }
    const next = await admin.get(
      `/api/persons?residenceType=floating&sex=female&ageMin=20&ageMax=40&limit=50&cursor=${r.body.nextCursor}`,
    );
    const ids = new Set(r.body.items.map((p: { id: string }) => p.id));
    for (const p of next.body.items) expect(ids.has(p.id)).toBe(false);
    const paged = await admin.get(
      '/api/persons?residenceType=floating&sex=female&ageMin=20&ageMax=40&page=2&pageSize=50',
    );
    expect(paged.body.items.map((p: { id: string }) => p.id)).toEqual(
      next.body.items.map((p: { id: string }) => p.id),
    );
    const tagged = await admin.get('/api/persons?tags=party_member&limit=20');
    expect(tagged.body.items.length).toBeGreaterThan(0);
    for (const p of tagged.body.items) expect(p.tags).toContain('party_member');
  });

  it('rejects an unknown tag naming it, and serves the tag dictionary', async () => {
    const tags = await community.get('/api/person-tags');
    expect(tags.body.map((x: { name: string }) => x.name)).toEqual(
      expect.arrayContaining(['独居老人', '残疾人', '低保', '党员']),
    );
    const r = await community.post(
      '/api/persons',
      person({ idNumber: citizenId('31010119600101', 'digit'), tags: ['party_member', 'astronaut'] }),
    );
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual([
      { path: 'tags', code: 'unknown_tag', params: { tag: 'astronaut' }, message: 'unknown tag astronaut' },
    ]);
  });
});

describe('contains search through trigram indexes', () => {
  it('finds people by any part of their name or address, served by pg_trgm indexes', async () => {
    const made = await community.post(
      '/api/persons',
      person({
        name: '欧阳明远',
        idNumber: citizenId('31010419770707', 'digit'),
        address: '示范区银杏路一百零八弄7号302室',
      }),
    );
    expect(made.status, made.text).toBe(201);
    const found = async (q: string) =>
      (await community.get(`/api/persons?q=${encodeURIComponent(q)}`)).body.items.map(
        (p: { name: string }) => p.name,
      );
    expect(await found('一百零八弄')).toContain('欧阳明远');
    expect(await found('明远')).toContain('欧阳明远');
    expect(await found('一百零九弄')).not.toContain('欧阳明远');

    // The same "contains" predicates the list builds can use the trigram indexes (the planner picks them over a
    // scan once the table is large; here scans are switched off to see that they qualify at all).
    const db = t.db.db;
    const ext = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_trgm'`.execute(db);
    expect(ext.rows[0]!.n).toBe(1);
    const plan = await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const r = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT id FROM persons
        WHERE name LIKE '%欧阳明%' OR address LIKE '%一百零八弄%'`.execute(trx);
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('persons_name_trgm');
    expect(plan).toContain('persons_address_trgm');
    // Two characters have no trigram: the name's character pairs serve them.
    const pairs = await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const r = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT id FROM persons
        WHERE cg_bigrams(name) @> ARRAY['明远']`.execute(trx);
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
    expect(pairs).toContain('persons_name_bigram_idx');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { caseIn, house, orgSubtree, user, type Subtree } from '../../test-support/factories.ts';

/**
 * Issue 23 item 1 / decision 0010: as a role that sees masked views, collect every answer about one person —
 * list, detail, history, export CSV, house and household pages, subject search, a case's parties — and every
 * search that could act as an oracle on a hidden digit, then try to assemble the ID number and the phone.
 */
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkOf = (body17: string) =>
  '10X98765432'[[...body17].reduce((s, c, i) => s + Number(c) * W[i]!, 0) % 11]!;

const REGION = '310104';
const YEAR = 1985;
const SEQ = '123';

/** Every date of the year, as MMDD. */
function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1))
    out.push(d.toISOString().slice(5, 10).replace('-', ''));
  return out;
}

/** The IDs a masked view leaves possible: region, year, sequence and check known, month and day not. */
const candidatesFor = (check: string) =>
  daysOf(YEAR)
    .map((mmdd) => `${REGION}${YEAR}${mmdd}${SEQ}`)
    .filter((b) => checkOf(b) === check)
    .map((b) => b + check);

// The person's birthday is the last of the candidates an attacker would try in calendar order.
const byCheck = new Map<string, string[]>();
for (const mmdd of daysOf(YEAR)) {
  const b = `${REGION}${YEAR}${mmdd}${SEQ}`;
  byCheck.set(checkOf(b), [...(byCheck.get(checkOf(b)) ?? []), b + checkOf(b)]);
}
const [CHECK, GROUP] = [...byCheck.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
const ID = GROUP.at(-1)!;
const PHONE = '13957314682';

let t: TestApp;
let at: Subtree;
let masked: Agent;
let personId: string;
let caseId: string;

beforeAll(async () => {
  process.env.PERSON_LOOKUP_MISSES_PER_HOUR = '10';
  t = await createTestApp();
  const db = t.db.db;
  at = await orgSubtree(db);
  const u = await user(db, at.street, {
    permissions: ['registry.read', 'registry.manage', 'case.read', 'case.dispatch'],
  });
  masked = await t.login(u.username);
  const made = await masked.post('/api/persons', {
    name: '演示甲',
    idNumber: ID,
    residenceType: 'registered',
    phone: PHONE,
    gridId: at.grid.id,
    householdAddress: '示范区户籍路1号',
  });
  expect(made.status, made.text).toBe(201);
  personId = made.body.id;
  const edited = await masked.patch(`/api/persons/${personId}`, { address: '示范区梅园路8号', version: 1 });
  expect(edited.status, edited.text).toBe(200);
  const h = await house(db, at);
  await db
    .insertInto('residences')
    .values({ house_id: h.id, person_id: personId, relation: 'owner', from_date: '2020-01-01' })
    .execute();
  houseId = h.id;
  caseId = (await caseIn(db, at)).id;
  await db
    .insertInto('record_subjects')
    .values({
      owner_type: 'case',
      owner_id: caseId,
      subject_type: 'person',
      subject_id: personId,
      role: 'party',
      created_at: new Date(),
    })
    .execute();
});
afterAll(() => {
  delete process.env.PERSON_LOOKUP_MISSES_PER_HOUR;
  return t.close();
});
let houseId: string;

/** What the answers give away: the ID's and phone's characters at their positions, or null where unknown. */
class Knowledge {
  id: (string | null)[] = Array(18).fill(null);
  phone: (string | null)[] = Array(11).fill(null);
  texts: string[] = [];
  learn(text: string) {
    this.texts.push(text);
    for (const m of text.matchAll(/(?<![0-9X*])[0-9*]{17}[0-9X*](?![0-9X*])/g)) this.fill(this.id, m[0]);
    for (const m of text.matchAll(/(?<![0-9X*])1[0-9*]{10}(?![0-9X*])/g)) this.fill(this.phone, m[0]);
    // A birth date anywhere in an answer about the person gives digits 7–14; a year gives 7–10.
    for (const m of text.matchAll(/\b(19|20)(\d\d)-?(\d\d)-?(\d\d)\b/g))
      if (m[1]! + m[2]! === String(YEAR)) this.fill(this.id, `******${m[1]}${m[2]}${m[3]}${m[4]}****`);
    for (const m of text.matchAll(/"birthYear":(\d{4})/g)) this.fill(this.id, `******${m[1]}********`);
  }
  private fill(into: (string | null)[], masked: string) {
    [...masked].forEach((c, i) => {
      if (c !== '*') into[i] = c;
    });
  }
}

describe('masking survives every answer taken together (decision 0010)', () => {
  it('no field of any answer, nor any partial search, gives away a hidden digit', async () => {
    const k = new Knowledge();
    const get = async (url: string) => {
      const r = await masked.get(url);
      expect(r.status, `${url}: ${r.text}`).toBe(200);
      k.learn(r.text);
      return r;
    };
    const last4 = ID.slice(-4);
    await get(`/api/persons?q=${last4}`);
    await get(`/api/persons?q=${encodeURIComponent('演示甲')}`);
    await get(`/api/persons/${personId}`);
    await get(`/api/persons/${personId}/history`);
    await get(`/api/persons/export?format=csv&q=${last4}`);
    await get(`/api/houses/${houseId}`);
    await get(`/api/grids/${at.grid.id}/households`);
    await get(`/api/subjects/search?type=person&q=${last4}`);
    await get(`/api/records/case/${caseId}/subjects`);
    expect(k.texts.join('\n')).toContain(`${REGION}********${last4}`);

    // The oracle searches: one more digit in front of the known tail, one more after the phone's head.
    for (const d of '0123456789') {
      const tail = await masked.get(`/api/persons?q=${d}${last4}`);
      expect(tail.status).toBe(400);
      expect(tail.body.error.fields[0].path).toBe('q');
      const head = await masked.get(`/api/persons?q=${PHONE.slice(0, 3)}${d}`);
      expect(head.status).toBe(200);
      // A four-digit run matches only what masked views show (an ID's or phone's last four), never the 4th digit.
      expect(head.body.items.some((p: { id: string }) => p.id === personId)).toBe(false);
      const phoneTail = await masked.get(`/api/persons?q=${d}${PHONE.slice(-4)}`);
      expect(phoneTail.status).toBe(400);
    }
    // The age filter counts by birth year, so running it tells nothing finer than the year.
    const year = new Date().getUTCFullYear();
    const age = await get(`/api/persons?q=${last4}&ageMin=${year - YEAR}&ageMax=${year - YEAR}`);
    expect(age.body.items.map((p: { id: string }) => p.id)).toContain(personId);

    const all = k.texts.join('\n');
    expect(all).not.toContain(ID);
    expect(all).not.toContain(PHONE);
    expect(all).not.toMatch(/1985-?\d\d-?\d\d/);
    // What is known: region, birth year, sequence and check; the month and day stay hidden, and so do the
    // phone's middle four.
    expect(k.id.join('')).toBe(`${REGION}${YEAR}${SEQ}${CHECK}`);
    expect(k.id.slice(10, 14)).toEqual([null, null, null, null]);
    expect(k.phone.slice(3, 7)).toEqual([null, null, null, null]);
    const left = candidatesFor(CHECK);
    expect(left.length).toBeGreaterThan(20);
    expect(left).toContain(ID);
  });

  it('guessing the whole number among the candidates is cut off after 10 misses, and audited', async () => {
    const guesses = candidatesFor(CHECK).filter((c) => c !== ID);
    const answers: number[] = [];
    for (const g of guesses.slice(0, 12)) answers.push((await masked.get(`/api/persons?q=${g}`)).status);
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(answers.slice(10)).toEqual([429, 429]);
    // Past the limit, even the right number is refused, so the run of guesses cannot finish.
    expect((await masked.get(`/api/persons?q=${ID}`)).status).toBe(429);
    const rows = await t.db.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'person.lookup_limited')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('the clear values, birth date included, come only through the audited reveal', async () => {
    const admin = await t.login('admin');
    const one = await admin.get(`/api/persons/${personId}`);
    expect(one.body).toMatchObject({ birthYear: YEAR, masked: true });
    expect(one.body).not.toHaveProperty('birthDate');
    const r = await admin.post(`/api/persons/${personId}/reveal`);
    expect(r.body).toEqual({
      idNumber: ID,
      phone: PHONE,
      birthDate: `${YEAR}-${ID.slice(10, 12)}-${ID.slice(12, 14)}`,
    });
    // A holder of person.sensitive.read may search by longer runs; each such search is audited like a reveal.
    const probe = await admin.get(`/api/persons?q=${ID.slice(-6)}`);
    expect(probe.status).toBe(200);
    expect(probe.body.items.map((p: { id: string }) => p.id)).toContain(personId);
    const audited = await t.db.db
      .selectFrom('audit_log')
      .select('actor_name')
      .where('action', '=', 'person.sensitive_search')
      .execute();
    expect(audited.map((a) => a.actor_name)).toEqual(['admin']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AT, categoryByCode } from '../../test-support/case-helpers.ts';
import { citizenId, userAt } from '../../test-support/record-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let center: Agent, street: Agent, other: Agent, leader: Agent;
let mine: string, theirs: string;

async function report(at: { lng: number; lat: number; address: string }) {
  const cat = await categoryByCode(center, 'SJ0101');
  const r = await center.post('/api/cases', {
    channel: 'hotline',
    title: '邻里纠纷',
    description: '楼上漏水',
    categoryId: cat.id,
    urgency: 'normal',
    location: at,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

const person = (name: string, idNumber: string) => ({ name, idNumber, residenceType: 'registered' });

beforeAll(async () => {
  t = await createTestApp();
  center = await t.login('center');
  street = await t.login('street'); // 东兴街道
  leader = await t.login('leader'); // case.read, not case.create
  other = await userAt(t, { username: 'xiyuan_staff', orgName: '西苑街道', role: 'street_staff' });
  mine = await report(AT.meiyuan1); // 东兴街道 / 梅园社区
  theirs = await report(AT.xiyuan); // 西苑街道
});
afterAll(() => t.close());

describe('subjects of a record', () => {
  it('creates a person inline with the registry checks, refusing a bad check digit by naming idNumber', async () => {
    const good = citizenId('31010419900101123');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const refused = await street.post('/api/subjects/persons', person('李四', bad));
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([
      expect.objectContaining({ path: 'idNumber', code: 'id_check_digit' }),
    ]);
    const made = await street.post('/api/subjects/persons', person('李四', good));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.detail.idNumber).not.toBe(good); // masked by the registry's presenter
    expect(made.body.label).toContain('李四');
    // The same ID again is the registry's duplicate answer, not a second person.
    expect((await street.post('/api/subjects/persons', person('李四', good))).status).toBe(409);
  });

  it('adds, lists and removes a subject, on the timeline and in the audit log', async () => {
    const found = await street.get(`/api/subjects/search?type=person&q=${encodeURIComponent('李四')}`);
    expect(found.status).toBe(200);
    const li = found.body.items.find((i: { label: string }) => i.label.startsWith('李四'));
    expect(li).toBeTruthy();
    // Out of the other street's sight: the picker searches the caller's part of the registry only.
    const theirSearch = await other.get(`/api/subjects/search?type=person&q=${encodeURIComponent('李四')}`);
    expect(theirSearch.body.items.map((i: { id: string }) => i.id)).not.toContain(li.id);

    const url = `/api/records/case/${mine}/subjects`;
    const added = await street.post(url, { subjectType: 'person', subjectId: li.id, role: 'applicant' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.items).toEqual([
      expect.objectContaining({ subjectType: 'person', subjectId: li.id, role: 'applicant' }),
    ]);
    expect(added.body.items[0].detail.idNumber).toMatch(/\*/);
    expect(
      (await street.post(url, { subjectType: 'person', subjectId: li.id, role: 'applicant' })).status,
    ).toBe(409);
    const badRole = await street.post(url, { subjectType: 'person', subjectId: li.id, role: 'boss' });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.fields[0].path).toBe('role');
    expect((await leader.post(url, { subjectType: 'person', subjectId: li.id, role: 'party' })).status).toBe(
      403,
    );

    const listed = await leader.get(url);
    expect(listed.body.items).toHaveLength(1);
    const detail = await center.get(`/api/cases/${mine}`);
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toContain('subject_add');

    const linkId = added.body.items[0].id;
    expect((await street.del(`${url}/${linkId}`)).status).toBe(204);
    expect((await street.get(url)).body.items).toEqual([]);
    expect((await street.del(`${url}/${linkId}`)).status).toBe(404);
    const audits = await t.db.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', mine)
      .where('action', 'like', 'record.subject_%')
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['record.subject_add', 'record.subject_remove']);
  });

  it('links houses, households and organisations found through the registry searches', async () => {
    const url = `/api/records/case/${mine}/subjects`;
    const house = (await street.get('/api/houses?limit=1')).body.items[0];
    const houses = await street.get(`/api/subjects/search?type=house&q=${encodeURIComponent(house.address)}`);
    expect(houses.body.items.map((i: { id: string }) => i.id)).toContain(house.id);
    const household = await street.get(
      `/api/subjects/search?type=household&q=${encodeURIComponent(house.address)}`,
    );
    expect(household.body.items.find((i: { id: string }) => i.id === house.id).label).toContain('（户）');
    const org = (await street.get('/api/organizations?limit=1')).body.items[0];
    const orgs = await street.get(`/api/subjects/search?type=organization&q=${encodeURIComponent(org.name)}`);
    expect(orgs.body.items.map((i: { id: string }) => i.id)).toContain(org.id);
    for (const link of [
      { subjectType: 'house', subjectId: house.id, role: 'location' },
      { subjectType: 'household', subjectId: house.id, role: 'party' },
      { subjectType: 'organization', subjectId: org.id, role: 'respondent' },
    ])
      expect((await street.post(url, link)).status).toBe(201);
    const listed = (await street.get(url)).body.items;
    expect(
      listed.map((l: { subjectType: string; label: string | null }) => [l.subjectType, !!l.label]),
    ).toEqual([
      ['house', true],
      ['household', true],
      ['organization', true],
    ]);
    for (const l of listed) expect((await street.del(`${url}/${l.id}`)).status).toBe(204);
    const bad = await street.get('/api/subjects/search?type=dragon&q=x');
    expect(bad.status).toBe(400);
  });

  it('refuses a subject the caller cannot see in the registry, naming subjectId', async () => {
    const made = await other.post('/api/subjects/persons', person('王五', citizenId('31010419920202222')));
    expect(made.status).toBe(201);
    const r = await street.post(`/api/records/case/${mine}/subjects`, {
      subjectType: 'person',
      subjectId: made.body.id,
      role: 'party',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].path).toBe('subjectId');
  });

  it("answers 404 for another street's case, as for one that does not exist", async () => {
    expect((await street.get(`/api/cases/${theirs}`)).status).toBe(404);
    const url = `/api/records/case/${theirs}/subjects`;
    expect((await street.get(url)).status).toBe(404);
    const li = (await street.get(`/api/subjects/search?type=person&q=${encodeURIComponent('李四')}`)).body
      .items[0];
    expect((await street.post(url, { subjectType: 'person', subjectId: li.id, role: 'party' })).status).toBe(
      404,
    );
    expect((await street.del(`${url}/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await street.get(`/api/records/nothing/${theirs}/subjects`)).status).toBe(404);
    // The other street sees its own case's (empty) subject list.
    expect((await other.get(url)).body.items).toEqual([]);
  });
});

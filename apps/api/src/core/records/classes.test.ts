import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AT, categoryByCode } from '../../test-support/case-helpers.ts';
import { citizenId, userAt } from '../../test-support/record-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let street: Agent, admin: Agent, reader: Agent, exporter: Agent;
let classed: { id: string; number: string }, plain: { id: string; number: string };
let classedPerson: string, plainPerson: string;

const TAG = 'CLSTEST';

async function report(title: string) {
  const center = await t.login('center');
  const cat = await categoryByCode(center, 'SJ0101');
  const r = await center.post('/api/cases', {
    channel: 'hotline',
    title: `${TAG} ${title}`,
    description: '反映问题',
    categoryId: cat.id,
    urgency: 'normal',
    location: AT.meiyuan1,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { id: r.body.id as string, number: r.body.number as string };
}

async function linkPerson(caseId: string, name: string, first17: string) {
  const p = await street.post('/api/subjects/persons', {
    name,
    idNumber: citizenId(first17),
    residenceType: 'registered',
  });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  const l = await street.post(`/api/records/case/${caseId}/subjects`, {
    subjectType: 'person',
    subjectId: p.body.id,
    role: 'party',
  });
  expect(l.status).toBe(201);
  return p.body.id as string;
}

const auditsOf = (action: string, entityId?: string) => {
  let q = t.db.db
    .selectFrom('audit_log')
    .select(['actor_name', 'entity_id', 'at', 'after'])
    .where('action', '=', action);
  if (entityId) q = q.where('entity_id', '=', entityId);
  return q.orderBy('id').execute();
};

beforeAll(async () => {
  t = await createTestApp();
  street = await t.login('street');
  admin = await t.login('admin');
  const base = ['org.read', 'case.read', 'case.create', 'case.dispatch', 'registry.read'];
  reader = await userAt(t, {
    username: 'petition_reader',
    orgName: '东兴街道',
    permissions: [...base, 'class.petition.read'],
  });
  exporter = await userAt(t, {
    username: 'petition_exporter',
    orgName: '东兴街道',
    permissions: [...base, 'class.petition.read', 'class.petition.export'],
  });
  classed = await report('甲');
  plain = await report('乙');
  classedPerson = await linkPerson(classed.id, '钱多多', '31010419800303111');
  plainPerson = await linkPerson(plain.id, '孙小小', '31010419810404222');
});
afterAll(() => t.close());

describe('sensitive data classes', () => {
  it('are set only by a holder of the class, and never by the system admin on the strength of "everything"', async () => {
    const url = `/api/records/case/${classed.id}/classes`;
    expect((await street.post(url, { class: 'petition' })).status).toBe(403);
    expect((await admin.post(url, { class: 'petition' })).status).toBe(403);
    const unknown = await reader.post(url, { class: 'gossip' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('class');
    const set = await reader.post(url, { class: 'petition' });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    expect(set.body.items).toEqual(['petition']);
    expect((await auditsOf('record.class_add', classed.id)).length).toBe(1);
    expect((await street.get(url)).body.items).toEqual([]);
    expect((await reader.get(url)).body.items).toEqual(['petition']);
  });

  it('audit every detail read of a classed case (who, what, when), and only of a classed one', async () => {
    const before = (await auditsOf('record.class_view', classed.id)).length;
    const seen = await street.get(`/api/cases/${classed.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.classes).toEqual([]); // read, audited, but no class detail without the permission
    expect(seen.text).not.toContain('petition');
    const byReader = await reader.get(`/api/cases/${classed.id}`);
    expect(byReader.body.classes).toEqual(['petition']);
    const rows = await auditsOf('record.class_view', classed.id);
    expect(rows).toHaveLength(before + 2);
    expect(rows.slice(-2).map((r) => r.actor_name)).toEqual(['street', 'petition_reader']);
    expect(rows.at(-1)!.at).toBeInstanceOf(Date);
    await street.get(`/api/cases/${plain.id}`);
    expect(await auditsOf('record.class_view', plain.id)).toEqual([]);
  });

  it('leave no class detail in a list without the class permission', async () => {
    const list = await street.get(`/api/cases?q=${TAG}`);
    expect(list.body.items.map((c: { id: string }) => c.id).sort()).toEqual([classed.id, plain.id].sort());
    for (const item of list.body.items) expect(item).not.toHaveProperty('classes');
    expect(list.text).not.toContain('petition');
    const theirs = await reader.get(`/api/cases?q=${TAG}`);
    const byId = new Map(theirs.body.items.map((c: { id: string; classes: string[] }) => [c.id, c.classes]));
    expect(byId.get(classed.id)).toEqual(['petition']);
    expect(byId.get(plain.id)).toEqual([]);
  });

  it('never show in a person search: same shape for classed and unclassed people, no filter that works', async () => {
    for (const who of [street, reader]) {
      const a = await who.get(`/api/persons?q=${encodeURIComponent('钱多多')}`);
      const b = await who.get(`/api/persons?q=${encodeURIComponent('孙小小')}`);
      const pa = a.body.items.find((p: { id: string }) => p.id === classedPerson);
      const pb = b.body.items.find((p: { id: string }) => p.id === plainPerson);
      expect(pa && pb).toBeTruthy();
      expect(Object.keys(pa).sort()).toEqual(Object.keys(pb).sort());
      expect(a.text).not.toMatch(/petition|class/i);
      for (const filter of ['class=petition', 'dataClass=petition', 'classes=petition']) {
        const f = await who.get(`/api/persons?q=${encodeURIComponent('孙小小')}&${filter}`);
        expect(f.body.items.map((p: { id: string }) => p.id)).toEqual(
          b.body.items.map((p: { id: string }) => p.id),
        );
      }
      const picker = await who.get(`/api/subjects/search?type=person&q=${encodeURIComponent('钱多多')}`);
      expect(picker.text).not.toMatch(/petition/i);
    }
  });

  it('export classed rows only with the export permission, audited with the row count', async () => {
    const withheld = await street.get(`/api/cases/export?q=${TAG}`);
    expect(withheld.status).toBe(200);
    expect(withheld.text).toContain(plain.number);
    expect(withheld.text).not.toContain(classed.number);
    expect((await reader.get(`/api/cases/export?q=${TAG}`)).text).not.toContain(classed.number);
    const full = await exporter.get(`/api/cases/export?q=${TAG}`);
    expect(full.text).toContain(classed.number);
    expect(full.text).toContain(plain.number);
    const rows = await auditsOf('record.class_export');
    expect(rows.map((r) => [r.actor_name, r.after])).toEqual([
      ['street', { rows: 0, withheld: 1, byClass: {} }],
      ['petition_reader', { rows: 0, withheld: 1, byClass: {} }],
      ['petition_exporter', { rows: 1, withheld: 0, byClass: { petition: 1 } }],
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { caseIn, orgSubtree, person, user, type Subtree } from '../../test-support/factories.ts';

/** Issue 23 item 14 (PIPL art. 44–47): a resident's request about their data, recorded, answered, audited. */
const clock = new FakeClock('2026-09-28T02:00:00Z'); // a Monday, before the National Day holiday
let t: TestApp;
let at: Subtree;
let handler: Agent;
let reader: Agent;
let handlerName = '';
let readerName = '';
let resident: { id: string; idNumber: string };
let elsewhere: { id: string };

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  at = await orgSubtree(db);
  const u = await user(db, at.street, {
    permissions: ['registry.read', 'registry.manage', 'person.subject_request.manage'],
  });
  handlerName = u.username;
  readerName = (await user(db, at.street, { permissions: ['registry.read'] })).username;
  handler = await t.login(handlerName);
  reader = await t.login(readerName);
  resident = await person(db, at, { name: '演示居民' });
  elsewhere = await person(db, await orgSubtree(db));
  const c = await caseIn(db, at);
  await db
    .insertInto('record_subjects')
    .values({
      owner_type: 'case',
      owner_id: c.id,
      subject_type: 'person',
      subject_id: resident.id,
      role: 'party',
      created_at: new Date(),
    })
    .execute();
});
afterAll(() => t.close());

const actions = (r: { body: { auditTrail: { action: string }[] } }) => r.body.auditTrail.map((a) => a.action);

describe('data-subject requests', () => {
  it('records a request due after the district’s working days, on the holiday calendar', async () => {
    const set = await handler.request('PUT', '/api/subject-requests/settings', { days: 3 });
    expect(set.status, set.text).toBe(200);
    const r = await handler.post(`/api/persons/${resident.id}/subject-requests`, {
      kind: 'access',
      detail: '本人要求查阅登记信息',
    });
    expect(r.status, r.text).toBe(201);
    // 29 and 30 September, then the holiday (1–7 October), then 8 October: due at its close (17:30 in Shanghai).
    expect(r.body).toMatchObject({ status: 'open', kind: 'access', personName: '演示居民', overdue: false });
    expect(new Date(r.body.dueAt).toISOString()).toBe('2026-10-08T09:30:00.000Z');
    expect(actions(r)).toEqual(['subject_request.create']);
    expect((await handler.get('/api/subject-requests/settings')).body).toEqual({ days: 3 });
  });

  it('answers an access request with everything the registry holds about the person, audited', async () => {
    const req = (await handler.get('/api/subject-requests?status=open')).body.items[0];
    const dossier = await handler.get(`/api/subject-requests/${req.id}/export`);
    expect(dossier.status, dossier.text).toBe(200);
    // Clear values: the person is entitled to their own data.
    expect(dossier.body.person).toMatchObject({
      id: resident.id,
      id_number: resident.idNumber,
      name: '演示居民',
    });
    expect(dossier.body.person).not.toHaveProperty('org_path');
    expect(dossier.body.links).toEqual([expect.objectContaining({ ownerType: 'case', role: 'party' })]);
    const detail = await handler.get(`/api/subject-requests/${req.id}`);
    expect(actions(detail)).toEqual(['subject_request.create', 'subject_request.export']);
    const sensitive = await t.db.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'person.sensitive_export')
      .execute();
    expect(sensitive.map((s) => s.entity_id)).toEqual([resident.id]);
  });

  it('a correction is made on the record and the request closed with its outcome; late ones show overdue', async () => {
    const made = await handler.post(`/api/persons/${resident.id}/subject-requests`, {
      kind: 'correction',
      detail: '现住址登记有误',
    });
    const person = await handler.get(`/api/persons/${resident.id}`);
    const fixed = await handler.patch(`/api/persons/${resident.id}`, {
      address: '示范区更正路1号',
      version: person.body.version,
    });
    expect(fixed.status, fixed.text).toBe(200);
    clock.advance(20 * 86_400_000);
    handler = await t.login(handlerName); // the sessions ended in those 20 days
    reader = await t.login(readerName);
    const late = await handler.get(`/api/subject-requests/${made.body.id}`);
    expect(late.body.overdue).toBe(true);
    const stale = await handler.post(`/api/subject-requests/${made.body.id}/close`, {
      status: 'done',
      outcome: 'x',
      version: made.body.version + 1,
    });
    expect(stale.status).toBe(409);
    const closed = await handler.post(`/api/subject-requests/${made.body.id}/close`, {
      status: 'done',
      outcome: '已更正现住址',
      version: made.body.version,
    });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ status: 'done', outcome: '已更正现住址', overdue: false });
    expect(actions(closed)).toEqual(['subject_request.create', 'subject_request.close']);
    const again = await handler.post(`/api/subject-requests/${made.body.id}/close`, {
      status: 'refused',
      outcome: 'x',
      version: closed.body.version,
    });
    expect(again.status).toBe(409);
    const open = (await handler.get('/api/subject-requests')).body.items.map((i: { id: string }) => i.id);
    expect(open).not.toContain(made.body.id);
    const done = (await handler.get('/api/subject-requests?status=done')).body.items.map(
      (i: { id: string }) => i.id,
    );
    expect(done).toEqual([made.body.id]);
  });

  it('refuses without the permission, outside the scope, and a request without detail', async () => {
    expect((await reader.get('/api/subject-requests')).status).toBe(403);
    expect(
      (await reader.post(`/api/persons/${resident.id}/subject-requests`, { kind: 'access', detail: 'x' }))
        .status,
    ).toBe(403);
    expect(
      (await handler.post(`/api/persons/${elsewhere.id}/subject-requests`, { kind: 'access', detail: 'x' }))
        .status,
    ).toBe(404);
    const bad = await handler.post(`/api/persons/${resident.id}/subject-requests`, {
      kind: 'access',
      detail: ' ',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('detail');
  });
});

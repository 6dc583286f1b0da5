import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { runSweepOnce } from '../../core/sweeps.ts';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { warningRulesSweep } from '../warnings/sweeps.ts';
import { contactRhythmSweep } from './contact-sweep.ts';

const clock = new FakeClock('2026-11-25T02:00:00Z');
let t: TestApp;
let a: f.Subtree;
let manager: Agent, worker: Agent, otherWorker: Agent, noMental: Agent;
let workerId: string;

const base = ['org.read', 'registry.read', 'special.read'] as const;

const names: Record<'manager' | 'worker' | 'otherWorker' | 'noMental', string> = {
  manager: '',
  worker: '',
  otherWorker: '',
  noMental: '',
};
/** Sessions time out as the fake clock moves on: a move signs everyone in again. */
async function at(instant: string) {
  clock.set(instant);
  manager = await t.login(names.manager);
  worker = await t.login(names.worker);
  otherWorker = await t.login(names.otherWorker);
  noMental = await t.login(names.noMental);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  a = await f.orgSubtree(db);
  const classes = ['class.mental.read', 'class.corrections.read'] as const;
  names.manager = (
    await f.user(db, a.street, { permissions: [...base, 'special.manage', ...classes] })
  ).username;
  const w = await f.user(db, a.street, { permissions: [...base, 'class.mental.read'] });
  workerId = w.id;
  names.worker = w.username;
  names.otherWorker = (await f.user(db, a.street, { permissions: [...base, 'class.mental.read'] })).username;
  names.noMental = (
    await f.user(db, a.street, { permissions: [...base, 'special.manage', 'class.corrections.read'] })
  ).username;
  await at('2026-11-25T02:00:00Z');
});
afterAll(() => t.close());

async function mentalFile(risk = 3) {
  const p = await f.person(t.db.db, a);
  const r = await manager.post('/api/special-populations/files', {
    personId: p.id,
    category: 'mental',
    subcategory: 'schizophrenia',
    managementLevel: 'unstable',
    riskLevel: risk,
    responsibleOrgId: a.street.id,
    startDate: '2026-11-01',
    team: [{ role: 'doctor', name: '精防医生', sex: 'female', userId: workerId }],
  });
  expect(r.status, r.text).toBe(201);
  return { id: r.body.id as string, name: p.name };
}
const plan = (id: string, over: Record<string, unknown> = {}) =>
  manager.post(`/api/special-populations/files/${id}/plan`, {
    goals: '按期随访，规律服药',
    startOn: '2026-11-25',
    ...over,
  });
const sweep = () => runSweepOnce(t.db.db, contactRhythmSweep, clock.now());
const myDue = async (agent: Agent) =>
  (await agent.get('/api/tasks?kind=special.contact_due')).body.items as {
    ownerId: string;
    slaState: string;
  }[];
const notices = (kind: string, fileId: string) =>
  t.db.db
    .selectFrom('notifications')
    .select('id')
    .where('kind', '=', kind)
    .where('owner_id', '=', fileId)
    .where('user_id', '=', workerId)
    .execute();

describe('the contact rhythm', () => {
  it('a risk-3 patient is due a follow-up every 14 days: due, then overdue and told once, then done by a contact', async () => {
    const file = await mentalFile(3);
    expect((await plan(file.id)).status).toBe(201);
    const view = await manager.get(`/api/special-populations/files/${file.id}/contacts`);
    expect(view.body.plan.rhythm).toEqual([{ kind: 'followup', everyDays: 14 }]);
    expect(view.body.due[0]).toEqual({ kind: 'followup', dueOn: '2026-12-09', state: 'upcoming' });
    expect((await myDue(worker)).filter((i) => i.ownerId === file.id)).toHaveLength(0);

    await at('2026-12-09T02:00:00Z');
    await sweep();
    expect((await myDue(worker)).filter((i) => i.ownerId === file.id)).toMatchObject([
      { slaState: 'warning' },
    ]);
    expect(await notices('special.contact_due', file.id)).toHaveLength(1);
    // Someone of the class who is not on the team has nothing of it to do.
    expect((await myDue(otherWorker)).filter((i) => i.ownerId === file.id)).toHaveLength(0);

    await at('2026-12-13T02:00:00Z');
    await sweep();
    await sweep();
    expect((await myDue(worker)).filter((i) => i.ownerId === file.id)).toMatchObject([
      { slaState: 'overdue' },
    ]);
    expect(await notices('special.contact_missed', file.id)).toHaveLength(1);
    const caseload = await worker.get('/api/special-populations/caseload');
    const mine = caseload.body.items.find((i: { id: string }) => i.id === file.id);
    expect(mine.due[0]).toMatchObject({ dueOn: '2026-12-09', state: 'overdue' });
    expect(mine.personPhone ?? '*').toMatch(/\*/);

    // A missed follow-up of a risk ≥ 3 patient reaches the warning centre, to the street and the county.
    await runSweepOnce(t.db.db, warningRulesSweep, clock.now());
    const w = await t.db.db
      .selectFrom('stability_warnings')
      .select(['id', 'level', 'title'])
      .where('cluster_key', '=', `special_missed:${file.id}:2026-12-09`)
      .executeTakeFirstOrThrow();
    expect(w.level).toBe('orange');
    expect(w.title).not.toContain(file.name);
    const targets = await t.db.db
      .selectFrom('warning_targets as wt')
      .innerJoin('orgs as o', 'o.id', 'wt.org_id')
      .select('o.level')
      .where('wt.warning_id', '=', w.id)
      .execute();
    expect(targets.map((x) => x.level).sort()).toEqual(['district', 'street']);

    const done = await worker.post(`/api/special-populations/files/${file.id}/contacts`, {
      kind: 'followup',
      doneOn: '2026-12-13',
      note: '服药规律，情绪平稳',
    });
    expect(done.status, done.text).toBe(201);
    expect((await myDue(worker)).filter((i) => i.ownerId === file.id)).toHaveLength(0);
    const after = await worker.get(`/api/special-populations/files/${file.id}/contacts`);
    expect(after.body.contacts[0]).toMatchObject({ kind: 'followup', dueOn: '2026-12-09' });
    expect(after.body.due[0]).toMatchObject({ dueOn: '2026-12-23', state: 'upcoming' });
  });

  it('a corrections subject who goes 失联 raises a red warning to the 司法所 and the county', async () => {
    const file = await f.specialFile(t.db.db, a);
    await t.db.db
      .updateTable('special_persons')
      .set({ status: 'under_correction' })
      .where('id', '=', file.id)
      .execute();
    const got = await manager.get(`/api/special-populations/files/${file.id}`);
    const lost = await manager.post(`/api/special-populations/files/${file.id}/actions`, {
      action: 'lose_contact',
      version: got.body.version,
    });
    expect(lost.status, lost.text).toBe(200);
    await runSweepOnce(t.db.db, warningRulesSweep, clock.now());
    await runSweepOnce(t.db.db, warningRulesSweep, clock.now());
    const ws = await t.db.db
      .selectFrom('stability_warnings')
      .select(['id', 'level'])
      .where('rule', '=', 'special_lost_contact')
      .where('cluster_key', 'like', `special_lost:${file.id}:%`)
      .execute();
    expect(ws).toMatchObject([{ level: 'red' }]);
  });
});

describe('the class rules on contacts', () => {
  it('hides the contacts of a class from those without it, lets only the team record, and audits every read', async () => {
    const file = await mentalFile(1);
    const audits = async () =>
      (
        await t.db.db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'record.class_view')
          .where('entity_id', '=', file.id)
          .execute()
      ).length;
    const before = await audits();
    await worker.get(`/api/special-populations/files/${file.id}/contacts`);
    await manager.get(`/api/special-populations/files/${file.id}/contacts`);
    expect((await audits()) - before).toBe(2);
    expect((await noMental.get(`/api/special-populations/files/${file.id}/contacts`)).status).toBe(404);
    const body = { kind: 'home_visit', doneOn: '2026-12-01', note: '入户走访' };
    expect((await noMental.post(`/api/special-populations/files/${file.id}/contacts`, body)).status).toBe(
      404,
    );
    expect((await otherWorker.post(`/api/special-populations/files/${file.id}/contacts`, body)).status).toBe(
      403,
    );
    const caseload = await noMental.get('/api/special-populations/caseload');
    expect(caseload.body.items.map((i: { id: string }) => i.id)).not.toContain(file.id);
    expect(
      (
        await noMental.post(`/api/special-populations/files/${file.id}/incidents`, {
          kind: 'trouble',
          occurredOn: '2026-12-01',
          detail: 'x',
        })
      ).status,
    ).toBe(404);
  });

  it('answers bad input with the field, a stale plan with 409, and a retried create once', async () => {
    const file = await mentalFile(2);
    const url = `/api/special-populations/files/${file.id}/contacts`;
    const bad: [Record<string, unknown>, string][] = [
      [{ kind: 'home_visit', doneOn: '2027-01-30', note: 'x' }, 'doneOn'],
      [{ kind: 'dance', doneOn: '2026-12-01', note: 'x' }, 'kind'],
      [{ kind: 'home_visit', doneOn: '2026-12-01' }, 'note'],
      [{ kind: 'home_visit', doneOn: '2026-10-01', note: 'x' }, 'doneOn'],
    ];
    for (const [b, field] of bad) {
      const r = await worker.post(url, b);
      expect(r.status, field).toBe(400);
      expect(r.body.error.fields[0].path).toBe(field);
    }
    expect((await plan(file.id)).status).toBe(201);
    expect((await plan(file.id)).status).toBe(409);
    expect((await plan(file.id, { replaces: 1, rhythm: [{ kind: 'phone', everyDays: 7 }] })).body).toEqual({
      version: 2,
    });
    expect((await plan(file.id, { startOn: '2026-10-01', replaces: 2 })).body.error.fields[0].path).toBe(
      'startOn',
    );

    const key = { 'idempotency-key': `c-${file.id}` };
    const body = { kind: 'phone', doneOn: '2026-12-13', note: '电话联系' };
    const first = await worker.request('POST', url, body, key);
    expect(first.status).toBe(201);
    const again = await worker.request('POST', url, body, key);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await worker.request('POST', url, { ...body, note: '另一次' }, key)).status).toBe(422);
    const view = await worker.get(url);
    expect(view.body.contacts.filter((c: { kind: string }) => c.kind === 'phone')).toHaveLength(1);
  });
});

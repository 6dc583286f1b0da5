import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { computeIndicators } from '../../core/indicators/registry.ts';
import { systemScope } from '../../core/org-scope.ts';
import { citizenId, district, orgSubtree, person, user, type Subtree } from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

// Monday 7 December 2026, 10:00 in Shanghai.
const clock = new FakeClock('2026-12-07T02:00:00Z');
let t: TestApp;
let street: Subtree;
let other: Subtree;
let admin: Agent; // petition_supervisor: petition.admin and the class
let agent: Agent; // petition_agent with a user of their own
let plain: Agent; // petition.read and petition.register, without the class
let otherDesk: Agent;
let agentUserId: string;
let stationId: string;
let agentId: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  const root = await district(db);
  street = await orgSubtree(db, root, '代理测试街道');
  other = await orgSubtree(db, root, '代理测试别街道');
  admin = await t.login((await user(db, street.street, { code: 'petition_supervisor' })).username);
  const a = await user(db, street.community, { code: 'petition_agent' });
  agentUserId = a.id;
  agent = await t.login(a.username);
  const perms = ['org.read', 'petition.read', 'petition.register'] as const;
  plain = await t.login((await user(db, street.street, { permissions: perms })).username);
  otherDesk = await t.login((await user(db, other.street, { code: 'petition_receptionist' })).username);
});
afterAll(() => t.close());

describe('the agent network', () => {
  it('sets up a station per community and an agent with their area, refusing what lies outside', async () => {
    const body = {
      name: '测试社区群众工作站',
      level: 'village',
      orgId: street.community.id,
      hours: '周一至周五',
    };
    expect(
      (await admin.post('/api/petitions/agent-stations', { ...body, orgId: other.community.id })).body.error
        .fields[0].path,
    ).toBe('orgId');
    expect((await agent.post('/api/petitions/agent-stations', body)).status).toBe(403);
    const s = await admin.post('/api/petitions/agent-stations', body);
    expect(s.status).toBe(201);
    stationId = s.body.id;
    const who = await person(t.db.db, street, { name: '李代理' });
    const stranger = await person(t.db.db, other);
    const agentBody = {
      stationId,
      personId: who.id,
      userId: agentUserId,
      kind: 'old_party_member',
      area: '1–3 号楼',
    };
    expect(
      (await admin.post('/api/petitions/agents', { ...agentBody, personId: stranger.id })).body.error
        .fields[0].path,
    ).toBe('personId');
    const r = await admin.post('/api/petitions/agents', agentBody);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: '李代理', area: '1–3 号楼', stationName: '测试社区群众工作站' });
    agentId = r.body.id;
    expect((await admin.post('/api/petitions/agents', agentBody)).status).toBe(409);
    const list = await admin.get(`/api/petitions/agents?stationId=${stationId}`);
    expect([list.body.total, list.body.items[0].id]).toEqual([1, agentId]);
    expect((await agent.get('/api/petitions/agents/me')).body.agent.id).toBe(agentId);
    expect((await otherDesk.get('/api/petitions/agent-stations')).body.items).toEqual([]);
  });

  it('an agent takes a matter for a resident and registers it as a petition with the agent recorded', async () => {
    const body = { kind: 'petition', clientName: '王大妈', summary: '小区漏水三年无人修' };
    const m = await agent.request('POST', '/api/petitions/agent-matters', body, {
      'idempotency-key': 'am-1',
    });
    expect(m.status).toBe(201);
    expect(m.body).toMatchObject({ agentId, status: 'open', clientName: '王大妈', stepCount: 1 });
    const again = await agent.request('POST', '/api/petitions/agent-matters', body, {
      'idempotency-key': 'am-1',
    });
    expect([again.status, again.body.id]).toEqual([200, m.body.id]);
    // A desk user who is no agent must name one.
    expect((await plain.post('/api/petitions/agent-matters', body)).body.error.fields[0].path).toBe(
      'agentId',
    );
    const url = `/api/petitions/agent-matters/${m.body.id}/petition`;
    const petition = {
      channel: 'visit',
      class: 'appeal',
      category: 'urban',
      summary: '小区漏水三年无人修',
      demands: '请求维修',
      petitioner: { name: '王大妈', idNumber: citizenId() },
    };
    expect((await agent.post(url, { ...petition, version: m.body.version + 5 })).status).toBe(409);
    const p = await agent.post(url, { ...petition, version: m.body.version });
    expect(p.status).toBe(201);
    const replay = await agent.post(url, { ...petition, version: m.body.version });
    expect([replay.status, replay.body.id]).toEqual([200, p.body.id]);
    const events = await agent.get(`/api/petitions/${p.body.id}/events`);
    expect(events.body.items.find((e: { action: string }) => e.action === 'agent_register').note).toContain(
      '李代理',
    );
    const row = await t.db.db
      .selectFrom('petitions')
      .select('agent_matter_id')
      .where('id', '=', p.body.id)
      .executeTakeFirstOrThrow();
    expect(row.agent_matter_id).toBe(m.body.id);
    const d = await agent.get(`/api/petitions/agent-matters/${m.body.id}`);
    expect(d.body).toMatchObject({ petitionId: p.body.id, petitionNumber: p.body.number });
    const closed = await agent.post(`/api/petitions/agent-matters/${m.body.id}/close`, {
      version: d.body.version,
      result: '物业已维修',
      rating: 'satisfied',
    });
    expect(closed.body.status).toBe('closed');
    expect(
      (
        await agent.post(`/api/petitions/agent-matters/${m.body.id}/steps`, {
          version: closed.body.version,
          text: 'x',
        })
      ).status,
    ).toBe(409);
  });

  it('lists 我代理的 for the agent, masks client and content without the class, audits reads, hides other streets', async () => {
    await agent.post('/api/petitions/agent-matters', {
      kind: 'errand',
      clientName: '赵大爷',
      summary: '代领身份证',
    });
    const mine = await agent.get('/api/petitions/agent-matters?mine=true');
    expect(mine.body.total).toBe(2);
    expect((await agent.get('/api/petitions/agent-matters?mine=true&status=open')).body.total).toBe(1);
    expect((await plain.get('/api/petitions/agent-matters?mine=true')).body.total).toBe(0);
    const masked = await plain.get('/api/petitions/agent-matters');
    expect(masked.body.items.map((m: { clientName: string }) => m.clientName).sort()).toEqual([
      '王**',
      '赵**',
    ]);
    expect(masked.body.items.every((m: { summary: null }) => m.summary === null)).toBe(true);
    const id = masked.body.items[0].id;
    const before = await t.db.db
      .selectFrom('audit_log')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('action', '=', 'agent_matter.class_view')
      .executeTakeFirstOrThrow();
    expect((await plain.get(`/api/petitions/agent-matters/${id}`)).body.steps[0].text).toBeNull();
    const after = await t.db.db
      .selectFrom('audit_log')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('action', '=', 'agent_matter.class_view')
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(1);
    expect((await otherDesk.get(`/api/petitions/agent-matters/${id}`)).status).toBe(404);
    expect((await otherDesk.get('/api/petitions/agent-matters')).body.items).toEqual([]);
  });

  it('counts 代办 and 代办化解率 per unit', async () => {
    const values = await computeIndicators(
      { db: t.db.db, scope: systemScope(), clock },
      ['petition.agentMatters', 'petition.agentResolvedRate'],
      {
        units: { kind: 'org', orgIds: [street.street.id, other.street.id] },
        from: new Date('2026-11-30T16:00:00Z'),
        to: new Date('2026-12-31T16:00:00Z'),
      },
    );
    expect(values.get(street.street.id)).toEqual({
      'petition.agentMatters': 2,
      'petition.agentResolvedRate': 0.5,
    });
    expect(values.get(other.street.id)).toEqual({
      'petition.agentMatters': 0,
      'petition.agentResolvedRate': null,
    });
  });
});

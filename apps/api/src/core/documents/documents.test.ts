import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock.ts';
import type { SignedInContext } from '../context.ts';
import { scopeOfOrg } from '../org-scope.ts';
import { lookupSession } from '../sessions.ts';
import { AT, categoryByCode } from '../../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { issueDocument } from './issue.ts';

// Wednesday 2026-12-02 10:00 in Shanghai.
const clock = new FakeClock('2026-12-02T02:00:00Z');
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => fs.existsSync(p));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-doc-'));
let t: TestApp;
let admin: Agent, center: Agent, street: Agent;
let centerCtx: SignedInContext;
let caseId: string;

async function userIn(orgId: string, username: string, roleCode: string) {
  // 三员分立: the security administrator grants roles.
  const security = await t.login('security');
  const roles = (await security.get('/api/roles')).body as { id: string; code: string }[];
  const r = await security.post('/api/users', {
    username,
    displayName: `${username}（测试）`,
    orgId,
    roleIds: [roles.find((x) => x.code === roleCode)!.id],
    password: 'Initial#Pass1',
  });
  expect(r.status).toBe(201);
  const u = await t.login(username, 'Initial#Pass1');
  await u.post('/api/auth/password', { currentPassword: 'Initial#Pass1', newPassword: 'Changed#Pass2' });
  return t.login(username, 'Changed#Pass2');
}

/** The service context of a signed-in agent, as the route guard builds it. */
async function ctxOf(a: Agent): Promise<SignedInContext> {
  const token = decodeURIComponent(/cg_session=([^;]+)/.exec(a.cookie)![1]!);
  const s = await lookupSession(t.db.db, token, clock.now(), { idleMs: 1e12, absoluteMs: 1e12 });
  if (s.state !== 'ok') throw new Error('no session');
  return {
    db: t.db.db,
    user: s.user,
    scope: scopeOfOrg({ id: s.user.orgId, path: s.user.orgPath }),
    clock,
    ip: null,
    userAgent: null,
  } as unknown as SignedInContext;
}

const template = (n: number) => ({
  title: '人民调解协议书',
  fields: [
    { label: '当事人', value: '张某某、李某某' },
    { label: '纠纷事由', value: `邻里漏水纠纷 ${n}` },
  ],
  paragraphs: ['经调解，双方自愿达成如下协议：', '一、张某某于十日内修复漏水管道。'],
  signatures: ['当事人（签名）：', '调解员（签名）：'],
});

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.login('admin');
  center = await t.login('center');
  // A street of its own, outside the case's part of the tree.
  const district = (await admin.get('/api/orgs/tree')).body[0];
  const other = await admin.post('/api/orgs', {
    parentId: district.id,
    name: '文书测试街道',
    code: 'WS',
    level: 'street',
  });
  expect(other.status).toBe(201);
  street = await userIn(other.body.id, 'ws-street', 'street_staff');
  centerCtx = await ctxOf(center);
  const rubbish = await categoryByCode(center, 'SJ0101');
  const c = await center.post('/api/cases', {
    channel: 'hotline',
    title: '文书测试',
    description: '邻里纠纷',
    categoryId: rubbish.id,
    urgency: 'normal',
    location: AT.meiyuan1,
    reporter: { name: '王某某', phone: '13912345678' },
  });
  expect(c.status).toBe(201);
  caseId = c.body.id;
  const set = await admin.request('PUT', `/api/orgs/${centerCtx.user.orgId}/document-series/test.agreement`, {
    prefix: '东调字',
  });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
});
afterAll(() => t.close());

const issue = (ctx: SignedInContext, n: number, series = 'test.agreement') =>
  issueDocument(ctx, { ownerType: 'case', ownerId: caseId, series, template: template(n) });

describe('numbered documents', () => {
  it('numbers per org, series and year without gaps, and puts the number in the PDF text layer', async () => {
    const a = await issue(centerCtx, 1);
    const b = await issue(centerCtx, 2);
    expect([a.number, b.number]).toEqual(['东调字〔2026〕第1号', '东调字〔2026〕第2号']);
    // A series without a prefix at this org is refused, naming the field; the counter is untouched.
    await expect(issue(centerCtx, 3, 'test.other')).rejects.toMatchObject({ status: 400 });

    const file = await center.get(`/api/documents/${b.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    if (!pdftotext) throw new Error('pdftotext (poppler-utils) is needed for this test');
    const p = path.join(tmp, 'doc.pdf');
    fs.writeFileSync(p, await bytesOf(b.id));
    const text = execFileSync(pdftotext, ['-layout', p, '-'], { encoding: 'utf8' });
    expect(text).toContain('人民调解协议书');
    expect(text).toContain('东调字〔2026〕第2号');
    expect(text).toContain('2026年12月2日');

    // The next year starts again at 1.
    clock.set(new Date('2026-12-31T16:30:00Z')); // 2027-01-01 00:30 in Shanghai
    try {
      expect((await issue(centerCtx, 4)).number).toBe('东调字〔2027〕第1号');
    } finally {
      clock.set(new Date('2026-12-02T02:00:00Z'));
    }
    const audits = await t.db.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['document.issue', 'document.download'])
      .execute();
    expect(audits.filter((x) => x.action === 'document.issue' && x.entity_id === b.id)).toHaveLength(1);
    expect(audits.some((x) => x.action === 'document.download' && x.entity_id === b.id)).toBe(true);
  });

  // On PGlite the two transactions queue on its one connection; on PostgreSQL (TEST_DATABASE_URL) they race,
  // and numbering by max(seq) + 1 instead of the counter row fails here with a duplicate.
  it('gives two concurrent issues consecutive, distinct numbers', async () => {
    const before = await issue(centerCtx, 5);
    const [x, y] = await Promise.all([issue(centerCtx, 6), issue({ ...centerCtx }, 7)]);
    expect(new Set([x.seq, y.seq]).size).toBe(2);
    expect([x.seq, y.seq].sort((p, q) => p - q)).toEqual([before.seq + 1, before.seq + 2]);
    const rows = await t.db.db
      .selectFrom('documents')
      .select('seq')
      .where('series', '=', 'test.agreement')
      .where('year', '=', 2026)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
  });

  it('keeps a document behind its owner: another street gets 404, as for the case itself', async () => {
    const d = await issue(centerCtx, 8);
    expect((await street.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await street.get(`/api/documents/${d.id}/file`)).status).toBe(404);
    expect((await center.get('/api/documents/00000000-0000-4000-8000-000000000000/file')).status).toBe(404);
    // A street user cannot issue for a case it cannot see, nor set a prefix for an org outside its tree.
    await expect(issue(await ctxOf(street), 9)).rejects.toMatchObject({ status: 404 });
    const put = await street.request('PUT', `/api/orgs/${centerCtx.user.orgId}/document-series/x.y`, {
      prefix: '外',
    });
    expect(put.status).toBe(403);
  });
});

async function bytesOf(id: string) {
  const r = await t.app.inject({
    method: 'GET',
    url: `/api/documents/${id}/file`,
    headers: { cookie: center.cookie },
  });
  return r.rawPayload;
}

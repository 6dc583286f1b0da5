import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

interface Node {
  id: string;
  name: string;
  level: string;
  children: Node[];
}

let t: TestApp;
let admin: Agent;
let tree: Node[];
const find = (nodes: Node[], name: string): Node | undefined => {
  for (const n of nodes) {
    if (n.name === name) return n;
    const hit = find(n.children, name);
    if (hit) return hit;
  }
  return undefined;
};
const names = (nodes: Node[]): string[] => nodes.flatMap((n) => [n.name, ...names(n.children)]);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  tree = (await admin.get('/api/orgs/tree')).body;
});
afterAll(() => t.close());

describe('org tree', () => {
  it('holds the demo district: 3 streets, 12 communities, 60 grids, 8 departments', () => {
    expect(tree).toHaveLength(1);
    const district = tree[0]!;
    expect(district.name).toBe('示范区');
    const all = (level: string, nodes: Node[] = tree): Node[] =>
      nodes.flatMap((n) => [...(n.level === level ? [n] : []), ...all(level, n.children)]);
    expect(all('street')).toHaveLength(3);
    expect(all('community')).toHaveLength(12);
    expect(all('grid')).toHaveLength(60);
    expect(all('department').map((d) => d.name)).toEqual(
      expect.arrayContaining(['区城管执法局', '区公安分局', '区司法局', '区信访办']),
    );
  });

  it("is limited to the caller's subtree", async () => {
    const street = await t.login('street');
    const r = await street.get('/api/orgs/tree');
    expect(r.body).toHaveLength(1);
    expect(r.body[0].name).toBe('东兴街道');
    const seen = names(r.body);
    expect(seen).toContain('梅园社区');
    expect(seen).not.toContain('南华街道');
    expect(seen).not.toContain('示范区');
    const grid = await t.login('grid');
    expect(names((await grid.get('/api/orgs/tree')).body)).toEqual(['梅园社区第1网格']);
  });

  it('answers 404 for an org in another subtree, and the same for one that does not exist', async () => {
    const street = await t.login('street');
    const other = find(tree, '南华街道')!;
    const r = await street.get(`/api/orgs/${other.id}`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
    expect((await street.get(`/api/orgs/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const own = find(tree, '梅园社区')!;
    const ok = await street.get(`/api/orgs/${own.id}`);
    expect(ok.status).toBe(200);
    // The path starts at the top of the caller's own subtree: nothing above it is named.
    expect(ok.body.path.map((p: { name: string }) => p.name)).toEqual(['东兴街道', '梅园社区']);
  });
});

describe('org admin', () => {
  it('creates, renames, moves, disables and enables, each audited', async () => {
    const street = find(tree, '东兴街道')!;
    const created = await admin.post('/api/orgs', {
      parentId: street.id,
      name: '新建测试社区',
      code: 'SF0199',
      level: 'community',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.version).toBe(1);

    const renamed = await admin.patch(`/api/orgs/${id}`, { name: '新建社区（更名）', version: 1 });
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(2);

    const grid = await admin.post('/api/orgs', { parentId: id, name: '新网格A', level: 'grid' });
    expect(grid.status).toBe(201);

    const target = find(tree, '南华街道')!;
    const moved = await admin.post(`/api/orgs/${id}/move`, { parentId: target.id, version: 2 });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(target.id);
    const movedGrid = await admin.get(`/api/orgs/${grid.body.id}`);
    expect(movedGrid.body.path.map((p: { name: string }) => p.name)).toEqual([
      '示范区',
      '南华街道',
      '新建社区（更名）',
      '新网格A',
    ]);
    // The street that lost the community no longer sees its grid.
    const streetUser = await t.login('street');
    expect((await streetUser.get(`/api/orgs/${grid.body.id}`)).status).toBe(404);

    const disabled = await admin.post(`/api/orgs/${id}/disable`, { version: moved.body.version });
    expect(disabled.body.disabled).toBe(true);
    const visible = names((await admin.get('/api/orgs/tree')).body);
    expect(visible).not.toContain('新建社区（更名）');
    expect(names((await admin.get('/api/orgs/tree?includeDisabled=true')).body)).toContain(
      '新建社区（更名）',
    );
    const enabled = await admin.post(`/api/orgs/${id}/enable`, { version: disabled.body.version });
    expect(enabled.body.disabled).toBe(false);

    const auditor = await t.login('auditor');
    const trail = await auditor.get(`/api/audit?entityType=org&entityId=${id}`);
    expect(trail.body.items.map((a: { action: string }) => a.action)).toEqual([
      'org.enable',
      'org.disable',
      'org.move',
      'org.update',
      'org.create',
    ]);
    const rename = trail.body.items.find((a: { action: string }) => a.action === 'org.update');
    expect(rename.before).toEqual({ name: '新建测试社区' });
    expect(rename.after).toEqual({ name: '新建社区（更名）' });
  });

  it('answers 409 on a stale version and keeps the newer write', async () => {
    const community = find(tree, '康乐社区')!;
    const current = (await admin.get(`/api/orgs/${community.id}`)).body;
    expect(
      (await admin.patch(`/api/orgs/${community.id}`, { name: '康乐社区一', version: current.version }))
        .status,
    ).toBe(200);
    const stale = await admin.patch(`/api/orgs/${community.id}`, {
      name: '康乐社区二',
      version: current.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect((await admin.get(`/api/orgs/${community.id}`)).body.name).toBe('康乐社区一');
  });

  it('answers 400 naming the bad fields', async () => {
    const r = await admin.post('/api/orgs', { parentId: 'not-a-uuid', name: '', level: 'galaxy' });
    expect(r.status).toBe(400);
    const paths = r.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['parentId', 'name', 'level']));
  });

  it('refuses impossible placements, cycles and duplicate names', async () => {
    const grid = find(tree, '梅园社区第2网格')!;
    const street = find(tree, '东兴街道')!;
    const community = find(tree, '梅园社区')!;
    const streetUnderGrid = await admin.post('/api/orgs', {
      parentId: grid.id,
      name: '错误街道',
      level: 'street',
    });
    expect(streetUnderGrid.status).toBe(400);
    expect(streetUnderGrid.body.error.fields[0].path).toBe('level');
    const v = (await admin.get(`/api/orgs/${street.id}`)).body.version;
    const cycle = await admin.post(`/api/orgs/${street.id}/move`, { parentId: community.id, version: v });
    expect(cycle.status).toBe(400);
    const dup = await admin.post('/api/orgs', { parentId: street.id, name: '梅园社区', level: 'community' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields[0].path).toBe('name');
  });

  it('does not let a street user create under, or move into, another street', async () => {
    const streetAdmin = await t.login('street');
    const other = find(tree, '西苑街道')!;
    const r = await streetAdmin.post('/api/orgs', {
      parentId: other.id,
      name: '越权社区',
      level: 'community',
    });
    // street staff hold no org.manage: refused before the scope is even considered
    expect(r.status).toBe(403);
  });

  it('lists orgs with search, level filter and keyset pages', async () => {
    const first = await admin.get('/api/orgs?level=grid&limit=25');
    expect(first.body.items).toHaveLength(25);
    const second = await admin.get(`/api/orgs?level=grid&limit=25&cursor=${first.body.nextCursor}`);
    const third = await admin.get(`/api/orgs?level=grid&limit=25&cursor=${second.body.nextCursor}`);
    const all = [...first.body.items, ...second.body.items, ...third.body.items];
    expect(new Set(all.map((o) => o.id)).size).toBeGreaterThanOrEqual(60);
    expect(third.body.nextCursor).toBeNull();
    const q = await admin.get(`/api/orgs?q=${encodeURIComponent('梅园')}&level=community`);
    expect(q.body.items.map((o: { name: string }) => o.name)).toEqual(['梅园社区']);
    expect((await admin.get('/api/orgs?cursor=garbage')).status).toBe(400);
  });
});

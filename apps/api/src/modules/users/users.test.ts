import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let admin: Agent;
/** 三员分立: accounts get their roles from the security administrator. */
let security: Agent;
let roles: { id: string; code: string }[];
let orgs: { id: string; name: string }[];
const roleId = (code: string) => roles.find((r) => r.code === code)!.id;
const orgId = (name: string) => orgs.find((o) => o.name === name)!.id;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  security = await t.login('security');
  roles = (await admin.get('/api/roles')).body;
  orgs = (await admin.get('/api/orgs?limit=200')).body.items;
});
afterAll(() => t.close());

const newUser = (over: Record<string, unknown> = {}) => ({
  username: 'u' + Math.random().toString(36).slice(2, 10),
  displayName: '测试用户',
  orgId: orgId('梅园社区'),
  roleIds: [roleId('community_staff')],
  password: 'Initial#Pass1',
  ...over,
});

describe('users', () => {
  it('creates a user with roles; lists, filters and pages them', async () => {
    const r = await security.post('/api/users', newUser({ username: 'meiyuan-staff', phone: '13812345678' }));
    expect(r.status).toBe(201);
    expect(r.body.roles.map((x: { code: string }) => x.code)).toEqual(['community_staff']);
    expect(r.body.orgName).toBe('梅园社区');
    const byOrg = await admin.get(`/api/users?orgId=${orgId('东兴街道')}&limit=200`);
    const usernames = byOrg.body.items.map((u: { username: string }) => u.username);
    expect(usernames).toEqual(
      expect.arrayContaining(['meiyuan-staff', 'street', 'community', 'grid', 'mediator']),
    );
    expect(usernames).not.toContain('admin');
    const q = await admin.get('/api/users?q=meiyuan');
    expect(q.body.items).toHaveLength(1);
    const byRole = await admin.get(`/api/users?roleId=${roleId('mediator')}`);
    expect(byRole.body.items.map((u: { username: string }) => u.username)).toEqual(['mediator']);
    const p1 = await admin.get('/api/users?limit=4');
    const p2 = await admin.get(`/api/users?limit=4&cursor=${p1.body.nextCursor}`);
    expect(p1.body.items).toHaveLength(4);
    expect(p2.body.items[0].username > p1.body.items[3].username).toBe(true);
  });

  it('answers 400 naming bad fields and 409 for a taken username', async () => {
    const bad = await security.post(
      '/api/users',
      newUser({ username: 'x', phone: '12345', password: 'short' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['username', 'phone']),
    );
    const weak = await security.post('/api/users', newUser({ password: 'onlylowercaseletters' }));
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields[0].path).toBe('password');
    const dup = await security.post('/api/users', newUser({ username: 'ADMIN' }));
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields[0].path).toBe('username');
  });

  it('keeps a street user inside their street', async () => {
    const created = await security.post(
      '/api/users',
      newUser({ orgId: orgId('华杨社区'), username: 'huayang-staff' }),
    );
    expect(created.status).toBe(201);
    const street = await t.login('street');
    expect((await street.get(`/api/users/${created.body.id}`)).status).toBe(404);
    const list = await street.get('/api/users?limit=200');
    expect(list.body.items.map((u: { username: string }) => u.username)).not.toContain('huayang-staff');
    expect((await street.get(`/api/users?orgId=${orgId('华杨社区')}`)).status).toBe(400);
  });

  it('三员分立: nobody changes their own roles; the system admin can neither grant nor take over the audit role', async () => {
    const me = (await admin.get('/api/auth/me')).body.user;
    const self = await admin.get(`/api/users/${me.id}`);
    const selfEdit = await admin.patch(`/api/users/${me.id}`, {
      roleIds: [roleId('system_admin'), roleId('audit_admin')],
      version: self.body.version,
    });
    expect(selfEdit.status).toBe(403);
    const grant = await admin.post('/api/users', newUser({ roleIds: [roleId('audit_admin')] }));
    expect(grant.status).toBe(403);
    expect(grant.body.error.fields[0].path).toBe('roleIds');
    const auditorId = (await admin.get('/api/users?q=auditor')).body.items[0].id;
    expect(
      (await admin.post(`/api/users/${auditorId}/reset-password`, { password: 'Takeover#Pass1' })).status,
    ).toBe(403);
    expect((await admin.get('/api/audit')).status).toBe(403);
  });

  it('三员分立: only the security administrator grants and revokes roles and resets an administrator password', async () => {
    // The system administrator may still create an account without roles and manage it.
    const bare = await admin.post('/api/users', newUser({ roleIds: [] }));
    expect(bare.status).toBe(201);
    const grant = await admin.patch(`/api/users/${bare.body.id}`, {
      roleIds: [roleId('viewer')],
      version: bare.body.version,
    });
    expect(grant.status).toBe(403);
    expect(grant.body.error.fields[0].path).toBe('roleIds');
    const byAdmin = await admin.post('/api/users', newUser());
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.error.fields[0].path).toBe('roleIds');
    // The security administrator grants, and revokes.
    const granted = await security.patch(`/api/users/${bare.body.id}`, {
      roleIds: [roleId('viewer')],
      version: bare.body.version,
    });
    expect(granted.status).toBe(200);
    expect(granted.body.roles.map((r: { code: string }) => r.code)).toEqual(['viewer']);
    const revoke = await admin.patch(`/api/users/${bare.body.id}`, {
      roleIds: [],
      version: granted.body.version,
    });
    expect(revoke.status).toBe(403);
    const revoked = await security.patch(`/api/users/${bare.body.id}`, {
      roleIds: [],
      version: granted.body.version,
    });
    expect(revoked.body.roles).toEqual([]);
    // One account holds at most one of the 三员 roles; the security admin cannot change its own.
    const both = await security.post(
      '/api/users',
      newUser({ roleIds: [roleId('system_admin'), roleId('audit_admin')] }),
    );
    expect(both.status).toBe(403);
    expect(both.body.error.fields[0].path).toBe('roleIds');
    const me = (await security.get('/api/auth/me')).body.user;
    const self = (await security.get(`/api/users/${me.id}`)).body;
    const selfEdit = await security.patch(`/api/users/${me.id}`, {
      roleIds: [...self.roles.map((r: { id: string }) => r.id), roleId('audit_admin')],
      version: self.version,
    });
    expect(selfEdit.status).toBe(403);
    // A second system administrator's password: the system administrator is refused, the security admin resets.
    const sysAdmin2 = await security.post(
      '/api/users',
      newUser({ orgId: me.orgId, roleIds: [roleId('system_admin')] }),
    );
    expect(sysAdmin2.status).toBe(201);
    const refused = await admin.post(`/api/users/${sysAdmin2.body.id}/reset-password`, {
      password: 'Takeover#Pass1',
    });
    expect(refused.status).toBe(403);
    const reset = await security.post(`/api/users/${sysAdmin2.body.id}/reset-password`, {
      password: 'Handover#Pass1',
    });
    expect(reset.status).toBe(204);
    const auditRows = await t.db.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', sysAdmin2.body.id)
      .execute();
    expect(auditRows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['user.create', 'user.reset_password']),
    );
    // A non-administrator's password is still the system administrator's to reset.
    const plain = await security.post('/api/users', newUser());
    expect(
      (await admin.post(`/api/users/${plain.body.id}/reset-password`, { password: 'Plain#Reset12' })).status,
    ).toBe(204);
  });

  it('disables a user (their sessions end), enables, unlocks, and answers 409 on a stale version', async () => {
    const created = await security.post('/api/users', newUser({ username: 'temp-worker' }));
    const u = await t.login('temp-worker', 'Initial#Pass1');
    const v1 = created.body.version;
    const edited = await admin.patch(`/api/users/${created.body.id}`, {
      displayName: '临时工作人员',
      version: v1,
    });
    expect(edited.status).toBe(200);
    const stale = await admin.patch(`/api/users/${created.body.id}`, { displayName: '覆盖', version: v1 });
    expect(stale.status).toBe(409);
    expect((await admin.get(`/api/users/${created.body.id}`)).body.displayName).toBe('临时工作人员');
    const disabled = await admin.post(`/api/users/${created.body.id}/disable`, {
      version: edited.body.version,
    });
    expect(disabled.body.status).toBe('disabled');
    expect((await u.get('/api/auth/me')).status).toBe(401);
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'temp-worker', password: 'Initial#Pass1' },
        })
      ).status,
    ).toBe(401);
    const enabled = await admin.post(`/api/users/${created.body.id}/enable`, {
      version: disabled.body.version,
    });
    expect(enabled.body.status).toBe('active');
    for (let i = 0; i < 5; i++)
      await t.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'temp-worker', password: 'Bad#Password9' },
      });
    expect(
      (await admin.get('/api/users?status=locked')).body.items.map((x: { username: string }) => x.username),
    ).toEqual(['temp-worker']);
    expect((await admin.post(`/api/users/${created.body.id}/unlock`)).body.locked).toBe(false);
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'temp-worker', password: 'Initial#Pass1' },
        })
      ).status,
    ).toBe(200);
  });

  it('exports CSV with formula-looking cells neutralised', async () => {
    await security.post(
      '/api/users',
      newUser({ username: 'formula-user', displayName: '=HYPERLINK("http://evil","x")' }),
    );
    const r = await admin.get('/api/users/export?q=formula');
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toMatch(/text\/csv/);
    expect(r.text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(r.text).not.toMatch(/,=HYPERLINK/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptField } from '../../core/field-crypto.ts';
import * as f from '../../test-support/factories.ts';
import { createTestApp, TEST_TOTP_SECRET, type Agent, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let admin: Agent;
let security: Agent;
let district: f.FactoryOrg;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  security = await t.login('security');
  district = await f.district(t.db.db);
});
afterAll(() => t.close());

/** A custom role held by one account, made by the system administrator. */
async function heldRole(code: string) {
  const role = (await admin.post('/api/roles', { code, name: `角色${code}`, permissions: ['org.read'] }))
    .body;
  const holder = await f.user(t.db.db, district, { permissions: ['org.read'] });
  await t.db.db.insertInto('user_roles').values({ user_id: holder.id, role_id: role.id }).execute();
  return { role, holder };
}
const holderPermissions = async (username: string) =>
  (await (await t.login(username)).get('/api/auth/me')).body.permissions as string[];
const auditOf = async (roleId: string) =>
  (
    await t.db.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', roleId)
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

/** A second security administrator, enrolled in the second factor like the demo one. */
async function secondSecurityAdmin() {
  const u = await f.user(t.db.db, district, { code: 'security_admin' });
  await t.db.db
    .updateTable('users')
    .set({ totp_secret: encryptField('users.totp_secret', TEST_TOTP_SECRET), totp_enabled_at: new Date() })
    .where('id', '=', u.id)
    .execute();
  return t.login(u.username);
}

describe('三员分立: role permission changes wait for the security administrator (issue 23 item 15)', () => {
  it("the system administrator's change takes effect only once the security administrator approves it", async () => {
    const { role, holder } = await heldRole('clerk_a');
    const asked = await admin.patch(`/api/roles/${role.id}`, {
      permissions: ['org.read', 'case.read'],
      version: role.version,
    });
    expect(asked.status).toBe(200);
    expect(asked.body.permissions).toEqual(['org.read']);
    expect(asked.body.pendingPermissions).toEqual(['case.read', 'org.read']);
    expect(await holderPermissions(holder.username)).not.toContain('case.read');
    // One open request per role.
    const again = await admin.patch(`/api/roles/${role.id}`, {
      permissions: ['user.read'],
      version: role.version,
    });
    expect(again.status).toBe(409);

    const pending = (await security.get('/api/role-changes?status=pending')).body;
    const change = pending.find((c: { roleId: string }) => c.roleId === role.id);
    expect(change).toMatchObject({ added: ['case.read'], removed: [], userCount: 1, status: 'pending' });
    // The system administrator may see the request but not decide it.
    expect(
      (await admin.post(`/api/role-changes/${change.id}/approve`, { version: change.version })).status,
    ).toBe(403);

    const ok = await security.post(`/api/role-changes/${change.id}/approve`, { version: change.version });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect((await admin.get(`/api/roles/${role.id}`)).body).toMatchObject({
      permissions: ['case.read', 'org.read'],
      pendingChangeId: null,
    });
    expect(await holderPermissions(holder.username)).toContain('case.read');
    expect(
      (await security.post(`/api/role-changes/${change.id}/approve`, { version: ok.body.version })).status,
    ).toBe(409);
    expect(await auditOf(role.id)).toEqual(['role.create', 'role.change_requested', 'role.change_approved']);
  });

  it('a rejection needs a reason, leaves the role as it was and is audited', async () => {
    const { role } = await heldRole('clerk_b');
    await admin.patch(`/api/roles/${role.id}`, {
      permissions: ['org.read', 'registry.read'],
      version: role.version,
    });
    const change = (await admin.get('/api/role-changes?status=pending')).body.find(
      (c: { roleId: string }) => c.roleId === role.id,
    );
    expect(change.removed).toEqual([]);
    const bare = await security.post(`/api/role-changes/${change.id}/reject`, {
      version: change.version,
      reason: ' ',
    });
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields[0].path).toBe('reason');
    const stale = await security.post(`/api/role-changes/${change.id}/reject`, {
      version: change.version + 1,
      reason: '不需要',
    });
    expect(stale.status).toBe(409);
    const no = await security.post(`/api/role-changes/${change.id}/reject`, {
      version: change.version,
      reason: '登记人员不应查看实有人口',
    });
    expect(no.status).toBe(200);
    expect(no.body).toMatchObject({ status: 'rejected', reason: '登记人员不应查看实有人口' });
    expect((await admin.get(`/api/roles/${role.id}`)).body.permissions).toEqual(['org.read']);
    expect(await auditOf(role.id)).toEqual(['role.create', 'role.change_requested', 'role.change_rejected']);
    // Once decided, the role may be changed again.
    const next = await admin.patch(`/api/roles/${role.id}`, { permissions: [], version: role.version });
    expect(next.body.pendingPermissions).toEqual([]);
  });

  it('nobody approves their own change: the author is refused, another security administrator decides', async () => {
    const made = await security.post('/api/roles', {
      code: 'sec_reader',
      name: '账号查看',
      permissions: ['org.read'],
    });
    const asked = await security.patch(`/api/roles/${made.body.id}`, {
      permissions: ['org.read', 'user.read'],
      version: made.body.version,
    });
    const id = asked.body.pendingChangeId as string;
    const self = await security.post(`/api/role-changes/${id}/approve`, { version: 1 });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('SELF_APPROVAL');
    expect(
      (await security.post(`/api/role-changes/${id}/reject`, { version: 1, reason: '撤回' })).status,
    ).toBe(403);
    const other = await secondSecurityAdmin();
    const ok = await other.post(`/api/role-changes/${id}/approve`, { version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body.requestedByName).not.toBe(ok.body.decidedByName);
    expect((await security.get(`/api/roles/${made.body.id}`)).body.permissions).toEqual([
      'org.read',
      'user.read',
    ]);
  });

  it('a request made before the role changed otherwise cannot be approved as shown', async () => {
    const { role } = await heldRole('clerk_c');
    const asked = await admin.patch(`/api/roles/${role.id}`, {
      permissions: ['org.read', 'case.read'],
      version: 1,
    });
    // Around the request (e.g. a restore): the role's permissions move.
    await t.db.db
      .updateTable('roles')
      .set({ permissions: ['user.read'] })
      .where('id', '=', role.id)
      .execute();
    const r = await security.post(`/api/role-changes/${asked.body.pendingChangeId}/approve`, { version: 1 });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('ROLE_CHANGED');
  });
});

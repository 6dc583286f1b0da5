import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS } from '@civicgrid/shared/permissions';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('roles', () => {
  it('lists the built-in roles and every permission', async () => {
    const admin = await t.login('admin');
    const roles = (await admin.get('/api/roles')).body;
    expect(roles.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining([
        'system_admin',
        'security_admin',
        'audit_admin',
        'centre_operator',
        'centre_leader',
        'department_handler',
        'street_staff',
        'community_staff',
        'grid_worker',
        'mediator',
        'viewer',
      ]),
    );
    const perms = (await admin.get('/api/permissions')).body.map((p: { name: string }) => p.name);
    expect(perms.sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  it('makes, edits and deletes a custom role; built-ins are read-only', async () => {
    const security = await t.login('security');
    const made = await security.post('/api/roles', {
      code: 'org_clerk',
      name: '组织文员',
      permissions: ['org.read', 'user.read'],
    });
    expect(made.status).toBe(201);
    const edited = await security.patch(`/api/roles/${made.body.id}`, {
      permissions: ['org.read'],
      version: made.body.version,
    });
    // The permissions wait for another security administrator (role-changes.test.ts); the name changes now.
    expect(edited.body.permissions).toEqual(['org.read', 'user.read']);
    expect(edited.body.pendingPermissions).toEqual(['org.read']);
    const renamed = await security.patch(`/api/roles/${made.body.id}`, {
      name: '组织文员甲',
      version: made.body.version,
    });
    expect(renamed.body.name).toBe('组织文员甲');
    const stale = await security.patch(`/api/roles/${made.body.id}`, {
      name: 'x',
      version: made.body.version,
    });
    expect(stale.status).toBe(409);
    const builtin = (await security.get('/api/roles')).body.find(
      (r: { code: string }) => r.code === 'viewer',
    );
    expect(
      (await security.patch(`/api/roles/${builtin.id}`, { name: 'x', version: builtin.version })).status,
    ).toBe(403);
    expect((await security.del(`/api/roles/${builtin.id}`)).status).toBe(403);
    expect((await security.del(`/api/roles/${made.body.id}`)).status).toBe(204);
  });

  it('refuses a role stronger than its author and unknown permissions', async () => {
    const security = await t.login('security');
    const stronger = await security.post('/api/roles', {
      code: 'sneaky',
      name: '越权',
      permissions: ['audit.read'],
    });
    expect(stronger.status).toBe(403);
    const unknown = await security.post('/api/roles', {
      code: 'odd',
      name: '未知',
      permissions: ['rocket.launch'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('permissions');
  });

  it('will not delete a role that users still hold', async () => {
    const admin = await t.login('admin');
    const role = (
      await admin.post('/api/roles', { code: 'held', name: '在用角色', permissions: ['org.read'] })
    ).body;
    const district = (await admin.get('/api/orgs/tree')).body[0];
    const security = await t.login('security'); // 三员分立: the security administrator grants roles
    const holder = await security.post('/api/users', {
      username: 'holder',
      displayName: '持有人',
      orgId: district.id,
      roleIds: [role.id],
      password: 'Initial#Pass1',
    });
    expect(holder.status).toBe(201);
    const r = await admin.del(`/api/roles/${role.id}`);
    expect(r.status).toBe(409);
  });
});

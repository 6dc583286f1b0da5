import { hashPassword } from '../core/passwords.ts';
import { TEST_PASSWORD } from './constants.ts';
import type { Agent, TestApp } from './test-app.ts';

/**
 * A signed-in user of the test's own making: at the named org, holding a built-in role or a custom role with
 * exactly these permissions (a class permission, say), so a test does not lean on who the demo happens to have.
 */
export async function userAt(
  t: TestApp,
  u: { username: string; orgName: string; role?: string; permissions?: string[] },
): Promise<Agent> {
  const db = t.db.db;
  const org = await db
    .selectFrom('orgs')
    .select('id')
    .where('name', '=', u.orgName)
    .executeTakeFirstOrThrow();
  const roleId = u.permissions
    ? (
        await db
          .insertInto('roles')
          .values({ code: `t_${u.username}`, name: `测试 ${u.username}`, permissions: u.permissions })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    : (await db.selectFrom('roles').select('id').where('code', '=', u.role!).executeTakeFirstOrThrow()).id;
  const { id } = await db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.username,
      org_id: org.id,
      password_hash: await hashPassword(TEST_PASSWORD),
      must_change_password: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('user_roles').values({ user_id: id, role_id: roleId }).execute();
  return t.login(u.username);
}

export async function orgId(t: TestApp, name: string): Promise<string> {
  const o = await t.db.db.selectFrom('orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return o.id;
}

/** A citizen ID with a valid GB 11643 check digit, from 17 digits. */
export function citizenId(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

import type { Db } from '../../db/client.ts';

/**
 * Two more mediator logins, the committee directors of 桂林苑社区 and 康乐社区 (the demo password, like every demo account): the
 * receiving side of a 六调联动 transfer from 东兴街道 can be shown with them.
 */
export async function communityLogins(
  tx: Db,
  from: { password_hash: string; must_change_password: boolean; password_changed_at: Date | null },
  orgs: readonly { id: string; name: string }[],
) {
  const out = new Map<string, string>();
  // Committee directors (who mediate too): the plain mediator role keeps its one demo login.
  const role = await tx
    .selectFrom('roles')
    .select('id')
    .where('code', '=', 'mediation_director')
    .executeTakeFirst();
  if (!role) return out;
  for (const [username, name] of [
    ['mediator2', '桂林苑社区'],
    ['mediator3', '康乐社区'],
  ] as const) {
    const org = orgs.find((o) => o.name === name);
    if (!org) continue;
    const u = await tx
      .insertInto('users')
      .values({
        username,
        display_name: `${name}调委会主任（演示）`,
        org_id: org.id,
        password_hash: from.password_hash,
        must_change_password: from.must_change_password,
        password_changed_at: from.password_changed_at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('user_roles').values({ user_id: u.id, role_id: role.id }).execute();
    out.set(org.id, u.id);
  }
  return out;
}

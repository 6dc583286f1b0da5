import { randomBytes, randomUUID } from 'node:crypto';
import { BUILTIN_ROLES } from '@civicgrid/shared/roles';
import type { Permission } from '@civicgrid/shared/permissions';
import type { CaseStatus } from '@civicgrid/shared/cases';
import type { Db } from '../db/client.ts';
import { hashPassword } from '../core/passwords.ts';
import { TEST_PASSWORD } from './constants.ts';

/**
 * Test data built for the test that needs it, straight into the database, so a test states what it relies on
 * instead of leaning on the demo district's counts. Every factory takes the raw handle: it is set-up, not a
 * use case under test.
 */

export interface FactoryOrg {
  id: string;
  path: string;
  depth: number;
  name: string;
}

export interface Subtree {
  street: FactoryOrg;
  community: FactoryOrg;
  grid: FactoryOrg;
}

const tag = () => randomBytes(4).toString('hex');

export async function org(
  db: Db,
  parent: FactoryOrg | null,
  level: 'district' | 'street' | 'community' | 'grid' | 'department',
  name = `${level}-${tag()}`,
): Promise<FactoryOrg> {
  const id = randomUUID();
  const path = `${parent?.path ?? '/'}${id}/`;
  const depth = parent ? parent.depth + 1 : 0;
  await db
    .insertInto('orgs')
    .values({ id, parent_id: parent?.id ?? null, path, depth, name, code: tag().toUpperCase(), level })
    .execute();
  return { id, path, depth, name };
}

/** The first district of the tree (the demo's 示范区, or one made here when the tree is empty). */
export async function district(db: Db): Promise<FactoryOrg> {
  const d = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'depth', 'name'])
    .where('parent_id', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
  return d ?? org(db, null, 'district', '测试区');
}

/** A street with one community holding one grid, under `parent` (the district by default). */
export async function orgSubtree(db: Db, parent?: FactoryOrg, name = `测试街道${tag()}`): Promise<Subtree> {
  const street = await org(db, parent ?? (await district(db)), 'street', name);
  const community = await org(db, street, 'community', `${name}社区`);
  const grid = await org(db, community, 'grid', `${name}第1网格`);
  return { street, community, grid };
}

export interface FactoryUser {
  id: string;
  username: string;
  password: string;
}

/**
 * A user at `at` holding a built-in role (by code) or an ad-hoc role with exactly `permissions`. The password
 * needs no change, so the user can sign in and act at once.
 */
export async function user(
  db: Db,
  at: FactoryOrg,
  role: { code: string } | { permissions: readonly Permission[] },
): Promise<FactoryUser> {
  let roleId: string;
  if ('code' in role) {
    if (!BUILTIN_ROLES.some((r) => r.code === role.code)) throw new Error(`no built-in role ${role.code}`);
    roleId = (
      await db.selectFrom('roles').select('id').where('code', '=', role.code).executeTakeFirstOrThrow()
    ).id;
  } else {
    roleId = (
      await db
        .insertInto('roles')
        .values({ code: `t-${tag()}`, name: '测试角色', permissions: [...role.permissions] })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const username = `u-${tag()}`;
  const { id } = await db
    .insertInto('users')
    .values({
      username,
      display_name: `测试用户${username}`,
      org_id: at.id,
      password_hash: await hashPassword(TEST_PASSWORD),
      must_change_password: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('user_roles').values({ user_id: id, role_id: roleId }).execute();
  return { id, username, password: TEST_PASSWORD };
}

/** One user per built-in role, all at `at`. */
export async function usersPerRole(db: Db, at: FactoryOrg): Promise<Record<string, FactoryUser>> {
  const out: Record<string, FactoryUser> = {};
  for (const r of BUILTIN_ROLES) out[r.code] = await user(db, at, { code: r.code });
  return out;
}

/** A valid GB 11643 number: random birth in 1970–1999, random sequence, computed check digit. */
export function citizenId(): string {
  const y = 1970 + Math.floor(Math.random() * 30);
  const m = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const d = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const body = `310117${y}${m}${d}${seq}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

export async function person(db: Db, at: Subtree, over: { name?: string } = {}) {
  return db
    .insertInto('persons')
    .values({
      id_number: citizenId(),
      name: over.name ?? `测试人${tag()}`,
      residence_type: 'registered',
      address: `${at.grid.name}1号`,
      grid_id: at.grid.id,
      org_path: at.grid.path,
    })
    .returning(['id', 'name', 'id_number as idNumber'])
    .executeTakeFirstOrThrow();
}

export async function house(db: Db, at: Subtree, use = 'self_occupied') {
  return db
    .insertInto('houses')
    .values({
      house_number: `T${tag()}${tag()}`,
      address: `${at.grid.name}${tag()}号`,
      use,
      grid_id: at.grid.id,
      community_id: at.community.id,
      street_id: at.street.id,
      org_path: at.grid.path,
    })
    .returning(['id', 'address'])
    .executeTakeFirstOrThrow();
}

/**
 * A case lying in the grid of `at` and held by its street, in `status` (the row only: no timeline is written,
 * so it serves scope and list tests, not workflow tests, which go through the API).
 */
export async function caseIn(db: Db, at: Subtree, status: CaseStatus = 'reported', now = new Date()) {
  const category = await db
    .selectFrom('categories')
    .select('id')
    .where('parent_id', 'is not', null)
    .executeTakeFirstOrThrow();
  return db
    .insertInto('cases')
    .values({
      number: `T${Date.now()}${tag()}`,
      channel: 'hotline',
      title: `测试事件${tag()}`,
      category_id: category.id,
      urgency: 'normal',
      status,
      address: `${at.grid.name}4号`,
      grid_id: at.grid.id,
      community_id: at.community.id,
      street_id: at.street.id,
      org_path: at.grid.path,
      owner_org_id: at.street.id,
      owner_path: at.street.path,
      step: 'register',
      step_started_at: now,
      extension_request: null,
      supervision: null,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export * from './factories-records.ts';
export * from './factories-mediation.ts';
export * from './factories-volunteers.ts';
export * from './factories-petitions.ts';
export * from './factories-special.ts';
export * from './factories-field.ts';

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { BUILTIN_ROLES } from '@civicgrid/shared/roles';
import type { Db } from '../client.ts';
import { hashPassword } from '../../core/passwords.ts';
import { SECOND_FACTOR_ROLES } from '../../core/sessions.ts';
import { encryptField } from '../../core/field-crypto.ts';
import * as demo from './demo-district.ts';
import { MODULES } from '../../modules/index.ts';

/** Built-in roles follow the code: their permission sets are rewritten on every start. */
export async function seedBase(db: Db) {
  for (const m of MODULES) await m.seeds?.base?.(db);
  for (const r of BUILTIN_ROLES) {
    await db
      .insertInto('roles')
      .values({ code: r.code, name: r.zh, name_en: r.en, builtin: true, permissions: [...r.permissions] })
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet({ name: r.zh, name_en: r.en, builtin: true, permissions: [...r.permissions] }),
      )
      .execute();
  }
}

export async function isEmpty(db: Db) {
  const r = await db
    .selectFrom('orgs')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n === 0;
}

interface NewOrg {
  id: string;
  path: string;
  depth: number;
}

async function addOrg(
  db: Db,
  parent: NewOrg | null,
  o: { name: string; code: string; level: string; geometry?: unknown; sort?: number; centre?: string },
): Promise<NewOrg> {
  const id = randomUUID();
  const path = `${parent?.path ?? '/'}${id}/`;
  const depth = parent ? parent.depth + 1 : 0;
  await db
    .insertInto('orgs')
    .values({
      id,
      parent_id: parent?.id ?? null,
      path,
      depth,
      name: o.name,
      code: o.code,
      level: o.level,
      geometry: o.geometry ? JSON.stringify(o.geometry) : null,
      sort_order: o.sort ?? 0,
      centre_type: o.centre ?? null,
    })
    .execute();
  return { id, path, depth };
}

export const DEMO_ACCOUNTS = [
  { username: 'admin', role: 'system_admin', at: 'district', displayName: '系统管理员（演示）' },
  { username: 'security', role: 'security_admin', at: 'district', displayName: '安全管理员（演示）' },
  { username: 'auditor', role: 'audit_admin', at: 'district', displayName: '审计管理员（演示）' },
  { username: 'center', role: 'centre_operator', at: 'district', displayName: '中心坐席员（演示）' },
  { username: 'leader', role: 'centre_leader', at: 'district', displayName: '中心领导（演示）' },
  { username: 'street', role: 'street_staff', at: 'street', displayName: '街道工作人员（演示）' },
  { username: 'community', role: 'community_staff', at: 'community', displayName: '社区工作人员（演示）' },
  { username: 'grid', role: 'grid_worker', at: 'grid', displayName: '网格员（演示）' },
  { username: 'dept', role: 'department_handler', at: 'dept', displayName: '城管处置员（演示）' },
  { username: 'mediator', role: 'mediator', at: 'street', displayName: '调解员（演示）' },
  // 信访 (issue 16): the desk at the district centre, a handler at the first department, the district's 督查.
  { username: 'xfjd', role: 'petition_receptionist', at: 'district', displayName: '信访接待员（演示）' },
  { username: 'xfbl', role: 'petition_handler', at: 'dept', displayName: '信访办理员（演示）' },
  { username: 'xfdc', role: 'petition_supervisor', at: 'district', displayName: '信访督查（演示）' },
  // 群防群治 (issue 21): the street's volunteer manager, and a volunteer who leads the 平安巡逻队.
  { username: 'zygl', role: 'volunteer_manager', at: 'street', displayName: '群防群治管理员（演示）' },
  { username: 'zyz', role: 'volunteer', at: 'street', displayName: '志愿者（演示）' },
  // 维稳 (issue 19): the district's stability officer.
  { username: 'wwzg', role: 'stability_officer', at: 'district', displayName: '维稳专干（演示）' },
  // 特殊人群 (issue 18): the 司法所 corrections officer of the first street.
  { username: 'sqjz', role: 'corrections_officer', at: 'street', displayName: '司法所矫正专干（演示）' },
  // 大联动: two more departments' handlers, so a case can be worked by a lead and co-departments.
  {
    username: 'dept-hj',
    role: 'department_handler',
    at: 'dept:SF-HJ',
    displayName: '生态环境处置员（演示）',
  },
  {
    username: 'dept-sj',
    role: 'department_handler',
    at: 'dept:SF-SJ',
    displayName: '市场监管处置员（演示）',
  },
  // 星级调解员 and 以案定补 (issue 17 item 5): the first street's 司法所, who confirms ratings and subsidies.
  { username: 'sfs', role: 'justice_office', at: 'street', displayName: '司法所调解管理员（演示）' },
  // 信访代理 and 包案 (issue 16): an agent of the first community's work station, a leader who holds 包案.
  { username: 'xfdl', role: 'petition_agent', at: 'community', displayName: '信访代理员（演示）' },
  { username: 'xfld', role: 'petition_leader', at: 'district', displayName: '包案领导（演示）' },
] as const;

/**
 * Loads 示范区 in one transaction: a half-loaded demo would be worse than none.
 * `totpSecret`: the 三员 demo accounts are enrolled in the second factor with this secret (printed at start),
 * so the demo signs in at once; without it they enrol at their first sign-in like a real deployment.
 */
export async function seedDemo(db: Db, password: string, totpSecret?: string) {
  // The demo assessment is computed from the registered indicators.
  for (const m of MODULES) m.register?.();
  const hash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    const district = await addOrg(tx, null, {
      name: '示范区',
      code: 'SF',
      level: 'district',
      geometry: demo.districtPolygon(),
      centre: 'district_centre',
    });
    const at: Record<string, NewOrg> = { district };
    const grids: { org: NewOrg; code: string; name: string }[] = [];
    for (const [si, s] of demo.DEMO_STREETS.entries()) {
      const street = await addOrg(tx, district, {
        name: s.name,
        code: s.code,
        level: 'street',
        geometry: demo.streetPolygon(si),
        sort: si,
        centre: 'street_centre',
      });
      if (si === 0) at.street = street;
      for (const [ci, cname] of s.communities.entries()) {
        const ccode = `${s.code}${String(ci + 1).padStart(2, '0')}`;
        const community = await addOrg(tx, street, {
          name: cname,
          code: ccode,
          level: 'community',
          geometry: demo.communityPolygon(si, ci),
          sort: ci,
          centre: 'community_station',
        });
        if (si === 0 && ci === 0) at.community = community;
        for (let gi = 0; gi < demo.GRIDS_PER_COMMUNITY; gi++) {
          const grid = await addOrg(tx, community, {
            name: `${cname}第${gi + 1}网格`,
            code: `${ccode}${String(gi + 1).padStart(2, '0')}`,
            level: 'grid',
            geometry: demo.gridPolygon(si, ci, gi),
            sort: gi,
          });
          if (si === 0 && ci === 0 && gi === 0) at.grid = grid;
          grids.push({
            org: grid,
            code: `${ccode}${String(gi + 1).padStart(2, '0')}`,
            name: `${cname}第${gi + 1}网格`,
          });
        }
      }
    }
    for (const [di, d] of demo.DEMO_DEPARTMENTS.entries()) {
      const dept = await addOrg(tx, district, {
        name: d.name,
        code: d.code,
        level: 'department',
        sort: 100 + di,
      });
      if (di === 0) at.dept = dept;
      at[`dept:${d.code}`] = dept;
    }
    const roles = await tx.selectFrom('roles').select(['id', 'code']).execute();
    const roleId = new Map(roles.map((r) => [r.code, r.id]));
    for (const a of DEMO_ACCOUNTS) {
      const { id } = await tx
        .insertInto('users')
        .values({
          username: a.username,
          display_name: a.displayName,
          org_id: at[a.at]!.id,
          password_hash: hash,
          must_change_password: false,
          ...(totpSecret && (SECOND_FACTOR_ROLES as readonly string[]).includes(a.role)
            ? { totp_secret: encryptField('users.totp_secret', totpSecret), totp_enabled_at: new Date() }
            : {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('user_roles')
        .values({ user_id: id, role_id: roleId.get(a.role)! })
        .execute();
    }
    await seedGridStaff(tx, grids, at.grid!.id, hash, roleId.get('grid_worker')!);
    // Each module loads its own part of the district, in MODULES order (people before rentals, …).
    const now = new Date();
    for (const m of MODULES) await m.seeds?.demo?.(tx, now);
    await tx
      .insertInto('app_meta')
      .values({ key: 'demo', value: 'true' })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  });
}

/** 一格多员: every grid gets a grid leader and a grid worker; `grid` is the worker of the first grid. */
async function seedGridStaff(
  tx: Db,
  grids: { org: NewOrg; code: string; name: string }[],
  firstGridId: string,
  hash: string,
  gridWorkerRoleId: string,
) {
  const gridUser = await tx
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'grid')
    .executeTakeFirstOrThrow();
  const staffRows: { grid_id: string; user_id: string; grid_role: string; from_date: string }[] = [];
  for (const g of grids) {
    for (const gridRole of ['leader', 'worker'] as const) {
      let userId = gridRole === 'worker' && g.org.id === firstGridId ? gridUser.id : null;
      if (!userId) {
        const label = gridRole === 'leader' ? '网格长' : '网格员';
        const u = await tx
          .insertInto('users')
          .values({
            username: `${gridRole === 'leader' ? 'gl' : 'gw'}-${g.code.toLowerCase()}`,
            display_name: `${g.name}${label}`,
            phone: demoPhone(staffRows.length),
            org_id: g.org.id,
            password_hash: hash,
            must_change_password: true,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx.insertInto('user_roles').values({ user_id: u.id, role_id: gridWorkerRoleId }).execute();
        userId = u.id;
      }
      staffRows.push({ grid_id: g.org.id, user_id: userId, grid_role: gridRole, from_date: '2026-01-01' });
    }
  }
  await tx.insertInto('grid_staff').values(staffRows).execute();
}

/** Obviously fictitious numbers from one reserved-looking block, so no real subscriber is ever printed. */
function demoPhone(n: number) {
  return `1390000${String(1000 + n).padStart(4, '0')}`;
}

/** The demo accounts that exist, for the start-up banner. */
export async function demoLogins(db: Db) {
  const demoFlag = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', 'demo')
    .executeTakeFirst();
  if (!demoFlag) return [];
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
    .innerJoin('roles as r', 'r.id', 'ur.role_id')
    .select(['u.username', 'r.name as role', 'o.name as org'])
    .where(
      'u.username',
      'in',
      DEMO_ACCOUNTS.map((a) => a.username),
    )
    .execute();
  const order: string[] = DEMO_ACCOUNTS.map((a) => a.username);
  return rows.sort((a, b) => order.indexOf(a.username) - order.indexOf(b.username));
}

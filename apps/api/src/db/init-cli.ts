// First start of a real installation: `ADMIN_PASSWORD=… npm run db:init -- --district 某某区 --code XX`
// creates the top org and the three separated administrators (三员分立): admin, security, auditor. Each must
// change the password at first sign-in. Refuses to run on a database that already has orgs.
import { parseArgs } from 'node:util';
import { passwordPolicyError } from '@civicgrid/shared/password-policy';
import { loadConfig } from '../config.ts';
import { hashPassword } from '../core/passwords.ts';
import { openDb } from './client.ts';
import { migrateToLatest } from './migrate.ts';
import { fieldKeyOptions, startFieldKeys } from '../core/field-keys.ts';
import { isEmpty, seedBase } from './seeds/seed.ts';

const { values } = parseArgs({
  options: {
    district: { type: 'string' },
    code: { type: 'string' },
    level: { type: 'string', default: 'district' },
  },
});
const password = process.env.ADMIN_PASSWORD ?? '';
const fail = (msg: string) => {
  console.error(msg);
  process.exit(2);
};
if (!values.district || !values.code)
  fail('usage: ADMIN_PASSWORD=… npm run db:init -- --district 名称 --code CODE [--level district|city]');
if (!['district', 'city'].includes(values.level!)) fail('--level must be district or city');
const why = passwordPolicyError(password);
if (why) fail(`ADMIN_PASSWORD ${why}`);

const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await startFieldKeys(db.db, fieldKeyOptions(config));
await migrateToLatest(db.db);
await seedBase(db.db);
if (!(await isEmpty(db.db))) {
  await db.close();
  fail('the database already holds orgs; db:init only sets up an empty installation');
}
const hash = await hashPassword(password);
await db.db.transaction().execute(async (tx) => {
  const id = crypto.randomUUID();
  await tx
    .insertInto('orgs')
    .values({
      id,
      parent_id: null,
      path: `/${id}/`,
      depth: 0,
      name: values.district!,
      code: values.code!,
      level: values.level!,
      centre_type: values.level === 'district' ? 'district_centre' : null,
    })
    .execute();
  const roles = await tx.selectFrom('roles').select(['id', 'code']).execute();
  for (const [username, role, name] of [
    ['admin', 'system_admin', '系统管理员'],
    ['security', 'security_admin', '安全保密管理员'],
    ['auditor', 'audit_admin', '安全审计员'],
  ] as const) {
    const user = await tx
      .insertInto('users')
      .values({ username, display_name: name, org_id: id, password_hash: hash, must_change_password: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('user_roles')
      .values({ user_id: user.id, role_id: roles.find((r) => r.code === role)!.id })
      .execute();
  }
  await tx
    .insertInto('audit_log')
    .values({
      at: new Date(),
      action: 'system.init',
      entity_type: 'org',
      entity_id: id,
      org_id: id,
      summary: `initialised ${values.district} with admin, security and auditor`,
    })
    .execute();
});
console.log(
  `initialised ${values.district}: sign in as admin, security or auditor with ADMIN_PASSWORD and change it at once`,
);
await db.close();

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import {
  decryptField,
  encryptField,
  FieldKeyError,
  generateFieldKeys,
  useFieldKeys,
} from '../../core/field-crypto.ts';
import { encryptColumn, ENCRYPTED_COLUMNS } from '../../core/field-columns.ts';
import {
  KEY_FILE,
  type FieldKeySpec,
  keysFromSpec,
  loadFieldKeys,
  specOf,
  startFieldKeys,
  verifyFieldKeys,
  writeFieldKeyChecks,
} from '../../core/field-keys.ts';
import * as f from '../../test-support/factories.ts';
import { TEST_FIELD_KEYS } from '../../test-support/constants.ts';
import { createTestApp, TEST_TOTP_SECRET, type TestApp } from '../../test-support/test-app.ts';
import { totpCode } from './totp.ts';

const clock = new FakeClock('2026-11-23T02:00:00Z');
const testKeys = keysFromSpec(TEST_FIELD_KEYS);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());
afterEach(() => useFieldKeys(testKeys));

const rawSecret = async (username: string) =>
  await t.db.db
    .selectFrom('users')
    .select(['totp_secret', 'totp_pending_secret'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
const base32 = /[A-Z2-7]{16,}/;

describe('TOTP secrets encrypted at rest (issue 23 item 12)', () => {
  it('the database holds no clear secret, and sign-in with the code still works', async () => {
    const stored = await rawSecret('security');
    expect(stored.totp_secret).toMatch(/^fe1:test1:/);
    expect(stored.totp_secret).not.toContain(TEST_TOTP_SECRET);
    expect(stored.totp_secret).not.toMatch(base32);
    // t.login enters the code from TEST_TOTP_SECRET: the server decrypted the secret to check it.
    const security = await t.login('security');
    expect((await security.get('/api/auth/me')).body.user.username).toBe('security');

    const street = await f.orgSubtree(t.db.db);
    const u = await f.user(t.db.db, street.street, { code: 'grid_worker' });
    const me = await t.login(u.username);
    const start = await me.post('/api/auth/second-factor/enrol');
    expect(start.status).toBe(200);
    const secret = start.body.secret as string;
    expect((await rawSecret(u.username)).totp_pending_secret).not.toContain(secret);
    expect(
      (await me.post('/api/auth/second-factor/confirm', { code: totpCode(secret, clock.now()) })).status,
    ).toBe(200);
    const after = await rawSecret(u.username);
    expect(after.totp_pending_secret).toBeNull();
    expect(after.totp_secret).toMatch(/^fe1:/);
    expect(after.totp_secret).not.toContain(secret);

    clock.advance(60_000);
    const login = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: u.password },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const code = await t.request({
      method: 'POST',
      url: '/api/auth/second-factor',
      headers: { cookie, 'x-csrf-token': login.body.csrfToken },
      payload: { code: totpCode(secret, clock.now()) },
    });
    expect(code.status).toBe(200);
  });

  it('a value copied into another column, or a clear value written around the application, does not open', () => {
    const stored = encryptField('users.totp_secret', 'JBSWY3DPEHPK3PXP');
    expect(decryptField('users.totp_secret', stored)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => decryptField('users.totp_pending_secret', stored)).toThrow(FieldKeyError);
    expect(() => decryptField('users.totp_secret', 'JBSWY3DPEHPK3PXP')).toThrow(/not encrypted/);
    const altered = stored.slice(0, -2) + (stored.endsWith('A') ? 'B' : 'A') + stored.slice(-1);
    expect(() => decryptField('users.totp_secret', altered)).toThrow(FieldKeyError);
  });

  it('the migration step encrypts clear rows in batches, and a rekey moves every row to the new key', async () => {
    const street = await f.orgSubtree(t.db.db);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await f.user(t.db.db, street.street, { code: 'grid_worker' })).id);
    await t.db.db
      .updateTable('users')
      .set({ totp_secret: TEST_TOTP_SECRET })
      .where('id', 'in', ids)
      .execute();
    const column = ENCRYPTED_COLUMNS.find((c) => c.column === 'totp_secret')!;
    expect(await encryptColumn(t.db.db, column, { batch: 2 })).toBe(5);
    const clear = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users
      WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE 'fe1:%'`.execute(t.db.db);
    expect(clear.rows[0]!.n).toBe(0);

    const next = generateFieldKeys('k2');
    const rotated = { ...next, all: new Map([...next.all, ...testKeys.all]), indexKey: testKeys.indexKey };
    useFieldKeys(rotated);
    await verifyFieldKeys(t.db.db); // the old key still opens everything
    const total = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM users WHERE totp_secret IS NOT NULL`.execute(t.db.db);
    expect(await encryptColumn(t.db.db, column, { rekey: true, batch: 3 })).toBe(total.rows[0]!.n);
    await writeFieldKeyChecks(t.db.db, true);
    // Only the new key left: everything opens, the sign-in too.
    useFieldKeys({ ...rotated, all: new Map(next.all) });
    await verifyFieldKeys(t.db.db);
    clock.advance(60_000);
    expect((await (await t.login('security')).get('/api/auth/me')).status).toBe(200);
    // And the test key alone no longer opens the database: said at start, by name.
    useFieldKeys(testKeys);
    await expect(verifyFieldKeys(t.db.db)).rejects.toThrow(/key id k2, which is not loaded/);
    // Back to the test key, the same way: the rest of the file runs on it.
    useFieldKeys({ ...testKeys, all: new Map([...testKeys.all, ...next.all]) });
    await encryptColumn(t.db.db, column, { rekey: true });
    await writeFieldKeyChecks(t.db.db, true);
  });
});

describe('the keys are checked at start', () => {
  it('a wrong key, a wrong index key or a missing old key stops the start, naming it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-keys-'));
    const opts = (spec: FieldKeySpec) => ({
      spec,
      dataDir: dir,
      production: true,
      server: true,
    });
    const wrong = specOf(generateFieldKeys('test1'));
    await expect(startFieldKeys(t.db.db, opts({ ...wrong, index: TEST_FIELD_KEYS.index }))).rejects.toThrow(
      /FIELD_KEY does not open this database/,
    );
    await expect(startFieldKeys(t.db.db, opts({ ...TEST_FIELD_KEYS, index: wrong.index! }))).rejects.toThrow(
      /FIELD_INDEX_KEY is not the key/,
    );
    await expect(
      startFieldKeys(t.db.db, opts({ ...TEST_FIELD_KEYS, current: 'test1:short' })),
    ).rejects.toThrow(/FIELD_KEY must be/);
    await expect(
      startFieldKeys(t.db.db, {
        spec: { current: null, old: null, index: null },
        dataDir: dir,
        production: true,
        server: true,
      }),
    ).rejects.toThrow(/FIELD_KEY and FIELD_INDEX_KEY are required in production/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the embedded demo makes a key file on the first start and reads the same keys after', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-keys-'));
    const o = {
      spec: { current: null, old: null, index: null },
      dataDir: dir,
      production: false,
      server: false,
    };
    const first = loadFieldKeys(o);
    expect(first.source).toContain('(new)');
    expect(fs.statSync(path.join(dir, KEY_FILE)).mode & 0o077).toBe(0);
    const again = loadFieldKeys(o);
    expect(again.keys.current.key.equals(first.keys.current.key)).toBe(true);
    expect(again.keys.indexKey.equals(first.keys.indexKey)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

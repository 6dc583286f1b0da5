import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DiskFileStore } from '../core/files.ts';
import { attachment } from '../test-support/factories-parts.ts';
import { caseIn, orgSubtree, user } from '../test-support/factories.ts';
import { createTestApp } from '../test-support/test-app.ts';
import { createBackup, restoreBackup, type Installation } from './backup.ts';
import { createPGlite, openDb } from './client.ts';

// Issue 23 item 9: a backup that keeps the database but not the uploaded files restores a system whose photos
// are gone, and nobody notices until a user opens one. These run on the embedded database, and on the
// PostgreSQL server (pg_dump / pg_restore) when the suite runs with TEST_DATABASE_URL.
const serverUrl = process.env.TEST_DATABASE_URL;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-backup-'));
const databases: string[] = [];

function urlOf(name: string) {
  const u = new URL(serverUrl!);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(sqlText: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sqlText);
  } finally {
    await admin.end();
  }
}

/** An empty installation to restore into. */
async function emptyInstallation(): Promise<Installation> {
  const dataDir = path.join(scratch, `target-${randomBytes(4).toString('hex')}`);
  if (!serverUrl) return { dataDir };
  const name = `cg_bk_${randomBytes(5).toString('hex')}`;
  databases.push(name);
  await onServer(`CREATE DATABASE ${name}`);
  return { dataDir, databaseUrl: urlOf(name) };
}

/** The seeded test database as an installation on disk, with two cases' photos in its uploads. */
async function installationWithPhotos() {
  const dataDir = path.join(scratch, `source-${randomBytes(4).toString('hex')}`);
  let target: Installation = { dataDir };
  if (serverUrl) {
    const name = `cg_bk_${randomBytes(5).toString('hex')}`;
    databases.push(name);
    await onServer(`CREATE DATABASE ${name} TEMPLATE ${inject('dbTemplate')}`);
    target = { dataDir, databaseUrl: urlOf(name) };
  } else {
    const pglite = await createPGlite({
      dataDir,
      loadDataDir: new Blob([fs.readFileSync(inject('dbTemplate'))]),
    });
    await pglite.close();
  }
  const h = await openDb({ databaseUrl: target.databaseUrl, dataDir, poolMax: 2 });
  const files = new DiskFileStore(path.join(dataDir, 'uploads'));
  const at = await orgSubtree(h.db);
  const c = await caseIn(h.db, at);
  const photos = [await attachment(h.db, files, at, c.id), await attachment(h.db, files, at, c.id)];
  const keys = await h.db
    .selectFrom('attachments')
    .select(['id', 'storage_key'])
    .where('case_id', '=', c.id)
    .execute();
  await h.close();
  return { target, photos, keys: keys.map((k) => k.storage_key) };
}

afterAll(async () => {
  for (const name of databases) await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('npm run backup / npm run restore', () => {
  // One installation and its backup serve the tests in order (each copy of the seeded database takes seconds).
  let src: Awaited<ReturnType<typeof installationWithPhotos>>;
  let out: string;
  let taken: Awaited<ReturnType<typeof createBackup>>;
  beforeAll(async () => {
    src = await installationWithPhotos();
    out = path.join(scratch, `bk-${randomBytes(4).toString('hex')}`);
    taken = await createBackup(src.target, out);
  });

  it('keeps the uploaded files: a restore into an empty installation brings back the rows and the same bytes, and checks them', async () => {
    const { manifest, source } = taken;
    expect(source.missing).toEqual([]);
    expect(manifest.uploads.map((f) => f.path).sort()).toEqual(expect.arrayContaining(src.keys));

    const into = await emptyInstallation();
    const { check } = await restoreBackup(into, out);
    expect(check.missing).toEqual([]);
    expect(check.damaged).toEqual([]);
    expect(check.checked).toBeGreaterThanOrEqual(2);
    for (const key of src.keys)
      expect(fs.readFileSync(path.join(into.dataDir, 'uploads', key))).toEqual(
        fs.readFileSync(path.join(src.target.dataDir, 'uploads', key)),
      );
    const h = await openDb({ databaseUrl: into.databaseUrl, dataDir: into.dataDir, poolMax: 1 });
    const rows = await h.db
      .selectFrom('attachments')
      .select('id')
      .where(
        'id',
        'in',
        src.photos.map((p) => p.id),
      )
      .execute();
    await h.close();
    expect(rows).toHaveLength(2);
  });

  it('refuses a damaged backup before it touches the target, and a non-empty target without --force', async () => {
    const photo = path.join(out, 'uploads', src.keys[0]!);
    const original = fs.readFileSync(photo);
    fs.writeFileSync(photo, Buffer.from('not the photo'));
    const into = await emptyInstallation();
    await expect(restoreBackup(into, out)).rejects.toThrow(/damaged: 1 file/);
    expect(fs.existsSync(path.join(into.dataDir, 'uploads'))).toBe(false);

    fs.writeFileSync(photo, original);
    await expect(restoreBackup(src.target, out)).rejects.toThrow(/not empty: restore with --force/);
    const forced = await restoreBackup(src.target, out, { force: true });
    expect(forced.movedAside).toBeTruthy();
    expect(forced.check.missing).toEqual([]);
  });

  it('says at backup time that the installation has already lost a file, and a restore check names it', async () => {
    fs.rmSync(path.join(src.target.dataDir, 'uploads', src.keys[1]!));
    const again = path.join(scratch, `bk-${randomBytes(4).toString('hex')}`);
    const { source } = await createBackup(src.target, again);
    expect(source.missing).toEqual([src.keys[1]]);
    const { check } = await restoreBackup(await emptyInstallation(), again);
    expect(check.missing).toEqual([src.keys[1]]);
  });

  it.skipIf(!!serverUrl)('does not copy an embedded database that a running server holds', async () => {
    fs.writeFileSync(path.join(src.target.dataDir, 'postmaster.pid'), '-42\n');
    const out = path.join(scratch, `bk-${randomBytes(4).toString('hex')}`);
    await expect(createBackup(src.target, out)).rejects.toThrow(/stop the server first/);
  });
});

describe('a record whose file is missing', () => {
  it('answers 410 naming the missing file, not 500', async () => {
    const t = await createTestApp();
    try {
      const at = await orgSubtree(t.db.db);
      const c = await caseIn(t.db.db, at);
      const photo = await attachment(t.db.db, t.files, at, c.id);
      const reader = await user(t.db.db, at.street, { code: 'street_staff' });
      const a = await t.login(reader.username);
      expect((await a.get(`/api/attachments/${photo.id}`)).status).toBe(200);
      const row = await t.db.db
        .selectFrom('attachments')
        .select('storage_key')
        .where('id', '=', photo.id)
        .executeTakeFirstOrThrow();
      await t.files.remove(row.storage_key);
      const gone = await a.get(`/api/attachments/${photo.id}`);
      expect(gone.status).toBe(410);
      expect(gone.body.error.code).toBe('FILE_GONE');
    } finally {
      await t.close();
    }
  });
});

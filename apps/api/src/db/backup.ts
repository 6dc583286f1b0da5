// One backup holds both halves of an installation: the database and the uploaded files it points at. Either
// half alone restores a system whose attachments answer "gone". See docs/operations.md §4.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openDb, type Db } from './client.ts';

const run = promisify(execFile);

export interface Installation {
  /** A PostgreSQL server; without it the embedded database in `dataDir`. */
  databaseUrl?: string | undefined;
  /** DATA_DIR: the embedded database's files (when embedded) and `uploads/`. */
  dataDir: string;
}

interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: 'civicgrid-backup/1';
  createdAt: string;
  database: 'postgres' | 'pglite';
  /** The database half: `database.pgdump` (server) or the files under `database/` (embedded). */
  databaseFiles: ManifestFile[];
  /** Every folder of an embedded database, empty ones included: PostgreSQL will not start without them. */
  databaseDirs: string[];
  /** The uploads half, paths relative to `uploads/`. */
  uploads: ManifestFile[];
}

export interface FileCheck {
  /** Attachments the database names. */
  checked: number;
  /** Storage keys with no file. */
  missing: string[];
  /** Files whose bytes no longer match the hash recorded at upload. */
  damaged: string[];
}

const uploadsOf = (dataDir: string) => path.join(dataDir, 'uploads');
// PGlite writes this while a process holds the embedded database and removes it on a clean close.
const PID_FILE = 'postmaster.pid';

async function exists(p: string) {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Every file and folder under `root` (one walk), relative paths with `/` in a stable order, skipping the
 * top-level names in `skip`.
 */
async function walk(root: string, skip: string[] = []): Promise<{ files: string[]; dirs: string[] }> {
  if (!(await exists(root))) return { files: [], dirs: [] };
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  const rel = (e: (typeof entries)[number]) =>
    path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/');
  const kept = (r: string) => !skip.includes(r.split('/')[0]!);
  const of = (pick: (e: (typeof entries)[number]) => boolean) =>
    entries.filter(pick).map(rel).filter(kept).sort();
  return { files: of((e) => e.isFile()), dirs: of((e) => e.isDirectory()) };
}

/**
 * A target that already holds files is refused unless `force`; with it, the folder is moved aside (never
 * deleted) and its new name answered.
 */
async function clearTarget(dir: string, force: boolean | undefined, now: Date): Promise<string | undefined> {
  if ((await walk(dir)).files.length === 0) return undefined;
  if (!force) throw new Error(`${dir} is not empty: restore with --force to replace it`);
  const aside = `${path.resolve(dir)}.before-restore-${now.getTime()}`;
  await fs.rename(dir, aside);
  return aside;
}

async function makeDirs(root: string, dirs: string[]) {
  for (const d of dirs) await fs.mkdir(path.join(root, d), { recursive: true });
}

async function describe(root: string, files: string[]): Promise<ManifestFile[]> {
  const out: ManifestFile[] = [];
  for (const rel of files) {
    const full = path.join(root, rel);
    out.push({
      path: rel.split(path.sep).join('/'),
      size: (await fs.stat(full)).size,
      sha256: await sha256File(full),
    });
  }
  return out;
}

async function copyFiles(from: string, to: string, files: string[]) {
  for (const rel of files) {
    await fs.mkdir(path.dirname(path.join(to, rel)), { recursive: true });
    await fs.copyFile(path.join(from, rel), path.join(to, rel));
  }
}

async function refuseRunningEmbedded(dataDir: string) {
  if (await exists(path.join(dataDir, PID_FILE)))
    throw new Error(
      `${dataDir} is in use (${PID_FILE} present): stop the server first; a copy of a running embedded database is not consistent (after a crash, start and stop the server once)`,
    );
}

/**
 * Every attachment the database names, checked against the store: present, and the same bytes as at upload
 * (sha256 recorded then). Walks the table by keyset so a million attachments do not sit in memory.
 */
export async function checkStoredFiles(db: Db, uploadsDir: string): Promise<FileCheck> {
  const result: FileCheck = { checked: 0, missing: [], damaged: [] };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .selectFrom('attachments')
      .select(['id', 'storage_key', 'sha256'])
      .where(sql<boolean>`id > ${after}::uuid`)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) return result;
    for (const r of rows) {
      result.checked++;
      const file = path.join(uploadsDir, r.storage_key);
      if (!(await exists(file))) result.missing.push(r.storage_key);
      else if ((await sha256File(file)) !== r.sha256) result.damaged.push(r.storage_key);
    }
    after = rows[rows.length - 1]!.id;
  }
}

async function checkInstallation(target: Installation): Promise<FileCheck> {
  const h = await openDb({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolMax: 2 });
  try {
    return await checkStoredFiles(h.db, uploadsOf(target.dataDir));
  } finally {
    await h.close();
  }
}

/**
 * Writes a backup into `outDir` (created, must not exist): the database (pg_dump custom format from a server,
 * the data files of a stopped embedded database), the uploads, and a manifest with every file's sha256. Answers
 * the manifest and the check of the source's files, so a backup of an installation that has already lost files
 * says so when it is taken rather than at the restore.
 */
export async function createBackup(
  source: Installation,
  outDir: string,
  now = new Date(),
): Promise<{ manifest: Manifest; source: FileCheck }> {
  if (await exists(outDir))
    throw new Error(`${outDir} already exists: a backup is written into a new folder`);
  // Opening the embedded database for the check would itself take the running server's files.
  if (!source.databaseUrl) await refuseRunningEmbedded(source.dataDir);
  const sourceCheck = await checkInstallation(source);
  await fs.mkdir(outDir, { recursive: true });
  let databaseFiles: ManifestFile[];
  let databaseDirs: string[] = [];
  if (source.databaseUrl) {
    const file = path.join(outDir, 'database.pgdump');
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, source.databaseUrl]);
    databaseFiles = await describe(outDir, ['database.pgdump']);
  } else {
    await refuseRunningEmbedded(source.dataDir);
    const { files, dirs } = await walk(source.dataDir, ['uploads']);
    databaseDirs = dirs;
    await makeDirs(path.join(outDir, 'database'), databaseDirs);
    await copyFiles(source.dataDir, path.join(outDir, 'database'), files);
    // The server may have started while the files were copied: then the copy is not a backup.
    await refuseRunningEmbedded(source.dataDir);
    databaseFiles = await describe(path.join(outDir, 'database'), files);
  }
  const uploadFiles = (await walk(uploadsOf(source.dataDir))).files;
  await copyFiles(uploadsOf(source.dataDir), path.join(outDir, 'uploads'), uploadFiles);
  const manifest: Manifest = {
    format: 'civicgrid-backup/1',
    createdAt: now.toISOString(),
    database: source.databaseUrl ? 'postgres' : 'pglite',
    databaseFiles,
    databaseDirs,
    uploads: await describe(path.join(outDir, 'uploads'), uploadFiles),
  };
  await fs.writeFile(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return { manifest, source: sourceCheck };
}

/** A backup whose files differ from its manifest is refused before anything is overwritten. */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const manifest = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format !== 'civicgrid-backup/1') throw new Error(`${dir}: not a CivicGrid backup`);
  const dbRoot = manifest.database === 'postgres' ? dir : path.join(dir, 'database');
  const bad: string[] = [];
  for (const [root, files] of [
    [dbRoot, manifest.databaseFiles],
    [path.join(dir, 'uploads'), manifest.uploads],
  ] as const) {
    for (const f of files) {
      const full = path.join(root, f.path);
      if (!(await exists(full)) || (await sha256File(full)) !== f.sha256) bad.push(f.path);
    }
  }
  if (bad.length)
    throw new Error(
      `backup ${dir} is damaged: ${bad.length} file(s) differ from its manifest (${bad.slice(0, 5).join(', ')})`,
    );
  return manifest;
}

async function databaseIsEmpty(databaseUrl: string) {
  const h = await openDb({ databaseUrl, poolMax: 1 });
  try {
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`.execute(h.db);
    return r.rows[0]!.n === 0;
  } finally {
    await h.close();
  }
}

/**
 * Restores a verified backup into `target` and then checks that every attachment the restored database names
 * has its file with its bytes. Refuses a non-empty target unless `force` (an embedded target is then moved
 * aside, not deleted; a server target is cleaned by pg_restore).
 */
export async function restoreBackup(
  target: Installation,
  dir: string,
  opts: { force?: boolean; now?: Date } = {},
): Promise<{ manifest: Manifest; check: FileCheck; movedAside?: string }> {
  const manifest = await verifyBackup(dir);
  if ((manifest.database === 'postgres') !== !!target.databaseUrl)
    throw new Error(`the backup holds a ${manifest.database} database; set DATABASE_URL to match`);
  const now = opts.now ?? new Date();
  let movedAside: string | undefined;
  if (target.databaseUrl) {
    const empty = await databaseIsEmpty(target.databaseUrl);
    if (!empty && !opts.force)
      throw new Error('the target database is not empty: restore with --force to replace it');
    // Both halves are checked before either is touched.
    movedAside = await clearTarget(uploadsOf(target.dataDir), opts.force, now);
    const args = ['--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${target.databaseUrl}`];
    if (!empty) args.unshift('--clean', '--if-exists');
    await run('pg_restore', [...args, path.join(dir, 'database.pgdump')]);
  } else {
    await refuseRunningEmbedded(target.dataDir);
    movedAside = await clearTarget(target.dataDir, opts.force, now);
    await makeDirs(target.dataDir, manifest.databaseDirs);
    await copyFiles(
      path.join(dir, 'database'),
      target.dataDir,
      manifest.databaseFiles.map((f) => f.path),
    );
  }
  await copyFiles(
    path.join(dir, 'uploads'),
    uploadsOf(target.dataDir),
    manifest.uploads.map((f) => f.path),
  );
  const check = await checkInstallation(target);
  return { manifest, check, ...(movedAside ? { movedAside } : {}) };
}

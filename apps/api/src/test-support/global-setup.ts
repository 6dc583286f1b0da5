import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPGlite, openDb } from '../db/client.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedBase, seedDemo } from '../db/seeds/seed.ts';
import { useFieldKeys } from '../core/field-crypto.ts';
import { keysFromSpec } from '../core/field-keys.ts';
import { TEST_FIELD_KEYS, TEST_PASSWORD, TEST_TOTP_SECRET } from './constants.ts';

/**
 * Migrate and seed once, then let every test file start from a copy: a PGlite data-dir dump on the embedded
 * path, a template database on a PostgreSQL server (TEST_DATABASE_URL).
 */
export default async function setup(project: TestProject) {
  useFieldKeys(keysFromSpec(TEST_FIELD_KEYS));
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = `cg_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const url = new URL(serverUrl);
    url.pathname = `/${template}`;
    const h = await openDb({ databaseUrl: url.toString(), poolMax: 2 });
    await migrateToLatest(h.db);
    await seedBase(h.db);
    await seedDemo(h.db, TEST_PASSWORD, TEST_TOTP_SECRET);
    await h.close();
    project.provide('dbTemplate', template);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template}`);
      await admin.end();
    };
  }
  const pglite = await createPGlite();
  const h = await openDb({ pglite });
  await migrateToLatest(h.db);
  await seedBase(h.db);
  await seedDemo(h.db, TEST_PASSWORD, TEST_TOTP_SECRET);
  await h.close();
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cg-test-')), 'seeded.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('dbTemplate', file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: string;
  }
}

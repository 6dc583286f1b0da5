import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDb, type DbHandle } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { DEMO_OPEN311_KEY } from './demo-seed.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const report = (key: string) =>
  new URLSearchParams({ api_key: key, service_code: 'SJ0203', address_string: '某路1号' }).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the demo key', () => {
  let demo: TestApp;
  let dir: string;
  let handle: DbHandle;
  let real: FastifyInstance;

  beforeAll(async () => {
    demo = await createTestApp();
    // A real installation, set up the way the operations guide says: `npm run db:init`.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-init-'));
    execFileSync(
      path.join(root, 'node_modules/.bin/tsx'),
      [path.join(root, 'apps/api/src/db/init-cli.ts'), '--district', '某某区', '--code', 'MM'],
      {
        cwd: root,
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', ADMIN_PASSWORD: 'Init#Passw0rd-2026' },
        stdio: 'pipe',
      },
    );
    handle = await openDb({ dataDir: dir });
    real = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dir }),
      db: handle,
      logger: false,
    });
    await real.ready();
  });
  afterAll(async () => {
    await demo?.close();
    await real?.close();
    await handle?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('works in the demo district', async () => {
    const r = await demo.request({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: FORM,
      payload: report(DEMO_OPEN311_KEY),
    });
    expect(r.status, r.text).toBe(201);
  });

  it('does not exist after db:init: 403, and nothing is created', async () => {
    const keys = await handle.db.selectFrom('open311_keys').select('id').execute();
    expect(keys).toEqual([]);
    const r = await real.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: FORM,
      payload: report(DEMO_OPEN311_KEY),
    });
    expect(r.statusCode).toBe(403);
    expect(JSON.parse(r.body)).toEqual([{ code: 403, description: 'invalid api_key' }]);
    const cases = await handle.db.selectFrom('cases').select('id').execute();
    expect(cases).toEqual([]);
    // The read side works on the bare installation: the public categories are its services.
    const services = await real.inject({
      method: 'GET',
      url: '/open311/v2/services.json?jurisdiction_id=MM',
    });
    expect(services.statusCode).toBe(200);
    expect(JSON.parse(services.body).length).toBeGreaterThan(10);
    expect(JSON.parse(services.body).every((s: { metadata: boolean }) => s.metadata === false)).toBe(true);
  });
});

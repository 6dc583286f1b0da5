// Starts the real CivicGrid server once for the browser journeys: the built web app and the API on a free port,
// over a fresh embedded database (a temp DATA_DIR), so the demo district is loaded exactly as `npm start` does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ARTIFACTS, skipBrowserTests, skipReason } from './browser.ts';
import { startServer } from './server.ts';
import { e2eWorkers } from './workers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const web = path.join(root, 'apps/web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Same rule as `npm start`: build when the bundle is missing or older than its sources. */
function buildWebIfStale() {
  const built = path.join(web, 'dist/index.html');
  const sources = [path.join(web, 'src'), path.join(root, 'packages/shared/src')];
  const stale =
    !fs.existsSync(built) ||
    Math.max(...sources.map(newestMtime), fs.statSync(path.join(web, 'index.html')).mtimeMs) >
      fs.statSync(built).mtimeMs;
  if (!stale) return;
  console.log('[e2e] building the web app …');
  // Vitest sets NODE_ENV=test, and a build under it bundles React's development copy (60 KB more gzipped,
  // slower) that `npm start` would then serve as if it were the production build.
  const r = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`[e2e] the web build failed (exit ${r.status ?? r.signal})`);
}

export default async function setup(project: TestProject) {
  if (skipBrowserTests) {
    console.warn(`\n[e2e] ${skipReason}\n`);
    project.provide('baseUrls', []);
    project.provide('demoPassword', '');
    return;
  }
  buildWebIfStale();

  const demoPassword = process.env.DEMO_PASSWORD || 'Demo@2026civic';
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const count = e2eWorkers();
  const logs = Array.from({ length: count }, (_, i) =>
    fs.createWriteStream(path.join(ARTIFACTS, i === 0 ? 'server.log' : `server-${i + 1}.log`)),
  );
  // One server per worker, started side by side (each loads the demo district into its own database).
  const started = await Promise.allSettled(
    logs.map((log, i) =>
      startServer({
        demoPassword,
        label: `server${i + 1}`,
        // to e2e/artifacts/server*.log only
        env: { LOG_LEVEL: process.env.LOG_LEVEL || 'info' },
        onOutput: (chunk) => log.write(chunk),
      }),
    ),
  );
  const servers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) {
    await Promise.all(servers.map((s) => s.stop()));
    for (const log of logs) log.end();
    throw failure.reason;
  }
  let stopping = false;
  const teardown = async () => {
    stopping = true;
    await Promise.all(servers.map((s) => s.stop()));
    for (const log of logs) log.end();
  };
  servers.forEach((server, i) => {
    server.child.once('exit', (code, signal) => {
      if (!stopping)
        console.error(
          `[e2e] server ${i + 1} stopped during the tests (${code ?? signal}):\n${server.output()}`,
        );
    });
    console.log(
      `[e2e] server ${i + 1} up at ${server.url} (data in ${server.dataDir}; log in e2e/artifacts/)`,
    );
  });
  project.provide(
    'baseUrls',
    servers.map((s) => s.url),
  );
  project.provide('demoPassword', demoPassword);
  return teardown;
}

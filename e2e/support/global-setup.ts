// Starts the real CivicGrid server once for the browser journeys: the built web app and the API on a free port,
// over a fresh embedded database (a temp DATA_DIR), so the demo district is loaded exactly as `npm start` does.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ARTIFACTS, skipBrowserTests, skipReason } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');
const web = path.join(root, 'apps/web');
const STARTUP_LIMIT_MS = 150_000;

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
  const r = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`[e2e] the web build failed (exit ${r.status ?? r.signal})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `[e2e] the server exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output()}`,
      );
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(
    `[e2e] the server did not answer /api/health within ${STARTUP_LIMIT_MS / 1000} s:\n${output()}`,
  );
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export default async function setup(project: TestProject) {
  if (skipBrowserTests) {
    console.warn(`\n[e2e] ${skipReason}\n`);
    project.provide('baseUrl', '');
    project.provide('demoPassword', '');
    return;
  }
  buildWebIfStale();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const demoPassword = process.env.DEMO_PASSWORD || 'Demo@2026civic';
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const log = fs.createWriteStream(path.join(ARTIFACTS, 'server.log'));

  let output = '';
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'apps/api/src/server.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(tmp, 'data'),
      DATABASE_URL: '', // always the embedded database, whatever the caller's shell says
      DEMO_PASSWORD: demoPassword,
      LOG_LEVEL: process.env.LOG_LEVEL || 'info', // to e2e/artifacts/server.log only
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    log.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let stopping = false;
  const teardown = async () => {
    stopping = true;
    await stop(child);
    log.end();
    fs.rmSync(tmp, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (error) {
    await teardown();
    throw error;
  }
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`[e2e] the server stopped during the tests (${code ?? signal}):\n${output}`);
  });
  console.log(`[e2e] server up at ${baseUrl} (data in ${tmp}; log in e2e/artifacts/server.log)`);
  project.provide('baseUrl', baseUrl);
  project.provide('demoPassword', demoPassword);
  return teardown;
}

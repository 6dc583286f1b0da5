// Starts the real CivicGrid server (tsx apps/api/src/server.ts) on a free port over a fresh embedded database, as
// `npm start` would: used by the global setup and by journeys that need a second server with other settings.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
// A limit for a stuck start, not a timing test: two servers load their demo districts side by side.
const STARTUP_LIMIT_MS = 300_000;

/** The demo 三员 (admin, security, auditor) are enrolled in the second factor with this secret. */
export const E2E_TOTP_SECRET = 'CIVICGRIDEZETOTPSECRETXXXXXXXXXX';

export function freePort(): Promise<number> {
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

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface RunningServer {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Spawns the server and waits for /api/health; on failure it stops the child and throws with its output. */
export async function startServer(opts: {
  demoPassword: string;
  env?: Record<string, string>;
  label?: string;
  onOutput?: (chunk: Buffer) => void;
}): Promise<RunningServer> {
  const label = opts.label ?? 'server';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `cg-e2e-${label}-`));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
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
      DEMO_PASSWORD: opts.demoPassword,
      DEMO_TOTP_SECRET: E2E_TOTP_SECRET,
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    opts.onOutput?.(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const stop = async () => {
    await stopChild(child);
    fs.rmSync(tmp, { recursive: true, force: true });
  };

  const deadline = Date.now() + STARTUP_LIMIT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `[e2e] the ${label} exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output}`,
      );
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `[e2e] the ${label} did not answer /api/health within ${STARTUP_LIMIT_MS / 1000} s:\n${output}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, dataDir: tmp, child, output: () => output, stop };
}

// The real API (buildApp) on the bench database, in its own process so its resident memory can be read alone.
// The parent passes BENCH_DATABASE_URL (server) or BENCH_PGLITE_DUMP (a PGlite data dir dump) and reads the port
// from the first line this prints.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../apps/api/src/app.ts';
import { loadConfig } from '../../apps/api/src/config.ts';
import { createPGlite, openDb } from '../../apps/api/src/db/client.ts';
import './database.ts'; // holds the bench's field encryption keys for this process

const url = process.env.BENCH_DATABASE_URL;
const dump = process.env.BENCH_PGLITE_DUMP;
let handle;
if (url) handle = await openDb({ databaseUrl: url, poolMax: 10 });
else if (dump) {
  const pglite = await createPGlite({ loadDataDir: new Blob([fs.readFileSync(dump)]) });
  handle = await openDb({ pglite });
} else throw new Error('BENCH_DATABASE_URL or BENCH_PGLITE_DUMP is required');
const config = loadConfig({
  NODE_ENV: 'development',
  LOG_LEVEL: 'silent',
  DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-files-')),
});
const app = await buildApp({ config, db: handle, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
process.on('SIGTERM', () => {
  // The load generator's kept-alive sockets would hold close() for the keep-alive timeout (72 s): the figures
  // are taken, so drop them after a second.
  setTimeout(() => app.server.closeAllConnections(), 1_000).unref();
  void app.close().then(() => handle.close().then(() => process.exit(0)));
});

import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDb } from './db/client.ts';
import { migrateToLatest } from './db/migrate.ts';
import { fieldKeyOptions, startFieldKeys } from './core/field-keys.ts';
import { startSweeps } from './core/sweeps.ts';
import { allSweeps } from './modules/index.ts';
import { systemClock } from './core/clock.ts';
import { demoLogins, isEmpty, seedBase, seedDemo } from './db/seeds/seed.ts';

const args = new Set(process.argv.slice(2));
const config = loadConfig();
const db = await openDb({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolMax: config.poolMax,
});
// A wrong field key stops the start here, before anything is read or written with it.
const keys = await startFieldKeys(db.db, fieldKeyOptions(config));
console.log(`field encryption keys: ${keys.source}`);
const applied = await migrateToLatest(db.db);
if (applied.length) console.log(`migrated: ${applied.join(', ')}`);
await seedBase(db.db);

// The embedded database gets the demo district on first run; a real server only when asked with --demo.
const wantDemo = args.has('--demo') || (db.kind === 'pglite' && config.env !== 'production');
if (wantDemo && (await isEmpty(db.db))) {
  console.log('loading the demo district …');
  await seedDemo(db.db, config.demoPassword, config.demoTotpSecret);
}

const app = await buildApp({ config, db, serveWeb: true });
await app.listen({ port: config.port, host: config.host });

const stopSweeps = startSweeps(db.db, systemClock, allSweeps(config), (msg, err) =>
  app.log.error({ err }, msg),
);

const logins = await demoLogins(db.db);
console.log(
  `\nCivicGrid ${db.kind === 'pglite' ? `(embedded database in ${config.dataDir})` : '(PostgreSQL server)'} is at http://localhost:${config.port}`,
);
if (logins.length) {
  console.log(`Demo logins (password: ${config.demoPassword}):`);
  for (const l of logins) console.log(`  ${l.username.padEnd(10)} ${l.role}  @ ${l.org}`);
  console.log(
    `admin, security and auditor also ask for a code (second factor): add the secret ${config.demoTotpSecret}` +
      ` to an authenticator app, or print the current code with \`npm run demo:code\``,
  );
}

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    stopSweeps();
    // Requests in flight get 10 s to finish; then the connections still open (a client's kept-alive socket
    // that was busy when the stop began) are dropped, so a stop never waits out the 72 s keep-alive timeout.
    setTimeout(() => app.server.closeAllConnections(), 10_000).unref();
    await app.close();
    await db.close();
    process.exit(0);
  });
}

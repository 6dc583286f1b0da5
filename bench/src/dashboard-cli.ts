// Times the dashboard on a database of your choice, loading synthetic cases first when asked:
//   DATABASE_URL=postgres://…/scratch npx tsx bench/src/dashboard-cli.ts [--generate=1000000]
//   DATA_DIR=/tmp/pglite-bench npx tsx bench/src/dashboard-cli.ts --generate=200000   (embedded PGlite)
// The database must hold a migrated org tree (e.g. `npm run db:seed -- --demo` against it first).
import { sql } from 'kysely';
import { openDb } from '../../apps/api/src/db/client.ts';
import { migrateToLatest } from '../../apps/api/src/db/migrate.ts';
import { loadConfig } from '../../apps/api/src/config.ts';
import { fieldKeyOptions, startFieldKeys } from '../../apps/api/src/core/field-keys.ts';
import { benchDashboard } from './dashboard.ts';
import { generateSyntheticCases } from './synthetic-cases.ts';

const gen = Number(process.argv.find((a) => a.startsWith('--generate='))?.slice(11) ?? 0);
const h = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? './data' });
await startFieldKeys(h.db, fieldKeyOptions(loadConfig()));
await migrateToLatest(h.db);
if (gen > 0) {
  const t = Date.now();
  await generateSyntheticCases(h.db, gen);
  console.log(`generated ${gen} cases in ${Math.round((Date.now() - t) / 1000)} s`);
}
// PGlite runs no autovacuum: without this the planner has no statistics and no visibility map for the rollups.
await sql`VACUUM ANALYZE cases, case_rollup_daily, case_rollup_dims`.execute(h.db);
for (const r of await benchDashboard(h.db))
  console.log(`${r.name}: ${r.value} ${r.unit} (plain ${r.limit} ms, ratio ${r.ratio}) — target ${r.target}`);
await h.close();

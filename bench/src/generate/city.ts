import { sql } from 'kysely';
import type { Db } from '../../../apps/api/src/db/client.ts';
import { generateCases, type LeafCategory } from './case-rows.ts';
import type { Loader } from './loader.ts';
import { createOrgTree } from './org-tree.ts';
import { generateRegistry } from './registry-rows.ts';
import type { Scale } from './scales.ts';

const BULK_TABLES = [
  'persons',
  'houses',
  'residences',
  'rentals',
  'organizations',
  'employments',
  'cases',
  'workflow_events',
  'workflow_clocks',
];

/** The secondary indexes of the bulk tables (not those behind a key): dropped for the load, built after. */
async function secondaryIndexes(db: Db) {
  const r = await sql<{ name: string; def: string }>`
    SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
    WHERE i.schemaname = 'public' AND i.tablename IN (${sql.join(BULK_TABLES)})
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`.execute(db);
  return r.rows;
}

async function leafCategories(db: Db): Promise<LeafCategory[]> {
  const r = await sql<LeafCategory>`
    SELECT c.id, c.code, c.name, c.limits, c.default_department_id AS "departmentId", d.path AS "departmentPath"
    FROM categories c LEFT JOIN orgs d ON d.id = c.default_department_id
    WHERE NOT c.disabled AND NOT EXISTS (SELECT 1 FROM categories k WHERE k.parent_id = c.id)
    ORDER BY c.code`.execute(db);
  return r.rows;
}

/**
 * Loads a synthetic city into a migrated database that holds the demo district: org tree through Kysely, the
 * millions of rows through COPY in chunks with progress, then the indexes and statistics.
 */
export async function generateCity(db: Db, loader: Loader, s: Scale, now: Date, log = console.log) {
  const started = performance.now();
  const secs = () => ((performance.now() - started) / 1000).toFixed(0);
  const progress = (table: string, done: number, total: number) =>
    log(`  ${table}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${secs()} s)`);
  const tree = await createOrgTree(db, s);
  log(`  ${tree.grids.length.toLocaleString('en')} grids in ${s.streets} streets (${secs()} s)`);
  const categories = await leafCategories(db);
  const indexes = await secondaryIndexes(db);
  for (const ix of indexes) await loader.exec(`DROP INDEX ${ix.name}`);
  const [people, orgs] = await Promise.all([
    db.selectFrom('persons').select('id_number').execute(),
    db.selectFrom('organizations').select('credit_code').where('credit_code', 'is not', null).execute(),
  ]);
  await generateRegistry(loader, s, tree, now, progress, {
    idNumbers: new Set(people.map((p) => p.id_number)),
    creditCodes: new Set(orgs.map((o) => o.credit_code!)),
  });
  const { events } = await generateCases(loader, s, tree, categories, now, progress);
  log(`  ${events.toLocaleString('en')} case events; building ${indexes.length} indexes (${secs()} s)`);
  await loader.exec(`SET maintenance_work_mem = '256MB'`);
  for (const ix of indexes) await loader.exec(ix.def);
  await loader.exec(`SELECT setval('case_number_seq', ${s.cases + 1})`);
  for (const t of BULK_TABLES) await loader.exec(`VACUUM ANALYZE ${t}`);
  await loader.exec(
    `INSERT INTO app_meta (key, value) VALUES ('bench_scale', '${s.name}')
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
  );
  log(`  loaded in ${secs()} s`);
}

// `npm run bench [-- --scale=tiny|district] [--db=postgres|pglite] [--keep] [name…]`: builds the synthetic city,
// runs each benchmark beside the limit measured in the same run, and writes bench/results/<scale>.json.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { benchPointToGrid, type BenchResult } from './point-to-grid.ts';
import { SCALES } from './generate/scales.ts';
import { serverDb, pgliteDb, DEMO_PASSWORD, type BenchDb } from './database.ts';
import { startApi, signIn } from './api-process.ts';
import { caseProbes, personProbes, benchLists } from './case-list.ts';
import { httpIntake, rawIntake, intakeResults, type IntakeFixture } from './intake.ts';
import { benchFirstLoadJs } from './web-size.ts';
import { benchStContains } from './postgis.ts';
import { benchRegistryImport } from './registry-import.ts';
import { benchDashboard } from './dashboard.ts';

const args = process.argv.slice(2);
const opt = (k: string) => args.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3);
const scaleName = opt('scale') ?? 'tiny';
const scale = SCALES[scaleName];
if (!scale) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
const names = args.filter((a) => !a.startsWith('--'));
const wanted = (n: string) => !names.length || names.includes(n);
const keep = args.includes('--keep');
const serverUrl = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const small = scale.name === 'tiny';

async function serverAnswers() {
  const c = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const results: BenchResult[] = [];
const t0 = performance.now();

if (wanted('point-to-grid')) {
  console.log('\n▶ point-to-grid');
  results.push(benchPointToGrid(small ? 200_000 : 1_000_000));
  if (await serverAnswers()) {
    const st = await benchStContains(serverUrl, small ? 20_000 : 200_000);
    if (st) {
      results.push(st);
      const own = results.find((r) => r.name === 'point-to-grid')!;
      own.limit = st.value;
      own.ratio = Math.round((own.value / st.value) * 100) / 100;
    }
  } else console.log('  ST_Contains: no PostgreSQL server answers; no comparison made');
}

if (wanted('web')) {
  console.log('\n▶ web first-load JavaScript');
  results.push(benchFirstLoadJs());
}

/** Grids of the synthetic district and a category for the intake body, read back from the database. */
async function fixtures(db: BenchDb, s: typeof scale) {
  const grids = await db.handle.db
    .selectFrom('orgs')
    .select(['id', 'path', 'geometry', 'code'])
    .where('code', 'like', 'BZ%')
    .where('level', '=', 'grid')
    .execute();
  const street = await db.handle.db
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('code', '=', 'BZ001')
    .executeTakeFirstOrThrow();
  const cat = await db.handle.db
    .selectFrom('categories')
    .select(['id', 'code', 'name'])
    .where('code', '=', 'SJ0202')
    .executeTakeFirstOrThrow();
  const center = await db.handle.db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'o.id as orgId', 'o.path'])
    .where('u.username', '=', 'center')
    .executeTakeFirstOrThrow();
  const person = await db.handle.db
    .selectFrom('persons')
    .select(['name', 'id_number', 'phone', 'address'])
    .where('phone', 'is not', null)
    .where('address', 'is not', null)
    .where('id_type', '=', 'citizen_id')
    .orderBy('id')
    .limit(1)
    .offset(Math.floor(s!.persons / 3))
    .executeTakeFirstOrThrow();
  const intake: IntakeFixture = {
    categoryId: cat.id,
    grids: grids.map((g) => ({
      quad: (g.geometry as { coordinates: [number, number][][] }).coordinates[0]!.slice(0, 4),
    })),
  };
  return { grids, street, cat, center, person, intake };
}

/** Intake, lists and memory of the real API on one database. */
async function apiBenches(db: BenchDb, s: typeof scale, prefix: string, runs: number, seconds: number) {
  const f = await fixtures(db, s);
  const api = await startApi(await db.apiEnv());
  const out: BenchResult[] = [];
  let peakRss = 0;
  const sample = () => (peakRss = Math.max(peakRss, api.rssMb() ?? 0));
  try {
    const sessions = {
      district: await signIn(api.base, 'center', DEMO_PASSWORD),
      street: await signIn(api.base, 'bench-street', DEMO_PASSWORD),
    };
    console.log(`\n▶ ${prefix}case list and person search (${runs} calls each; API vs bare SQL)`);
    const probes = [
      ...caseProbes({
        categoryId: f.cat.id,
        categoryCode: f.cat.code,
        streetId: f.street.id,
        streetPath: f.street.path,
        q: '银杏路',
      }),
      ...personProbes({
        rootPath: f.center.path,
        name: f.person.name.slice(0, 2),
        // What a masked view shows and so what a desk may search by (decision 0010): the ID's and the phone's
        // last four digits.
        idTail: f.person.id_number.slice(-4),
        phone: f.person.phone!.slice(-4),
        // A road and lane from the middle of an address (…光明街406弄…): a "contains" search, not a prefix.
        street: /[^区市道]{2,3}[路街]\d+弄/.exec(f.person.address!)?.[0] ?? f.person.address!.slice(-8, -3),
      }),
    ];
    const lists = await benchLists(api, sessions, db.url, prefix ? probes.slice(0, 2) : probes, runs, prefix);
    out.push(...lists.results);
    sample();
    console.log(`\n▶ ${prefix}case intake (${seconds} s, 10 connections)`);
    const http = await httpIntake(api, sessions.district, f.intake, {
      connections: 10,
      seconds,
      onTick: sample,
    });
    console.log(
      `  API: ${Math.round(http.perSecond)} cases/s (latency p50 ${http.p50} ms, p99 ${http.p99} ms)`,
    );
    let raw: number | null = null;
    if (db.url) {
      raw = await rawIntake(
        db.url,
        {
          ...f.intake,
          orgPath: f.grids[0]!.path,
          ownerId: f.center.orgId,
          ownerPath: f.center.path,
          userId: f.center.id,
        },
        { connections: 10, seconds },
      );
      console.log(`  raw SQL transaction: ${Math.round(raw)} cases/s`);
    }
    out.push(...intakeResults(http.perSecond, raw, prefix));
    sample();
    console.log(`  API resident memory, peak under load: ${peakRss.toFixed(0)} MB`);
    out.push({
      name: `${prefix}API RSS under load (peak)`,
      value: Math.round(peakRss),
      unit: 'MB',
      limit: null,
      ratio: null,
      target: '≤ 400 MB',
    });
  } finally {
    await api.stop();
  }
  return out;
}

const useServer = opt('db') !== 'pglite' && (await serverAnswers());
if (names.length === 0 || names.some((n) => ['api', 'registry', 'dashboard', 'pglite'].includes(n))) {
  const db = useServer
    ? await serverDb(serverUrl, `cg_bench_${scale.name}`, scale, keep)
    : await pgliteDb(scale);
  try {
    if (wanted('api')) results.push(...(await apiBenches(db, scale, '', small ? 20 : 100, small ? 3 : 15)));
    if (wanted('registry')) {
      console.log('\n▶ registry import vs COPY');
      const r = await benchRegistryImport(db, small ? 2_000 : 100_000);
      if (!r.length) console.log('  the registry import benchmark is not on this branch yet');
      results.push(...r);
    }
    if (wanted('dashboard')) {
      console.log('\n▶ dashboard indicators vs GROUP BY');
      const r = await benchDashboard(db.handle.db);
      if (!r.length) console.log('  the dashboard benchmark is not on this branch yet');
      results.push(...r);
    }
  } finally {
    await db.drop();
  }
  // The embedded database beside the server: the same intake and list figures on PGlite at the tiny scale.
  if (useServer && wanted('pglite')) {
    const lite = await pgliteDb(SCALES.tiny!);
    try {
      const liteResults = await apiBenches(lite, SCALES.tiny, 'pglite: ', 20, 3);
      for (const r of liteResults) {
        const server = results.find((s) => s.name === r.name.replace('pglite: ', ''));
        if (server && r.unit !== 'MB') {
          r.limit = server.value;
          r.ratio = server.value ? Math.round((r.value / server.value) * 100) / 100 : null;
          r.target = `beside the PostgreSQL server at ${scale.name} scale`;
        }
      }
      results.push(...liteResults);
    } finally {
      await lite.drop();
    }
  }
}

const fmt = (n: number | null) => (n === null ? '–' : n.toLocaleString('en'));
console.log(
  `\n${'benchmark'.padEnd(52)} ${'value'.padStart(12)} ${'limit'.padStart(12)} ${'ratio'.padStart(6)}  target`,
);
for (const r of results)
  console.log(
    `${r.name.padEnd(52)} ${`${fmt(r.value)} ${r.unit}`.padStart(12)} ${fmt(r.limit).padStart(12)} ${fmt(r.ratio).padStart(6)}  ${r.target}`,
  );
const dir = path.resolve(import.meta.dirname, '../results');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, `${scale.name}.json`), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote bench/results/${scale.name}.json in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

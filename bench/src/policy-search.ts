// `npx tsx bench/src/policy-search.ts [documents]`: the policy library's Chinese full-text search on PGlite —
// ILIKE alone, the bigram GIN index it uses, and pg_trgm for comparison. Prints timings; asserts nothing.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { bigrams } from '../../apps/api/src/modules/public/policy-search.ts';
import { DEMO_POLICIES } from '../../apps/api/src/modules/public/demo-policies.ts';

const N = Number(process.argv[2] ?? 20000);
const db = await PGlite.create({ extensions: { pg_trgm } });
await db.exec(`CREATE EXTENSION pg_trgm;
CREATE TABLE d (id serial PRIMARY KEY, title text, body text, grams text[]);`);
// Synthetic documents: sentences of the demo corpus recombined, ~600 characters each.
const sentences = DEMO_POLICIES.flatMap((p) => p.body.split(/[。，]/).filter(Boolean));
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
const t0 = Date.now();
for (let i = 0; i < N; i += 500) {
  const rows = [];
  for (let j = i; j < Math.min(N, i + 500); j++) {
    const title = DEMO_POLICIES[Math.floor(rnd() * DEMO_POLICIES.length)]!.title + j;
    let body = '';
    while (body.length < 600) body += sentences[Math.floor(rnd() * sentences.length)] + '。';
    rows.push([title, body]);
  }
  const values = rows.map((_, k) => `($${k * 3 + 1}, $${k * 3 + 2}, $${k * 3 + 3})`).join(',');
  await db.query(
    `INSERT INTO d (title, body, grams) VALUES ${values}`,
    rows.flatMap(([t, b]) => [t, b, bigrams(`${t} ${b}`)]),
  );
}
console.log(`loaded ${N} docs in ${Date.now() - t0} ms`);
async function time(label: string, sql: string, params: unknown[]) {
  await db.query(sql, params);
  const runs = 5;
  const s = performance.now();
  let n = 0;
  for (let i = 0; i < runs; i++) n = (await db.query(sql, params)).rows.length;
  console.log(`${label}: ${((performance.now() - s) / runs).toFixed(1)} ms, ${n} rows`);
}
const q = '助听器';
const p = `%${q}%`;
await time('ILIKE only (seq scan)', 'SELECT id FROM d WHERE title ILIKE $1 OR body ILIKE $1', [p]);
await db.exec('CREATE INDEX d_grams ON d USING gin (grams)');
await time(
  'bigram GIN @> + ILIKE',
  'SELECT id FROM d WHERE grams @> $2::text[] AND (title ILIKE $1 OR body ILIKE $1)',
  [p, bigrams(q)],
);
// One document's own title: a phrase that occurs once, as most real searches for a named policy do.
const selective = ((await db.query('SELECT title FROM d WHERE id = 1234')).rows[0] as { title: string })
  .title;
await time(
  'bigram GIN, selective phrase',
  'SELECT id FROM d WHERE grams @> $2::text[] AND (title ILIKE $1 OR body ILIKE $1)',
  [`%${selective}%`, bigrams(selective)],
);
const rare = '火星移民';
await time(
  'bigram GIN, no match',
  'SELECT id FROM d WHERE grams @> $2::text[] AND (title ILIKE $1 OR body ILIKE $1)',
  [`%${rare}%`, bigrams(rare)],
);
await time('ILIKE only, no match', 'SELECT id FROM d WHERE title ILIKE $1 OR body ILIKE $1', [`%${rare}%`]);
console.log('show_trgm(助听器) =', (await db.query(`SELECT show_trgm('助听器') AS t`)).rows[0]);
await db.exec('CREATE INDEX d_trgm ON d USING gin (body gin_trgm_ops)');
await time('pg_trgm GIN ILIKE', 'SELECT id FROM d WHERE body ILIKE $1', [p]);
await db.exec('CREATE INDEX d_trgm_title ON d USING gin (title gin_trgm_ops)');
await time('pg_trgm GIN, selective phrase', 'SELECT id FROM d WHERE title ILIKE $1 OR body ILIKE $1', [
  `%${selective}%`,
]);
const plan = await db.query(`EXPLAIN SELECT id FROM d WHERE body ILIKE '%助听器%'`);
console.log((plan.rows as Record<string, string>[]).map((r) => r['QUERY PLAN']).join('\n'));
const size = await db.query(
  `SELECT pg_size_pretty(pg_relation_size('d_grams')) g, pg_size_pretty(pg_relation_size('d_trgm')) t, pg_size_pretty(pg_relation_size('d')) d`,
);
console.log(size.rows[0]);

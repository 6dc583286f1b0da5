import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { BenchDb } from './database.ts';
import { line } from './generate/loader.ts';
import { systemClock } from '../../apps/api/src/core/clock.ts';
import { systemScope } from '../../apps/api/src/core/org-scope.ts';
import { readRows } from '../../apps/api/src/modules/registry/import-format.ts';
import { commitJob, validateRows } from '../../apps/api/src/modules/registry/import-service.ts';
import { withCheckDigit } from '../../apps/api/src/modules/registry/demo-names.ts';
import type { BenchResult } from './point-to-grid.ts';

// 659001 (石河子) is a region code the demo district does not use, so the bench people never collide with it.
const REGION = '659001';

function personRow(i: number): string[] {
  const d = new Date(Date.UTC(1930, 0, 1) + (i % 30_000) * 86_400_000).toISOString().slice(0, 10);
  const id = withCheckDigit(
    `${REGION}${d.replace(/-/g, '')}${String(Math.floor(i / 30_000)).padStart(3, '0')}`,
  );
  return [`基准${i}`, id, i % 4 ? '户籍' : '流动', `139${String(i).padStart(8, '0')}`, '示范区基准路1号'];
}

/**
 * Imports `rows` generated people through the import service (a CSV file read, checked and staged, then
 * committed in batches), and COPYs the same rows into `persons` itself for comparison.
 */
export async function benchRegistryImport(bench: BenchDb, rows: number): Promise<BenchResult[]> {
  const db = bench.handle.db;
  const user = await db.selectFrom('users').select(['id', 'org_id']).orderBy('created_at').executeTakeFirst();
  if (!user) throw new Error('registry-import bench needs a seeded database (a user to own the import)');
  // A run stopped midway leaves its people behind; start from a registry without them.
  await removeBenchPeople(db);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-')), 'people.csv');
  const out = fs.createWriteStream(file);
  out.write('姓名,证件号码,人口类型,联系电话,现住址\n');
  for (let i = 0; i < rows; i++) out.write(personRow(i).join(',') + '\n');
  await new Promise<void>((resolve) => out.end(resolve));

  const { id } = await db
    .insertInto('import_jobs')
    .values({
      kind: 'persons',
      status: 'validating',
      filename: 'bench.csv',
      org_id: user.org_id,
      org_path: '/',
      created_by: user.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const t0 = performance.now();
  await validateRows(db, systemClock, { id, scope: systemScope(), orgPath: '/' }, readRows(file, 'csv'));
  const t1 = performance.now();
  await commitJob(db, id);
  const t2 = performance.now();
  const job = await db
    .selectFrom('import_jobs')
    .select(['committed_rows', 'bad_rows'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (job.committed_rows !== rows)
    throw new Error(`import committed ${job.committed_rows} of ${rows} (bad ${job.bad_rows})`);

  // The same rows COPYed into the same table, after the imported ones are gone: both pay for the same
  // 1.5 M-row indexes (an empty copy of the table would make COPY look twice as fast as it is).
  await removeBenchPeople(db);
  const t3 = performance.now();
  for (let start = 0; start < rows; start += 50_000) {
    let chunk = '';
    for (let i = start; i < Math.min(rows, start + 50_000); i++) {
      const [n, id, t, p, a] = personRow(i);
      chunk += line([n, 'citizen_id', id, t === '户籍' ? 'registered' : 'floating', p, a, '/']);
    }
    await bench.copy(
      'persons',
      ['name', 'id_type', 'id_number', 'residence_type', 'phone', 'address', 'org_path'],
      chunk,
    );
  }
  const t4 = performance.now();

  // Leave the database as it was.
  await removeBenchPeople(db);
  await db.deleteFrom('import_jobs').where('id', '=', id).execute();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });

  const perSec = (ms: number) => Math.round((rows / ms) * 1000);
  const whole = perSec(t2 - t0);
  const bulk = perSec(t4 - t3);
  return [
    {
      name: `registry import: check + stage ${rows} rows`,
      value: perSec(t1 - t0),
      unit: 'rows/s',
      limit: null,
      ratio: null,
      target: 'informational',
    },
    {
      name: `registry import: commit ${rows} rows`,
      value: perSec(t2 - t1),
      unit: 'rows/s',
      limit: null,
      ratio: null,
      target: 'informational',
    },
    {
      name: `registry import end to end (${rows} rows) vs COPY`,
      value: whole,
      unit: 'rows/s',
      limit: bulk,
      ratio: Math.round((whole / bulk) * 100) / 100,
      target: '≥ 0.5× COPY',
    },
  ];
}

async function removeBenchPeople(db: BenchDb['handle']['db']) {
  await sql`DELETE FROM registry_changes WHERE entity = 'person' AND entity_id IN
    (SELECT id FROM persons WHERE id_number LIKE ${`${REGION}%`})`.execute(db);
  await db.deleteFrom('persons').where('id_number', 'like', `${REGION}%`).execute();
}

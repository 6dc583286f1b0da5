// `npm run backup [-- --out DIR]` and `npm run restore -- DIR [--force]`: both halves of an installation (the
// database and the uploaded files), verified. Reads DATABASE_URL / DATA_DIR like the server. See
// docs/operations.md §4.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createBackup, restoreBackup, type FileCheck } from './backup.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, force: { type: 'boolean', default: false } },
});
const [command, dir] = positionals;
const config = loadConfig();
const target = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };

function report(label: string, c: FileCheck) {
  console.log(
    `${label}: ${c.checked} attachment(s) checked, ${c.missing.length} missing, ${c.damaged.length} damaged`,
  );
  for (const k of [...c.missing, ...c.damaged].slice(0, 20)) console.log(`  ${k}`);
  return c.missing.length + c.damaged.length === 0;
}

try {
  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    const out = path.resolve(values.out ?? path.join('backups', `civicgrid-${stamp}`));
    const { manifest, source } = await createBackup(target, out);
    console.log(
      `backup written to ${out}: ${manifest.database} database (${manifest.databaseFiles.length} file(s)), ${manifest.uploads.length} uploaded file(s)`,
    );
    // Exit 3 so a scheduled backup is noticed: the backup is taken, but the installation has already lost files.
    if (!report('stored files before the backup', source)) process.exitCode = 3;
  } else if (command === 'restore' && dir) {
    const { check, movedAside } = await restoreBackup(target, path.resolve(dir), { force: values.force });
    if (movedAside) console.log(`the previous data was moved to ${movedAside}`);
    console.log(`restored ${dir} into ${target.databaseUrl ? 'the PostgreSQL server' : target.dataDir}`);
    if (!report('restore check', check)) process.exitCode = 3;
  } else {
    console.error('usage: npm run backup [-- --out DIR]   |   npm run restore -- DIR [--force]');
    process.exitCode = 2;
  }
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
}

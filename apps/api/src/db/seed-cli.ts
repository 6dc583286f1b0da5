import { loadConfig } from '../config.ts';
import { openDb } from './client.ts';
import { migrateToLatest } from './migrate.ts';
import { fieldKeyOptions, startFieldKeys } from '../core/field-keys.ts';
import { isEmpty, seedBase, seedDemo } from './seeds/seed.ts';

const args = new Set(process.argv.slice(2));
const config = loadConfig();
if (!args.has('--demo')) {
  console.error('usage: npm run db:seed -- --demo   (loads the demo district into an empty database)');
  process.exit(2);
}
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await startFieldKeys(db.db, fieldKeyOptions(config));
await migrateToLatest(db.db);
await seedBase(db.db);
if (!(await isEmpty(db.db))) {
  console.error('the database already holds orgs; the demo district is loaded only into an empty database');
  await db.close();
  process.exit(1);
}
await seedDemo(db.db, config.demoPassword, config.demoTotpSecret);
console.log(`demo district loaded; demo password: ${config.demoPassword}`);
await db.close();

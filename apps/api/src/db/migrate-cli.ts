import { loadConfig } from '../config.ts';
import { openDb } from './client.ts';
import { migrateToLatest } from './migrate.ts';
import { fieldKeyOptions, startFieldKeys } from '../core/field-keys.ts';
import { seedBase } from './seeds/seed.ts';

const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await startFieldKeys(db.db, fieldKeyOptions(config));
const applied = await migrateToLatest(db.db);
await seedBase(db.db);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
await db.close();

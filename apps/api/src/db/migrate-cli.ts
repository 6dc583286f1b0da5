import { loadConfig } from '../config.ts';
import { openDb } from './client.ts';
import { migrateToLatest } from './migrate.ts';
import { seedBase } from './seeds/seed.ts';

const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const applied = await migrateToLatest(db.db);
await seedBase(db.db);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
await db.close();

import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './client.ts';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-grids.ts';
import * as m0003 from './migrations/0003-calendar.ts';
import * as m0004 from './migrations/0004-cases.ts';

/** Migrations are listed here, in order, so bundling or renaming files can never reorder them. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-grids': m0002,
  '0003-calendar': m0003,
  '0004-cases': m0004,
};

class StaticProvider implements MigrationProvider {
  async getMigrations() {
    return MIGRATIONS;
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

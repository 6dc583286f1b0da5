import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './client.ts';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-grids.ts';
import * as m0003 from './migrations/0003-calendar.ts';
import * as m0004 from './migrations/0004-cases.ts';
import * as m0005 from './migrations/0005-registry-people.ts';
import * as m0006 from './migrations/0006-registry-places.ts';
import * as m0007 from './migrations/0007-public.ts';
import * as m0008 from './migrations/0008-open311.ts';
import * as m0009 from './migrations/0009-command.ts';
import * as m0010 from './migrations/0010-assessment.ts';
import * as m0011 from './migrations/0011-scale-indexes.ts';
import * as m0012 from './migrations/0012-calendar-statutory.ts';
import * as m0013 from './migrations/0013-trigram-search.ts';
import * as m0014 from './migrations/0014-rental-criteria-version.ts';
import * as m0015 from './migrations/0015-reference-indexes.ts';
import * as m0016 from './migrations/0016-list-search-indexes.ts';
import * as m0017 from './migrations/0017-import-commit-cursor.ts';
import * as m0018 from './migrations/0018-workflow-engine.ts';
import * as m0019 from './migrations/0019-record-parts.ts';
import * as m0020 from './migrations/0020-documents.ts';
import * as m0021 from './migrations/0021-second-factor.ts';
import * as m0022 from './migrations/0022-idempotency-fingerprint.ts';
import * as m0023 from './migrations/0023-notification-kinds.ts';
import * as m0024 from './migrations/0024-petitions.ts';
import * as m0025 from './migrations/0025-mediation.ts';
import * as m0026 from './migrations/0026-case-cohandling.ts';
import * as m0027 from './migrations/0027-security.ts';
import * as m0028 from './migrations/0028-special-populations.ts';
import * as m0029 from './migrations/0029-stability.ts';
import * as m0030 from './migrations/0030-field.ts';
import * as m0031 from './migrations/0031-volunteers.ts';
import * as m0032 from './migrations/0032-case-return-visit.ts';
import * as m0033 from './migrations/0033-petitions-reception.ts';
import * as m0034 from './migrations/0034-meetings.ts';
import * as m0035 from './migrations/0035-returns.ts';
import * as m0036 from './migrations/0036-special-contacts.ts';
import * as m0037 from './migrations/0037-field-day.ts';
import * as m0038 from './migrations/0038-petition-cases-agents.ts';
import * as m0039 from './migrations/0039-field-encryption-role-changes.ts';
import * as m0040 from './migrations/0040-mediation-stars.ts';

/** Migrations are listed here, in order, so bundling or renaming files can never reorder them. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-grids': m0002,
  '0003-calendar': m0003,
  '0004-cases': m0004,
  '0005-registry-people': m0005,
  '0006-registry-places': m0006,
  '0007-public': m0007,
  '0008-open311': m0008,
  '0009-command': m0009,
  '0010-assessment': m0010,
  '0011-scale-indexes': m0011,
  '0012-calendar-statutory': m0012,
  '0013-trigram-search': m0013,
  '0014-rental-criteria-version': m0014,
  '0015-reference-indexes': m0015,
  '0016-list-search-indexes': m0016,
  '0017-import-commit-cursor': m0017,
  '0018-workflow-engine': m0018,
  '0019-record-parts': m0019,
  '0020-documents': m0020,
  '0021-second-factor': m0021,
  '0022-idempotency-fingerprint': m0022,
  '0023-notification-kinds': m0023,
  '0024-petitions': m0024,
  '0025-mediation': m0025,
  '0026-case-cohandling': m0026,
  '0027-security': m0027,
  '0028-special-populations': m0028,
  '0029-stability': m0029,
  '0030-field': m0030,
  '0031-volunteers': m0031,
  '0032-case-return-visit': m0032,
  '0033-petitions-reception': m0033,
  '0034-meetings': m0034,
  '0035-returns': m0035,
  '0036-special-contacts': m0036,
  '0037-field-day': m0037,
  '0038-petition-cases-agents': m0038,
  '0039-field-encryption-role-changes': m0039,
  '0040-mediation-stars': m0040,
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

import { sql } from 'kysely';
import type { Db } from '../db/client.ts';

/** How long an instance trusts its copy before asking whether another instance changed the data. */
const RECHECK_MS = 5_000;

/** Bumped in the same transaction as a change to the cached data, so every API instance reloads it. */
export async function bumpVersion(db: Db, key: string) {
  await sql`INSERT INTO app_meta (key, value) VALUES (${key}, '1')
    ON CONFLICT (key) DO UPDATE SET value = (app_meta.value::bigint + 1)::text`.execute(db);
}

/**
 * An in-memory copy of slow-changing shared data (grid boundaries, the working calendar) that every instance
 * keeps fresh by comparing a version counter in app_meta at most every few seconds.
 */
export class VersionedCache<T> {
  private value: T | null = null;
  private version: string | null = null;
  private checkedAt = 0;
  private loading: Promise<T> | null = null;

  constructor(
    private readonly db: Db,
    private readonly key: string,
    private readonly load: (db: Db) => Promise<T>,
  ) {}

  /** Drops the copy at once (this instance changed the data). */
  invalidate() {
    this.value = null;
  }

  /**
   * The copy, after asking at once whether another instance changed the data: for a caller that finds an id
   * the copy lacks. It reloads only when the version moved, so an unknown id costs one small query, not a load.
   */
  async fresh(db: Db = this.db): Promise<T> {
    this.checkedAt = 0;
    return this.get(db);
  }

  /**
   * Pass the caller's handle when inside a transaction: on PGlite the pool has a single connection, which the
   * open transaction holds, so a query through the root handle would wait for ever.
   */
  async get(db: Db = this.db): Promise<T> {
    const now = Date.now();
    if (this.value && now - this.checkedAt < RECHECK_MS) return this.value;
    const row = await db
      .selectFrom('app_meta')
      .select('value')
      .where('key', '=', this.key)
      .executeTakeFirst();
    const version = row?.value ?? '0';
    this.checkedAt = now;
    if (this.value && version === this.version) return this.value;
    if (db !== this.db) {
      // Inside a transaction: load through it rather than wait on a load that needs the connection it holds.
      const value = await this.load(db);
      this.value = value;
      this.version = version;
      return value;
    }
    this.loading ??= this.load(this.db)
      .then((v) => {
        this.value = v;
        this.version = version;
        return v;
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }
}

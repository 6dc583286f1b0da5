import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { GridIndex, type IndexedGrid } from './grid-index.ts';
import type { Area } from './geometry.ts';

const VERSION_KEY = 'grid_geometry_version';
/** How long an instance trusts its index before asking whether another instance changed the grids. */
const RECHECK_MS = 5_000;

/** Bumped in the same transaction as any change to grid boundaries, so every instance notices and rebuilds. */
export async function bumpGridVersion(db: Db) {
  await sql`INSERT INTO app_meta (key, value) VALUES (${VERSION_KEY}, '1')
    ON CONFLICT (key) DO UPDATE SET value = (app_meta.value::bigint + 1)::text`.execute(db);
}

/** One per process: the spatial index every module that stores a location uses (houses, cases, patrols). */
export class GridLocator {
  private index: GridIndex | null = null;
  private version: string | null = null;
  private checkedAt = 0;
  private building: Promise<GridIndex> | null = null;

  constructor(private readonly db: Db) {}

  /** Drops the cached index at once (this instance changed the grids). */
  invalidate() {
    this.index = null;
  }

  async get(): Promise<GridIndex> {
    const now = Date.now();
    if (this.index && now - this.checkedAt < RECHECK_MS) return this.index;
    const row = await this.db
      .selectFrom('app_meta')
      .select('value')
      .where('key', '=', VERSION_KEY)
      .executeTakeFirst();
    const version = row?.value ?? '0';
    this.checkedAt = now;
    if (this.index && version === this.version) return this.index;
    this.building ??= this.build(version).finally(() => (this.building = null));
    return this.building;
  }

  private async build(version: string): Promise<GridIndex> {
    const rows = await this.db
      .selectFrom('orgs')
      .select(['id', 'code', 'name', 'path', 'geometry'])
      .where('level', '=', 'grid')
      .where('disabled', '=', false)
      .where('geometry', 'is not', null)
      .execute();
    // Micro-grids sit inside grids and the answer is the grid, so only grids are indexed.
    const grids: IndexedGrid[] = rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      path: r.path,
      geometry: r.geometry as Area,
    }));
    this.index = new GridIndex(grids);
    this.version = version;
    return this.index;
  }
}

import type { Db } from '../../db/client.ts';
import { bumpVersion, VersionedCache } from '../versioned-cache.ts';
import { GridIndex, type IndexedGrid } from './grid-index.ts';
import type { Area } from './geometry.ts';

const VERSION_KEY = 'grid_geometry_version';

/** Call in the same transaction as any change to grid boundaries. */
export const bumpGridVersion = (db: Db) => bumpVersion(db, VERSION_KEY);

async function loadIndex(db: Db): Promise<GridIndex> {
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'code', 'name', 'path', 'geometry'])
    // Micro-grids sit inside grids and the answer is the grid, so only grids are indexed.
    .where('level', '=', 'grid')
    .where('disabled', '=', false)
    .where('geometry', 'is not', null)
    .execute();
  const grids: IndexedGrid[] = rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    path: r.path,
    geometry: r.geometry as Area,
  }));
  return new GridIndex(grids);
}

/** One per process: the spatial index every module that stores a location uses (houses, cases, patrols). */
export class GridLocator extends VersionedCache<GridIndex> {
  constructor(db: Db) {
    super(db, VERSION_KEY, loadIndex);
  }
}

import type { Db } from '../../db/client.ts';
import { bumpVersion, VersionedCache } from '../../core/versioned-cache.ts';
import type { Limits } from './sla.ts';

const VERSION_KEY = 'category_version';

/** Call in the same transaction as any change to categories. */
export const bumpCategoryVersion = (db: Db) => bumpVersion(db, VERSION_KEY);

export interface CatalogCategory {
  id: string;
  code: string;
  name: string;
  limits: Limits;
  disabled: boolean;
  photoRequired: boolean;
  selfHandle: boolean;
}

export class Catalog {
  readonly byId: ReadonlyMap<string, CatalogCategory>;
  private readonly all: readonly CatalogCategory[];

  constructor(rows: CatalogCategory[]) {
    this.all = rows;
    this.byId = new Map(rows.map((r) => [r.id, r]));
  }

  has(ids: Iterable<string>): boolean {
    for (const id of ids) if (!this.byId.has(id)) return false;
    return true;
  }

  /** A category and every category below it (codes extend their parent's code). */
  subtreeIds(id: string): string[] | null {
    const root = this.byId.get(id);
    if (!root) return null;
    return this.all.filter((c) => c.code.startsWith(root.code)).map((c) => c.id);
  }
}

async function loadCatalog(db: Db): Promise<Catalog> {
  const rows = await db
    .selectFrom('categories')
    .select([
      'id',
      'code',
      'name',
      'limits',
      'disabled',
      'photo_required as photoRequired',
      'self_handle as selfHandle',
    ])
    .execute();
  return new Catalog(rows.map((r) => ({ ...r, limits: r.limits as Limits })));
}

/**
 * One per process: the few hundred categories every intake and case list reads, kept in memory so neither
 * needs a round trip (or a join) for a category's name, limits or subtree.
 */
export class CategoryCatalog extends VersionedCache<Catalog> {
  constructor(db: Db) {
    super(db, VERSION_KEY, loadCatalog);
  }
}

import { sql } from 'kysely';
import type { Db } from '../../../apps/api/src/db/client.ts';
import { blockRing, latticeCorners, type Corners } from '../point-to-grid.ts';
import { PLACE_WORDS } from './names.ts';
import { uuidFor } from './random.ts';
import type { Scale } from './scales.ts';

export interface GridCell {
  id: string;
  path: string;
  communityId: string;
  communityPath: string;
  communityName: string;
  streetId: string;
  streetName: string;
  /** The cell's four corners (SW, SE, NE, NW) for placing points inside it. */
  quad: [number, number][];
}

export interface CityTree {
  districtId: string;
  grids: GridCell[];
}

/** East of the demo district's 121.35–121.41 so the synthetic grids never overlap the demo ones. */
const WEST = 121.45;
const SOUTH = 31.15;

const polygon = (ring: [number, number][]) => JSON.stringify({ type: 'Polygon', coordinates: [ring] });

/**
 * Streets, communities and grids under the existing district root (so the demo centre accounts see them),
 * tiling one lattice: a street is a band of columns, a community a block of rows inside it.
 */
export async function createOrgTree(db: Db, s: Scale): Promise<CityTree> {
  const root = await db
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .where('level', '=', 'district')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const cols = s.streets * s.gridCols;
  const rows = s.communitiesPerStreet * s.gridRows;
  const corner: Corners = latticeCorners(cols, rows, WEST, SOUTH, 2026);
  const orgs: Record<string, unknown>[] = [];
  const grids: GridCell[] = [];
  let n = 0;
  const word = (i: number) =>
    PLACE_WORDS[i % PLACE_WORDS.length]! +
    (i >= PLACE_WORDS.length ? String(Math.floor(i / PLACE_WORDS.length)) : '');
  for (let si = 0; si < s.streets; si++) {
    const streetId = uuidFor(0x0a, n++);
    const streetPath = `${root.path}${streetId}/`;
    const streetName = `${word(si)}街道（基准）`;
    const streetCode = `BZ${String(si + 1).padStart(3, '0')}`;
    const c0 = si * s.gridCols;
    orgs.push({
      id: streetId,
      parent_id: root.id,
      path: streetPath,
      depth: 1,
      name: streetName,
      code: streetCode,
      level: 'street',
      centre_type: 'street_centre',
      geometry: polygon(blockRing(corner, c0, c0 + s.gridCols, 0, rows)),
      sort_order: 200 + si,
    });
    for (let ci = 0; ci < s.communitiesPerStreet; ci++) {
      const communityId = uuidFor(0x0a, n++);
      const communityPath = `${streetPath}${communityId}/`;
      const communityName = `${word(si * s.communitiesPerStreet + ci + 7)}社区（基准）`;
      const communityCode = `${streetCode}${String(ci + 1).padStart(2, '0')}`;
      const r0 = ci * s.gridRows;
      orgs.push({
        id: communityId,
        parent_id: streetId,
        path: communityPath,
        depth: 2,
        name: communityName,
        code: communityCode,
        level: 'community',
        centre_type: 'community_station',
        geometry: polygon(blockRing(corner, c0, c0 + s.gridCols, r0, r0 + s.gridRows)),
        sort_order: ci,
      });
      for (let gi = 0; gi < s.gridCols * s.gridRows; gi++) {
        const c = c0 + (gi % s.gridCols);
        const r = r0 + Math.floor(gi / s.gridCols);
        const id = uuidFor(0x0a, n++);
        const path = `${communityPath}${id}/`;
        const quad: [number, number][] = [
          corner[r]![c]!,
          corner[r]![c + 1]!,
          corner[r + 1]![c + 1]!,
          corner[r + 1]![c]!,
        ];
        orgs.push({
          id,
          parent_id: communityId,
          path,
          depth: 3,
          name: `${communityName.replace('（基准）', '')}第${gi + 1}网格（基准）`,
          code: `${communityCode}${String(gi + 1).padStart(2, '0')}`,
          level: 'grid',
          centre_type: null,
          geometry: polygon([...quad, quad[0]!]),
          sort_order: gi,
        });
        grids.push({ id, path, communityId, communityPath, communityName, streetId, streetName, quad });
      }
    }
  }
  for (let i = 0; i < orgs.length; i += 500)
    await db
      .insertInto('orgs')
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      .values(orgs.slice(i, i + 500) as any)
      .execute();
  await sql`ANALYZE orgs`.execute(db);
  return { districtId: root.id, grids };
}

/** A point strictly inside a cell: bilinear in its (convex) quadrilateral, away from the edges. */
export function pointIn(quad: [number, number][], u: number, v: number): [number, number] {
  const uu = 0.05 + u * 0.9;
  const vv = 0.05 + v * 0.9;
  const [a, b, c, d] = quad as [[number, number], [number, number], [number, number], [number, number]];
  const x = (1 - vv) * ((1 - uu) * a[0] + uu * b[0]) + vv * ((1 - uu) * d[0] + uu * c[0]);
  const y = (1 - vv) * ((1 - uu) * a[1] + uu * b[1]) + vv * ((1 - uu) * d[1] + uu * c[1]);
  return [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7];
}

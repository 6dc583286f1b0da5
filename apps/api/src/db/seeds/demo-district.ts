/**
 * The demo district 示范区: 3 streets, 12 communities, 60 grids, around lng 121.38, lat 31.11. Polygons are
 * axis-aligned cells that tile each parent exactly, so no two siblings overlap and every grid lies in its
 * community.
 */
export const DEMO_STREETS = [
  { name: '东兴街道', code: 'SF01', communities: ['梅园社区', '桂林苑社区', '康乐社区', '金都社区'] },
  { name: '南华街道', code: 'SF02', communities: ['华杨社区', '春申社区', '锦绣社区', '莲花社区'] },
  { name: '西苑街道', code: 'SF03', communities: ['景谷社区', '平吉社区', '古美社区', '虹梅社区'] },
];

export const DEMO_DEPARTMENTS = [
  { name: '区城管执法局', code: 'SF-CG' },
  { name: '区公安分局', code: 'SF-GA' },
  { name: '区司法局', code: 'SF-SF' },
  { name: '区信访办', code: 'SF-XF' },
  { name: '区民政局', code: 'SF-MZ' },
  { name: '区市场监管局', code: 'SF-SJ' },
  { name: '区住建委', code: 'SF-ZJ' },
  { name: '区生态环境局', code: 'SF-HJ' },
];

export const GRIDS_PER_COMMUNITY = 5;

const WEST = 121.35;
const SOUTH = 31.09;
const STREET_W = 0.02;
const COMMUNITY_W = 0.01;
const COMMUNITY_H = 0.02;

type Ring = [number, number][];
export interface Polygon {
  type: 'Polygon';
  coordinates: Ring[];
}

function rect(w: number, s: number, e: number, n: number): Polygon {
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [r(w), r(s)],
        [r(e), r(s)],
        [r(e), r(n)],
        [r(w), r(n)],
        [r(w), r(s)],
      ],
    ],
  };
}

export function districtPolygon(): Polygon {
  return rect(WEST, SOUTH, WEST + STREET_W * DEMO_STREETS.length, SOUTH + COMMUNITY_H * 2);
}

export function streetPolygon(si: number): Polygon {
  return rect(WEST + si * STREET_W, SOUTH, WEST + (si + 1) * STREET_W, SOUTH + COMMUNITY_H * 2);
}

/** Communities fill a street as a 2×2 block: index 0,1 in the south row, 2,3 in the north row. */
export function communityPolygon(si: number, ci: number): Polygon {
  const w = WEST + si * STREET_W + (ci % 2) * COMMUNITY_W;
  const s = SOUTH + Math.floor(ci / 2) * COMMUNITY_H;
  return rect(w, s, w + COMMUNITY_W, s + COMMUNITY_H);
}

/** Grids are horizontal bands of their community, south to north. */
export function gridPolygon(si: number, ci: number, gi: number): Polygon {
  const w = WEST + si * STREET_W + (ci % 2) * COMMUNITY_W;
  const s = SOUTH + Math.floor(ci / 2) * COMMUNITY_H;
  const h = COMMUNITY_H / GRIDS_PER_COMMUNITY;
  return rect(w, s + gi * h, w + COMMUNITY_W, s + (gi + 1) * h);
}

/**
 * How big a synthetic city is. Grids tile the area as a lattice: each street is a band of columns, each
 * community a block of `gridCols × gridRows` cells inside it.
 */
export interface Scale {
  name: string;
  streets: number;
  communitiesPerStreet: number;
  gridCols: number;
  gridRows: number;
  persons: number;
  houses: number;
  organizations: number;
  cases: number;
  /** Rows generated and copied per round, which bounds the generator's memory. */
  chunk: number;
}

export const SCALES: Record<string, Scale> = {
  tiny: {
    name: 'tiny',
    streets: 2,
    communitiesPerStreet: 2,
    gridCols: 2,
    gridRows: 2,
    persons: 5_000,
    houses: 2_000,
    organizations: 200,
    cases: 4_000,
    chunk: 5_000,
  },
  // 10 streets × 15 communities × 10 grids = 1,500 grids; the figures of a large urban district.
  district: {
    name: 'district',
    streets: 10,
    communitiesPerStreet: 15,
    gridCols: 5,
    gridRows: 2,
    persons: 1_500_000,
    houses: 600_000,
    organizations: 50_000,
    cases: 1_000_000,
    chunk: 50_000,
  },
  // 16 districts' worth of streets (24 M people, 16 M cases over the year): documented in docs/scaling.md,
  // generated chunk by chunk like the others; it needs ~60 GB of disk and hours, not run here.
  city: {
    name: 'city',
    streets: 160,
    communitiesPerStreet: 15,
    gridCols: 5,
    gridRows: 2,
    persons: 24_000_000,
    houses: 9_600_000,
    organizations: 800_000,
    cases: 16_000_000,
    chunk: 100_000,
  },
};

export function gridCount(s: Scale) {
  return s.streets * s.communitiesPerStreet * s.gridCols * s.gridRows;
}

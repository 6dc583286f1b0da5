import { describe, expect, it } from 'vitest';
import { GridIndex, type IndexedGrid } from './grid-index.ts';
import { geometryProblems, isWithin, overlapArea } from './geometry.ts';

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const grid = (id: string, code: string, rings: number[][][]): IndexedGrid => ({
  id,
  code,
  name: code,
  path: `/${id}/`,
  geometry: { type: 'Polygon', coordinates: rings },
});

// Four unit squares meeting at (1,1); B has a hole in its middle.
const A = grid('a', 'G01', [square(0, 0, 1, 1)]);
const B = grid('b', 'G02', [square(1, 0, 2, 1), square(1.4, 0.4, 1.6, 0.6)]);
const C = grid('c', 'G03', [square(0, 1, 1, 2)]);
const D = grid('d', 'G04', [square(1, 1, 2, 2)]);
const index = new GridIndex([D, B, C, A]);

describe('point to grid', () => {
  it('finds the grid a point is inside', () => {
    expect(index.locate(0.5, 0.5)?.id).toBe('a');
    expect(index.locate(1.2, 1.7)?.id).toBe('d');
  });
  it('answers null outside every grid, with the nearest grid and its distance', () => {
    expect(index.locate(3, 0.5)).toBeNull();
    const near = index.nearest(2.001, 0.5);
    expect(near?.grid.id).toBe('b');
    expect(near?.distanceMetres).toBeGreaterThan(90);
    expect(near?.distanceMetres).toBeLessThan(120);
  });
  it('puts a point on a shared edge into exactly one grid, the same one every time', () => {
    const hits = new Set([0, 1, 2, 3, 4].map(() => index.locate(1, 0.5)?.id));
    expect([...hits]).toEqual(['a']);
    // Order of construction does not matter.
    expect(new GridIndex([B, A]).locate(1, 0.5)?.id).toBe('a');
  });
  it('puts a vertex shared by four grids into one of them by the same rule', () => {
    expect(index.locate(1, 1)?.id).toBe('a');
    expect(new GridIndex([D, C, B, A]).locate(1, 1)?.id).toBe('a');
  });
  it('does not put a point in a hole into the grid around it', () => {
    expect(index.locate(1.5, 0.5)).toBeNull();
    expect(index.locate(1.2, 0.5)?.id).toBe('b');
  });
  it('honours a filter (the caller’s scope)', () => {
    expect(index.locate(0.5, 0.5, (g) => g.id !== 'a')).toBeNull();
  });
  it('works with no grids at all', () => {
    const empty = new GridIndex([]);
    expect(empty.locate(0, 0)).toBeNull();
    expect(empty.nearest(0, 0)).toBeNull();
  });
});

describe('boundary checks', () => {
  it('name what is wrong with a boundary', () => {
    expect(geometryProblems({ type: 'Point', coordinates: [0, 0] })[0]).toMatch(/Polygon/);
    expect(
      geometryProblems({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      })[0],
    ).toMatch(/not closed/);
    expect(
      geometryProblems({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      })[0],
    ).toMatch(/at least 4/);
    expect(
      geometryProblems({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [2, 2],
            [2, 0],
            [0, 2],
            [0, 0],
          ],
        ],
      })[0],
    ).toMatch(/crosses itself/);
    expect(
      geometryProblems({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [200, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      })[0],
    ).toMatch(/range/);
    expect(geometryProblems(A.geometry)).toEqual([]);
  });
  it('tell neighbours that touch from grids that overlap', () => {
    expect(overlapArea(A.geometry, B.geometry)).toBe(0);
    const overlapping = grid('x', 'X', [square(0.5, 0.5, 1.5, 1.5)]).geometry;
    expect(overlapArea(A.geometry, overlapping)).toBeGreaterThan(1e9);
  });
  it('tell inside from outside a parent', () => {
    const parent = grid('p', 'P', [square(0, 0, 2, 2)]).geometry;
    expect(isWithin(A.geometry, parent)).toBe(true);
    expect(isWithin(grid('y', 'Y', [square(1.5, 1.5, 2.5, 2.5)]).geometry, parent)).toBe(false);
  });
});

import pg from 'pg';
import { districtTiling, type BenchResult } from './point-to-grid.ts';
import { Rng } from './generate/random.ts';

/**
 * The same point → grid question answered by PostGIS (ST_Contains over a GiST index), where the server has
 * the extension; a scratch schema is made and dropped. Answers null (and says so) where PostGIS is absent.
 */
export async function benchStContains(url: string, points: number): Promise<BenchResult | null> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const has = await c.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'`);
    if (!has.rowCount) {
      console.log('  ST_Contains: PostGIS is not installed on this server; no comparison made');
      return null;
    }
    await c.query('CREATE EXTENSION IF NOT EXISTS postgis');
    await c.query('DROP SCHEMA IF EXISTS bench_geo CASCADE; CREATE SCHEMA bench_geo');
    await c.query('CREATE TABLE bench_geo.grids (id text, geom geometry(Polygon, 4326))');
    for (const g of districtTiling())
      await c.query(`INSERT INTO bench_geo.grids VALUES ($1, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))`, [
        g.id,
        JSON.stringify(g.geometry),
      ]);
    await c.query('CREATE INDEX ON bench_geo.grids USING gist (geom); ANALYZE bench_geo.grids');
    const rng = new Rng(7);
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < points; i++) {
      xs.push(121.3 + rng.next() * 50 * 0.0033);
      ys.push(31.05 + rng.next() * 30 * 0.0031);
    }
    const t = performance.now();
    await c.query(
      `SELECT count(g.id) FROM unnest($1::float8[], $2::float8[]) AS p(x, y)
       JOIN bench_geo.grids g ON ST_Contains(g.geom, ST_SetSRID(ST_MakePoint(p.x, p.y), 4326))`,
      [xs, ys],
    );
    const perSecond = Math.round(points / ((performance.now() - t) / 1000));
    console.log(`  ST_Contains: ${perSecond.toLocaleString('en')} points/s`);
    return {
      name: 'point-to-grid ST_Contains (PostGIS, GiST)',
      value: perSecond,
      unit: 'points/s',
      limit: null,
      ratio: null,
      target: 'reference',
    };
  } finally {
    await c.query('DROP SCHEMA IF EXISTS bench_geo CASCADE').catch(() => undefined);
    await c.end();
  }
}

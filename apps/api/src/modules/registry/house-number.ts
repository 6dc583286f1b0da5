import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

export const PATTERN_KEY = 'registry.house_number_pattern';
/** 示范区 东兴街道 梅园社区 → SF0101-00001 */
export const DEFAULT_PATTERN = '{district}{street}{community}-{seq:5}';

export interface Placement {
  gridId: string | null;
  communityId: string | null;
  streetId: string | null;
  path: string;
  codes: { district: string; street: string; community: string };
}

/** A child's code without its parent's code in front: street SF01 under district SF reads 01. */
const own = (code: string | null | undefined, parent: string | null | undefined) =>
  code && parent && code.startsWith(parent) && code.length > parent.length
    ? code.slice(parent.length)
    : (code ?? '');

/** Grid, community, street and their codes for a grid path (one query). */
export async function placementOf(db: Db, grid: { id: string; path: string }): Promise<Placement> {
  const ancestors = await db
    .selectFrom('orgs')
    .select(['id', 'level', 'code'])
    .where('id', 'in', grid.path.split('/').filter(Boolean))
    .execute();
  const at = (level: string) => ancestors.find((a) => a.level === level);
  const district = at('district')?.code ?? '';
  const street = at('street')?.code ?? '';
  const community = at('community')?.code ?? '';
  return {
    gridId: grid.id,
    communityId: at('community')?.id ?? null,
    streetId: at('street')?.id ?? null,
    path: grid.path,
    codes: { district, street: own(street, district), community: own(community, street) },
  };
}

export async function readPattern(db: Db): Promise<string> {
  const row = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', PATTERN_KEY)
    .executeTakeFirst();
  return row?.value ?? DEFAULT_PATTERN;
}

export async function writePattern(db: Db, pattern: string) {
  await db
    .insertInto('app_meta')
    .values({ key: PATTERN_KEY, value: pattern })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: pattern }))
    .execute();
}

export function formatNumber(pattern: string, codes: Placement['codes'], seq: number): string {
  return pattern
    .replace(/\{district\}/g, codes.district)
    .replace(/\{street\}/g, codes.street)
    .replace(/\{community\}/g, codes.community)
    .replace(/\{seq(?::(\d))?\}/g, (_m, w: string | undefined) => String(seq).padStart(Number(w ?? 1), '0'));
}

/**
 * The next fixed number of a community: the counter row is bumped in the caller's transaction, so two houses
 * registered at once never share a number and a rolled-back registration gives its number back.
 */
export async function nextHouseNumber(db: Db, placement: Placement, count = 1): Promise<string[]> {
  const key = placement.communityId ?? 'none';
  const r = await sql<{ last_value: number }>`
    INSERT INTO house_number_counters (community_key, last_value) VALUES (${key}, ${count})
    ON CONFLICT (community_key) DO UPDATE SET last_value = house_number_counters.last_value + ${count}
    RETURNING last_value`.execute(db);
  const last = r.rows[0]!.last_value;
  const pattern = await readPattern(db);
  return Array.from({ length: count }, (_x, i) =>
    formatNumber(pattern, placement.codes, last - count + 1 + i),
  );
}

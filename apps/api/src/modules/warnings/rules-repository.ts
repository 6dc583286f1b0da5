import { sql } from 'kysely';
import type { WarningSettings } from '@civicgrid/shared/stability';
import type { Db } from '../../db/client.ts';

const DAY = 86_400_000;

/** Located cases of the last D days with their category and the community of their grid. */
export async function recentLocatedCases(db: Db, s: WarningSettings, now: Date) {
  return db
    .selectFrom('cases as c')
    .innerJoin('orgs as g', 'g.id', 'c.grid_id')
    .innerJoin('orgs as cm', 'cm.id', 'g.parent_id')
    .select([
      'c.id',
      'c.number',
      'c.category_id',
      'c.lng',
      'c.lat',
      'c.created_at',
      'cm.id as community_id',
      'cm.path as community_path',
      'cm.name as community_name',
    ])
    .where('c.created_at', '>=', new Date(now.getTime() - s.clusterDays * DAY))
    .where('c.created_at', '<=', now)
    .where('c.lng', 'is not', null)
    .where('c.lat', 'is not', null)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(20000)
    .execute();
}

export async function categoryNames(db: Db, ids: readonly string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('categories')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Matters petitioned N times or more in D days (重复访), with the org that received the latest. */
export async function repeatedMatters(db: Db, s: WarningSettings, now: Date) {
  const r = await sql<{ matter_key: string; n: number; org_id: string; org_path: string; summary: string }>`
    SELECT p.matter_key, count(*)::int AS n,
      (array_agg(p.receiving_org_id ORDER BY p.received_at DESC))[1] AS org_id,
      (array_agg(p.org_path ORDER BY p.received_at DESC))[1] AS org_path,
      (array_agg(p.summary ORDER BY p.received_at DESC))[1] AS summary
    FROM petitions p
    WHERE p.received_at >= ${new Date(now.getTime() - s.repeatDays * DAY)} AND p.received_at <= ${now}
    GROUP BY p.matter_key
    HAVING count(*) >= ${s.repeatPetitions}`.execute(db);
  return r.rows;
}

export async function recentCollectivePetitions(db: Db, now: Date) {
  return db
    .selectFrom('petitions')
    .select(['id', 'number', 'summary', 'people_count', 'receiving_org_id', 'org_path'])
    .where('collective', '=', true)
    .where('received_at', '>=', new Date(now.getTime() - 7 * DAY))
    .where('received_at', '<=', now)
    .execute();
}

export async function openRedRisks(db: Db) {
  return db
    .selectFrom('risk_factors')
    .select(['id', 'number', 'title', 'org_id', 'org_path', 'unit_id'])
    .where('level', '=', 'red')
    .where('status', 'not in', ['resolved', 'occurred'])
    .execute();
}

/** Case ids already in an open case-cluster warning: a cluster that grows raises nothing new. */
export async function casesInOpenClusters(db: Db) {
  const rows = await db
    .selectFrom('stability_warnings')
    .select('data')
    .where('rule', '=', 'case_cluster')
    .where('status', '!=', 'closed')
    .execute();
  const out = new Set<string>();
  for (const r of rows) for (const id of (r.data as { caseIds?: string[] }).caseIds ?? []) out.add(id);
  return out;
}

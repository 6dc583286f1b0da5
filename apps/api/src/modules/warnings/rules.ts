import type { WarningSettings } from '@civicgrid/shared/stability';
import type { Db } from '../../db/client.ts';
import * as q from './rules-repository.ts';
import { registerWarningSource, type WarningCandidate, type WarningSource } from './sources.ts';

/** Metres between two WGS-84 points (haversine); clusters are a few hundred metres, so this is plenty. */
export function metresBetween(a: { lng: number; lat: number }, b: { lng: number; lat: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/**
 * ≥ N cases of one category within R metres in D days (default 5 / 200 m / 7 d): the oldest case not yet in a
 * cluster seeds one, every later case of its category within R of it joins. One warning per cluster, keyed by
 * its seed; cases already in an open cluster warning seed nothing.
 */
async function caseClusters(db: Db, s: WarningSettings, now: Date): Promise<WarningCandidate[]> {
  const cases = await q.recentLocatedCases(db, s, now);
  const taken = await q.casesInOpenClusters(db);
  const out: WarningCandidate[] = [];
  const used = new Set<string>();
  for (const seed of cases) {
    if (used.has(seed.id) || taken.has(seed.id)) continue;
    const members = cases.filter(
      (c) =>
        !used.has(c.id) &&
        !taken.has(c.id) &&
        c.category_id === seed.category_id &&
        metresBetween({ lng: seed.lng!, lat: seed.lat! }, { lng: c.lng!, lat: c.lat! }) <= s.clusterRadiusM,
    );
    if (members.length < s.clusterCount) continue;
    for (const m of members) used.add(m.id);
    const communities = [...new Set(members.map((m) => m.community_id))];
    out.push({
      clusterKey: `case_cluster:${seed.category_id}:${seed.id}`,
      level: 'orange',
      title: `${members.length}件同类事件聚集（${seed.community_name}）`,
      detail: members.map((m) => m.number).join('、'),
      orgId: seed.community_id,
      orgPath: seed.community_path,
      targetOrgIds: communities,
      data: { caseIds: members.map((m) => m.id), categoryId: seed.category_id, count: members.length },
    });
  }
  const names = await q.categoryNames(db, [...new Set(out.map((c) => String(c.data!.categoryId)))]);
  for (const c of out) c.title = `${names.get(String(c.data!.categoryId)) ?? ''}${c.title}`;
  return out;
}

const BUILT_IN: readonly WarningSource[] = [
  { rule: 'case_cluster', module: 'warnings', find: caseClusters },
  {
    rule: 'repeat_petition',
    module: 'warnings',
    async find(db, s, now) {
      return (await q.repeatedMatters(db, s, now)).map((m) => ({
        clusterKey: `repeat_petition:${m.matter_key}`,
        level: 'yellow' as const,
        title: `同一事项${m.n}次信访：${m.summary.slice(0, 40)}`,
        orgId: m.org_id,
        orgPath: m.org_path,
        targetOrgIds: [m.org_id],
        data: { matterKey: m.matter_key, count: m.n },
      }));
    },
  },
  {
    rule: 'collective_petition',
    module: 'warnings',
    async find(db, _s, now) {
      return (await q.recentCollectivePetitions(db, now)).map((p) => ({
        clusterKey: `collective_petition:${p.id}`,
        level: 'orange' as const,
        title: `集体访（${p.people_count}人）：${p.summary.slice(0, 40)}`,
        orgId: p.receiving_org_id,
        orgPath: p.org_path,
        targetOrgIds: [p.receiving_org_id],
        data: { petitionId: p.id, number: p.number },
      }));
    },
  },
  {
    rule: 'red_risk',
    module: 'warnings',
    async find(db) {
      return (await q.openRedRisks(db)).map((r) => ({
        clusterKey: `red_risk:${r.id}`,
        level: 'red' as const,
        title: `红色不稳定因素：${r.title}`,
        orgId: r.org_id,
        orgPath: r.org_path,
        targetOrgIds: [...new Set([r.org_id, r.unit_id ?? r.org_id])],
        data: { riskId: r.id, number: r.number },
      }));
    },
  },
];

export function registerBuiltInWarningSources() {
  for (const s of BUILT_IN) registerWarningSource(s);
}

import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { registerWarningSource, type WarningCandidate, type WarningSource } from '../warnings/sources.ts';

/** A warning names the person by surname and never the category: the warning centre is not the class's. */
const surname = (name: string) => `${name.slice(0, 1)}**`;

/** The responsible unit and, above it, its county (区/县) agency: both must acknowledge (签收). */
async function targetsOf(db: Db, orgId: string) {
  const r = await sql<{ id: string; path: string; county_id: string | null }>`
    SELECT o.id, o.path,
      (SELECT c.id FROM orgs c WHERE c.level = 'district' AND o.path LIKE c.path || '%'
        ORDER BY length(c.path) DESC LIMIT 1) AS county_id
    FROM orgs o WHERE o.id = ${orgId}`.execute(db);
  const o = r.rows[0];
  return o ? { path: o.path, ids: [...new Set([o.id, o.county_id ?? o.id])] } : null;
}

/**
 * 失联 (modules.md §4.3, §4.4 warning_rules "special person lost_contact"): a corrections subject in `lost`
 * raises a red warning to the 司法所 and the county agency, one per loss (keyed by its lose_contact event); a
 * mental patient at risk ≥ 3 with a contact missed past its grace raises an orange one per missed item.
 */
async function find(db: Db): Promise<WarningCandidate[]> {
  const lost = await sql<{ id: string; name: string; org: string; event: string }>`
    SELECT s.id, p.name, s.responsible_org_id AS org,
      (SELECT max(e.id)::text FROM workflow_events e WHERE e.owner_type = 'special_person'
        AND e.owner_id = s.id AND e.action = 'lose_contact') AS event
    FROM special_persons s JOIN persons p ON p.id = s.person_id
    WHERE s.category = 'corrections' AND s.status = 'lost'`.execute(db);
  const missed = await sql<{ id: string; name: string; org: string; due_on: string }>`
    SELECT s.id, p.name, s.responsible_org_id AS org, to_char(m.due_on, 'YYYY-MM-DD') AS due_on
    FROM special_contact_misses m
    JOIN special_persons s ON s.id = m.special_person_id
    JOIN persons p ON p.id = s.person_id
    JOIN workflow_obligations o ON o.owner_type = 'special_person' AND o.owner_id = m.special_person_id
      AND o.rule = m.rule AND o.due_on = m.due_on AND o.done_at IS NULL
    WHERE s.category = 'mental' AND s.risk_level >= 3 AND s.status NOT IN ('ended', 'transferred')`.execute(
    db,
  );
  const out: WarningCandidate[] = [];
  for (const f of lost.rows) {
    const t = await targetsOf(db, f.org);
    if (!t) continue;
    out.push({
      clusterKey: `special_lost:${f.id}:${f.event ?? ''}`,
      level: 'red',
      title: `重点人员失联：${surname(f.name)}`,
      orgId: f.org,
      orgPath: t.path,
      targetOrgIds: t.ids,
      data: { specialPersonId: f.id },
    });
  }
  for (const f of missed.rows) {
    const t = await targetsOf(db, f.org);
    if (!t) continue;
    out.push({
      clusterKey: `special_missed:${f.id}:${f.due_on}`,
      level: 'orange',
      title: `重点人员随访逾期：${surname(f.name)}（应于${f.due_on}）`,
      orgId: f.org,
      orgPath: t.path,
      targetOrgIds: t.ids,
      data: { specialPersonId: f.id, dueOn: f.due_on },
    });
  }
  return out;
}

export const lostContactSource: WarningSource = {
  rule: 'special_lost_contact',
  module: 'special-populations',
  find,
};

export function registerLostContactSource() {
  registerWarningSource(lostContactSource);
}

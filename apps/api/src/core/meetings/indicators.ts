import { sql } from 'kysely';
import type { IndicatorSource } from '../indicators/registry.ts';
import { pathInScope } from '../org-scope.ts';
import type { MeetingSpace } from './spaces.ts';

/**
 * 会议事项按期办结率 (modules.md §4.4 actionOnTime) of one space: decisions done by their deadline ÷ decisions
 * due, where "due" is a deadline inside the period that has passed (or a decision already done). A unit counts
 * the meetings held in its subtree.
 */
export function actionOnTimeSource(space: MeetingSpace, code: string): IndicatorSource {
  return {
    module: space.module,
    indicators: [
      {
        code,
        name: { zh: '会议事项按期办结率', en: 'Meeting decisions done on time' },
        unit: 'rate',
        direction: 'higher',
      },
    ],
    async compute(ctx, q) {
      if (q.units.kind !== 'org' || !q.units.orgIds.length) return new Map();
      const now = ctx.clock.now();
      const r = await sql<{ unit: string; due: number; on_time: number }>`
        SELECT u.id AS unit,
          (count(d.id) FILTER (WHERE d.deadline <= ${now} OR d.status = 'done'))::int AS due,
          (count(d.id) FILTER (WHERE d.status = 'done' AND d.done_at <= d.deadline))::int AS on_time
        FROM orgs u
        LEFT JOIN meeting_decisions d ON d.org_path LIKE u.path || '%' AND d.kind = ANY(${[...space.kinds]})
          AND d.deadline >= ${q.from} AND d.deadline < ${q.to}
        WHERE u.id = ANY(${[...q.units.orgIds]}::uuid[]) AND ${pathInScope(ctx.scope, sql.ref('u.path'))}
        GROUP BY u.id`.execute(ctx.db);
      return new Map(r.rows.map((c) => [c.unit, { [code]: c.due ? c.on_time / c.due : null }]));
    },
  };
}

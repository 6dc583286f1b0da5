import { DEFAULT_HOURS, addWorkingDays, type CalendarData } from '../calendar.ts';
import type { Db } from '../../db/client.ts';
import { likePrefix } from '../like.ts';
import { endOfLocalDay } from '../workflow/clocks.ts';
import type { ReturnKindDef } from './kinds.ts';
import { currentPeriod } from './settings.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** How the past campaign's returns are spread over the units: every state there is. */
const PAST = ['submitted', 'zero', 'submitted_late', 'late', 'zero', 'submitted'] as const;

async function calendarOf(tx: Db): Promise<CalendarData> {
  const days = await tx.selectFrom('calendar_days').select(['day', 'is_workday']).execute();
  return { overrides: new Map(days.map((d) => [d.day, d.is_workday])), ...DEFAULT_HOURS };
}

/**
 * A kind's part of the demo district: the previous period, issued by the district to every unit of the kind's
 * levels, with returns in every state (on time with the records found, zero reports, filed late, still
 * missing), and the current period open, a few units already filed and the first community still to file.
 */
export async function seedDemoReturns(
  tx: Db,
  now: Date,
  def: ReturnKindDef,
  names: { past: string; current: string },
  cadence: 'weekly' | 'monthly',
) {
  const district = await tx
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!district) return;
  const units = await tx
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'level'])
    .where('path', 'like', likePrefix(district.path))
    .where('level', 'in', [...def.defaultUnitLevels])
    .where('disabled', '=', false)
    .orderBy('sort_order')
    .orderBy('path')
    .execute();
  if (!units.length) return;
  const cal = await calendarOf(tx);
  const cur = currentPeriod(cadence, now);
  const prev = currentPeriod(cadence, new Date(Date.parse(`${cur.start}T00:00:00Z`) - DAY));
  // The demo `community` login's unit keeps its current return to file.
  const mine = await tx
    .selectFrom('users')
    .select('org_id')
    .where('username', '=', 'community')
    .executeTakeFirst();
  for (const [p, name, past] of [
    [prev, names.past, true],
    [cur, names.current, false],
  ] as const) {
    const dueAt = addWorkingDays(
      cal,
      new Date(endOfLocalDay(p.end).getTime() - 12 * HOUR),
      def.defaultDueWorkingDays,
    );
    const c = await tx
      .insertInto('return_campaigns')
      .values({
        kind: def.kind,
        name,
        period_start: p.start,
        period_end: p.end,
        due_at: dueAt,
        issuer_id: district.id,
        issuer_path: district.path,
        unit_levels: [...def.defaultUnitLevels],
        instructions:
          def.kind === 'screening'
            ? '各街道、社区全面排查矛盾纠纷，逐件登记，无则零报告。'
            : '各社区按期报送本周不稳定因素，无则零报告。',
        created_at: new Date(Date.parse(`${p.start}T01:00:00Z`)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const from = new Date(endOfLocalDay(p.start).getTime() - DAY);
    const to = endOfLocalDay(p.end);
    for (const [i, u] of units.entries()) {
      // The current period: the first community still has to file (the demo `community` login); some have.
      let state: string = past
        ? PAST[i % PAST.length]!
        : u.id !== mine?.org_id && i % 3 === 1
          ? 'zero'
          : 'due';
      const found =
        state === 'submitted' || state === 'submitted_late' ? await def.candidates(tx, u.path, from, to) : [];
      if (state === 'submitted' && !found.length) state = 'zero';
      const filed = state !== 'due' && state !== 'late';
      const filedAt =
        state === 'submitted_late'
          ? new Date(dueAt.getTime() + DAY)
          : new Date(Math.min(dueAt.getTime() - 2 * HOUR, now.getTime() - HOUR));
      const zero = state === 'zero' || (state === 'submitted_late' && !found.length);
      const r = await tx
        .insertInto('unit_returns')
        .values({
          campaign_id: c.id,
          org_id: u.id,
          org_path: u.path,
          status: state,
          zero,
          statement: zero
            ? `经排查，${u.name}本期未发现${def.kind === 'screening' ? '矛盾纠纷' : '不稳定因素'}。`
            : null,
          submitted_at: filed ? filedAt : null,
          submitted_by_name: filed ? `${u.name}信息员` : null,
          late_notified_at: state === 'late' ? new Date(dueAt.getTime() + 5 * 60_000) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (found.length && !zero)
        await tx
          .insertInto('unit_return_items')
          .values(
            found.map((f) => ({
              return_id: r.id,
              record_type: def.itemType,
              record_id: f.id,
              label: f.label,
            })),
          )
          .execute();
    }
  }
}

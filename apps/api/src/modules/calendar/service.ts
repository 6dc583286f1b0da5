import { sql } from 'kysely';
import { audit } from '../../core/audit.ts';
import { addWorkingDays, addWorkingMinutes, formatHHMM, isWorkday, parseHHMM } from '../../core/calendar.ts';
import { inTransaction, type RequestContext, type SignedInContext } from '../../core/context.ts';
import { badRequest } from '../../core/errors.ts';
import { bumpCalendarVersion } from './calendar-provider.ts';

/** A year of the calendar: every day that differs from Monday–Friday, plus the working hours. */
export async function getYear(ctx: SignedInContext, year: number) {
  const cal = await ctx.calendar.get(ctx.db);
  const days = await ctx.db
    .selectFrom('calendar_days')
    .select(['day', 'is_workday as isWorkday', 'name', 'source'])
    .where(sql<boolean>`day >= ${`${year}-01-01`}::date AND day <= ${`${year}-12-31`}::date`)
    .orderBy('day')
    .execute();
  return {
    year,
    workStart: formatHHMM(cal.workStart),
    workEnd: formatHHMM(cal.workEnd),
    days,
    known: days.some((d) => d.source === 'chinese-days'),
    /** Only the statutory days off so far: the year's published schedule (with 调休) is not in yet. */
    provisional: days.some((d) => d.source === 'statutory'),
  };
}

export async function setDay(
  ctx: SignedInContext,
  day: string,
  input: { isWorkday: boolean; name?: string | null | undefined },
) {
  await inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('calendar_days')
      .select(['is_workday', 'name'])
      .where('day', '=', day)
      .executeTakeFirst();
    await tx.db
      .insertInto('calendar_days')
      .values({
        day,
        is_workday: input.isWorkday,
        name: input.name ?? null,
        source: 'admin',
        updated_at: tx.clock.now(),
      })
      .onConflict((oc) =>
        oc.column('day').doUpdateSet({
          is_workday: input.isWorkday,
          name: input.name ?? null,
          source: 'admin',
          updated_at: tx.clock.now(),
        }),
      )
      .execute();
    await bumpCalendarVersion(tx.db);
    await audit(tx, {
      action: 'calendar.day',
      entityType: 'calendar',
      entityId: day,
      summary: `${day} is now a ${input.isWorkday ? 'working day' : 'day off'}${input.name ? ` (${input.name})` : ''}`,
      before: before ?? null,
      after: { is_workday: input.isWorkday, name: input.name ?? null },
    });
  });
  ctx.calendar.invalidate();
}

/** Back to the plain rule for that day (weekday worked, weekend off). */
export async function clearDay(ctx: SignedInContext, day: string) {
  await inTransaction(ctx, async (tx) => {
    const r = await tx.db.deleteFrom('calendar_days').where('day', '=', day).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw badRequest('day', 'that day has no entry to remove');
    await bumpCalendarVersion(tx.db);
    await audit(tx, {
      action: 'calendar.day_clear',
      entityType: 'calendar',
      entityId: day,
      summary: `${day} follows the weekday rule again`,
    });
  });
  ctx.calendar.invalidate();
}

export async function setHours(ctx: SignedInContext, input: { workStart: string; workEnd: string }) {
  if (parseHHMM(input.workEnd) <= parseHHMM(input.workStart))
    throw badRequest('workEnd', 'must be after workStart');
  await inTransaction(ctx, async (tx) => {
    for (const [key, value] of [
      ['work_start', input.workStart],
      ['work_end', input.workEnd],
    ] as const) {
      await tx.db
        .insertInto('app_meta')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    }
    await bumpCalendarVersion(tx.db);
    await audit(tx, {
      action: 'calendar.hours',
      entityType: 'calendar',
      summary: `working hours ${input.workStart}–${input.workEnd}`,
      after: input,
    });
  });
  ctx.calendar.invalidate();
}

/** A deadline preview: what a limit of N working hours or days from a moment comes to. */
export async function deadline(
  ctx: RequestContext,
  from: Date,
  limit: { workingHours?: number | undefined; workingDays?: number | undefined },
) {
  const cal = await ctx.calendar.get(ctx.db);
  const due =
    limit.workingDays !== undefined
      ? addWorkingDays(cal, from, limit.workingDays)
      : addWorkingMinutes(cal, from, (limit.workingHours ?? 0) * 60);
  return {
    from: from.toISOString(),
    deadline: due.toISOString(),
    fromIsWorkday: isWorkday(cal, from.toISOString().slice(0, 10)),
  };
}

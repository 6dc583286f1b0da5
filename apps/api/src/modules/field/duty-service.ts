import { DUTY_DAYS } from '@civicgrid/shared/field';
import { audit } from '../../core/audit.ts';
import { isWorkday, localDay, type CalendarData } from '../../core/calendar.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest } from '../../core/errors.ts';
import { dutySigninOf, insertDutySignin } from './duty-repository.ts';

const DAY_MS = 86_400_000;
const addDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** 逢五进站 days of a month: the 5th, 15th and 25th; one falling on a day off moves to the next working day. */
export function dutyDaysOf(cal: CalendarData, month: string): string[] {
  return DUTY_DAYS.map((d) => {
    let day = `${month}-${String(d).padStart(2, '0')}`;
    while (!isWorkday(cal, day)) day = addDay(day);
    return day;
  });
}

/** Today's duty day and the next one on or after today (this month or the next). */
export async function dutyOf(ctx: SignedInContext) {
  const cal = await ctx.calendar.get(ctx.db);
  const today = localDay(ctx.clock.now());
  const month = today.slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const days = [...dutyDaysOf(cal, month), ...dutyDaysOf(cal, next)];
  const nextDay = days.find((d) => d >= today)!;
  const signin = nextDay === today ? await dutySigninOf(ctx.db, ctx.user.id, today) : undefined;
  return {
    today,
    isDutyDay: nextDay === today,
    nextDutyDay: nextDay,
    signedInAt: signin ? new Date(signin.signed_in_at).toISOString() : null,
  };
}

/** Sign-in at the station on a duty day; on any other day 400 naming `day`. Twice the same day: the first stands. */
export async function dutySignin(
  ctx: SignedInContext,
  input: { lng?: number | undefined; lat?: number | undefined },
) {
  const duty = await dutyOf(ctx);
  if (!duty.isDutyDay)
    throw badRequest('day', `today is not a station duty day; the next is ${duty.nextDutyDay}`);
  if (!duty.signedInAt)
    await inTransaction(ctx, async (tx) => {
      await insertDutySignin(tx.db, {
        orgId: ctx.user.orgId,
        orgPath: ctx.user.orgPath,
        userId: ctx.user.id,
        day: duty.today,
        at: ctx.clock.now(),
        lng: input.lng ?? null,
        lat: input.lat ?? null,
      });
      await audit(tx, {
        action: 'field.duty.signin',
        entityType: 'field_duty',
        orgId: ctx.user.orgId,
        summary: `进站签到 ${duty.today}`,
      });
    });
  return dutyOf(ctx);
}

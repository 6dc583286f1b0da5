import { localDay } from '../../core/calendar.ts';
import {
  registerIndicatorSource,
  type IndicatorDef,
  type IndicatorSource,
} from '../../core/indicators/registry.ts';
import { shanghaiInstant } from './coverage.ts';
import { postsAndShifts, volunteerCounts } from './indicator-repository.ts';
import { postCoverage } from './post-service.ts';

const def = (code: string, zh: string, en: string, unit: 'count' | 'rate') =>
  ({ code: `volunteers.${code}`, name: { zh, en }, unit, direction: 'higher' }) as const;

/** modules.md §4.6 indicators, counted from the roster and sign-ins (never copied figures). */
export const VOLUNTEER_INDICATORS = [
  def('registered', '在册志愿者数', 'Volunteers registered', 'count'),
  def('certifiedRate', '持证率', 'Certified rate', 'rate'),
  def('active', '活跃志愿者数（90天内签到）', 'Active volunteers (signed in within 90 days)', 'count'),
  def('serviceHours', '服务时长（小时）', 'Service hours', 'count'),
  def('shiftFillRate', '班次满员率', 'Shift fill rate', 'rate'),
  def('signinRate', '签到率', 'Sign-in rate', 'rate'),
  def('postCoverage', '岗位覆盖率', 'Post coverage', 'rate'),
] as const satisfies readonly IndicatorDef[];

const ratio = (a: number, b: number) => (b ? a / b : null);
const DAY = 86_400_000;

export const volunteerIndicatorSource: IndicatorSource = {
  module: 'volunteers',
  indicators: VOLUNTEER_INDICATORS,
  async compute(ctx, q) {
    if (q.units.kind !== 'org') return new Map();
    const orgIds = q.units.orgIds;
    const lastDay = localDay(new Date(q.to.getTime() - 1));
    const counts = await volunteerCounts(ctx, q, orgIds, lastDay);
    // Post coverage: covered ÷ required hours of every post of the unit, over the whole Shanghai days of the period.
    const fromDay = localDay(q.from);
    const days = Math.max(
      1,
      Math.round(
        (shanghaiInstant(localDay(q.to), 0).getTime() - shanghaiInstant(fromDay, 0).getTime()) / DAY,
      ),
    );
    const { posts, shifts, units } = await postsAndShifts(ctx, orgIds, q.from, q.to);
    const coverage = new Map<string, { covered: number; required: number }>();
    for (const u of units) {
      const c = { covered: 0, required: 0 };
      for (const p of posts.filter((x) => x.org_path.startsWith(u.path))) {
        const x = postCoverage(p, shifts, fromDay, days);
        c.covered += x.coveredHours;
        c.required += x.requiredHours;
      }
      coverage.set(u.id, c);
    }
    return new Map(
      counts.map((c) => {
        const cov = coverage.get(c.unit) ?? { covered: 0, required: 0 };
        return [
          c.unit,
          {
            'volunteers.registered': c.registered,
            'volunteers.certifiedRate': ratio(c.certified, c.registered),
            'volunteers.active': c.active,
            'volunteers.serviceHours': Math.round(c.serviceHours * 100) / 100,
            'volunteers.shiftFillRate': ratio(c.filled, c.slots),
            'volunteers.signinRate': ratio(c.signedIn, c.assigned),
            'volunteers.postCoverage': ratio(cov.covered, cov.required),
          },
        ];
      }),
    );
  },
};

export function registerVolunteerIndicators() {
  registerIndicatorSource(volunteerIndicatorSource);
}

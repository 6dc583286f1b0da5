import { systemScope } from '../../core/org-scope.ts';
import type { Sweep } from '../../core/sweeps.ts';
import { previousMonth } from './period.ts';
import { generateReport, sweepUnits } from './report-service.ts';
import { periodRange } from './period.ts';

/**
 * From the 1st of each month (China time), last month's reports for the district and every street. Each round
 * makes only the files still missing (or made before the month ended), so it is idempotent and a round that
 * runs twice, or on the 2nd after a day of downtime, does the right thing.
 */
export const monthlyReportSweep: Sweep = {
  name: 'monthly-reports',
  everyMs: 30 * 60_000,
  async run(db, now) {
    const month = previousMonth(now);
    const { to } = periodRange('month', month, 'month');
    const ctx = { db, scope: systemScope(), clock: { now: () => now } };
    const done = new Set(
      (
        await db
          .selectFrom('report_files')
          .select(['org_id', 'format'])
          .where('month', '=', month)
          .where('generated_at', '>=', to)
          .execute()
      ).map((r) => `${r.org_id}:${r.format}`),
    );
    let made = 0;
    for (const unit of await sweepUnits(ctx)) {
      if (done.has(`${unit.id}:xlsx`) && done.has(`${unit.id}:pdf`)) continue;
      await generateReport(ctx, unit.id, month, { source: 'sweep', userId: null });
      made++;
    }
    return made;
  },
};

import type { Db } from '../../db/client.ts';
import type { SignedInContext } from '../../core/context.ts';
import { systemClock } from '../../core/clock.ts';
import { scopeOfOrg } from '../../core/org-scope.ts';
import { GridLocator } from '../../core/geo/grid-locator.ts';
import { CalendarProvider } from '../calendar/calendar-provider.ts';
import { CategoryCatalog } from '../cases/category-catalog.ts';
import { BUILTIN_ROLES } from '@civicgrid/shared/roles';
import type { Permission } from '@civicgrid/shared/permissions';
import { createScheme } from './scheme-service.ts';
import { computePeriod } from './compute-service.ts';
import { putScores, setPublished } from './result-service.ts';
import { previousMonth } from './period.ts';
import { findPeriod } from './compute-service.ts';

const COMMENTS = ['台账规范，群众评价好', '按时参加例会，工作扎实', '入户走访偏少，需加强', '材料齐全'];

/**
 * Two demo schemes set up by the demo centre leader: streets (case indicators and a manual score for
 * 群众工作) and communities (case indicators only), with last month computed and published.
 */
export async function seedDemoAssessment(db: Db): Promise<void> {
  const leader = await db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.username', 'u.display_name', 'o.id as org_id', 'o.path', 'o.name', 'o.level'])
    .where('u.username', '=', 'leader')
    .executeTakeFirst();
  if (!leader) return;
  const role = BUILTIN_ROLES.find((r) => r.code === 'centre_leader')!;
  const ctx: SignedInContext = {
    db,
    user: {
      id: leader.id,
      username: leader.username,
      displayName: leader.display_name,
      orgId: leader.org_id,
      orgPath: leader.path,
      orgName: leader.name,
      orgLevel: leader.level,
      mustChangePassword: false,
      pendingSecondFactor: false,
      mustEnrolSecondFactor: false,
      permissions: new Set<Permission>(role.permissions),
      sessionId: '',
      csrfToken: '',
    },
    scope: scopeOfOrg({ id: leader.org_id, path: leader.path }),
    clock: systemClock,
    grids: new GridLocator(db),
    calendar: new CalendarProvider(db),
    categories: new CategoryCatalog(db),
    ip: null,
    userAgent: null,
  };
  const month = previousMonth(systemClock.now());

  const streets = await createScheme(ctx, {
    name: '街道月度考核（演示）',
    periodType: 'month',
    assesseeKind: 'street',
    description: '按结案率、按期结案率、满意率和群众工作评分考核各街道。',
    indicators: [
      {
        kind: 'computed',
        name: '结案率',
        metric: 'closureRate',
        direction: 'higher',
        target: 0.95,
        rule: 'linear',
        weight: 30,
      },
      {
        kind: 'computed',
        name: '按期结案率',
        metric: 'onTimeClosureRate',
        direction: 'higher',
        target: 0.9,
        rule: 'linear',
        weight: 25,
      },
      {
        kind: 'computed',
        name: '返工率',
        metric: 'reworkRate',
        direction: 'lower',
        target: 0.05,
        rule: 'linear',
        weight: 10,
      },
      {
        kind: 'computed',
        name: '满意率',
        metric: 'satisfactionRate',
        direction: 'higher',
        target: 0.9,
        rule: 'linear',
        weight: 15,
      },
      { kind: 'manual', name: '群众工作', maxScore: 20, weight: 20 },
    ],
  });
  await computePeriod(ctx, streets.id, month);
  const manual = streets.indicators.find((i) => i.kind === 'manual')!;
  const rows = await db
    .selectFrom('assessment_assessees as a')
    .innerJoin('assessment_periods as p', 'p.id', 'a.period_id')
    .select(['a.assessee_id', 'a.name'])
    .where('p.scheme_id', '=', streets.id)
    .orderBy('a.name')
    .execute();
  await putScores(ctx, streets.id, month, {
    scores: rows.map((r, i) => ({
      indicatorId: manual.id,
      assesseeId: r.assessee_id,
      score: 18 - i * 1.5,
      comment: COMMENTS[i % COMMENTS.length]!,
    })),
  });
  await setPublished(ctx, streets.id, month, (await findPeriod(ctx, streets.id, month)).version, true);

  const communities = await createScheme(ctx, {
    name: '社区月度考核（演示）',
    periodType: 'month',
    assesseeKind: 'community',
    indicators: [
      {
        kind: 'computed',
        name: '立案率',
        metric: 'registrationRate',
        direction: 'higher',
        target: 0.95,
        rule: 'linear',
        weight: 20,
      },
      {
        kind: 'computed',
        name: '结案率',
        metric: 'closureRate',
        direction: 'higher',
        target: 0.9,
        rule: 'linear',
        weight: 40,
      },
      {
        kind: 'computed',
        name: '满意率',
        metric: 'satisfactionRate',
        direction: 'higher',
        target: 0.85,
        rule: 'threshold',
        weight: 40,
      },
    ],
  });
  await computePeriod(ctx, communities.id, month);
  await setPublished(
    ctx,
    communities.id,
    month,
    (await findPeriod(ctx, communities.id, month)).version,
    true,
  );
}

import { sql } from 'kysely';
import {
  DEFAULT_SUBSIDY_RULES as RULES,
  starMultiplier,
  subsidyAmount,
  tierOf,
} from '@civicgrid/shared/mediation-pay';
import { systemScope } from '../../core/org-scope.ts';
import type { Db } from '../../db/client.ts';
import { periodOf, periodRange, previousPeriod } from '../assessment/period.ts';
import { draftQuarter } from './rating-service.ts';

const DAY = 86_400_000;

/**
 * The demo's stars and subsidies: last quarter's ratings drafted by the rule and confirmed by the 司法所 (one
 * raised with a reason), its subsidies approved; the running quarter's drafts and proposed subsidies waiting
 * for review. Runs after the disputes (seedDemoMediation), from the same counts the screens show.
 */
export async function seedDemoStars(tx: Db, now: Date) {
  const current = periodOf('quarter', now);
  const last = previousPeriod('quarter', current);
  const office = await tx
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.display_name', 'o.path'])
    .where('u.username', '=', 'sfs')
    .executeTakeFirst();
  const confirmedAt = new Date(periodRange('quarter', current).from.getTime() + 3 * DAY);

  await draftQuarter(tx, systemScope(), last, confirmedAt);
  const drafts = await tx
    .selectFrom('mediator_ratings')
    .select([
      'id',
      'mediator_id',
      'rule_stars',
      'org_path',
      sql<number>`(counts->>'concluded')::int`.as('concluded'),
    ])
    .where('quarter', '=', last)
    .orderBy('id')
    .execute();
  // The demo office raises the busiest mediator of its street below 5 stars by one, with its reason; the rest
  // keep the rule's.
  const busiest = drafts
    .filter((d) => d.rule_stars < 5 && (!office || d.org_path.startsWith(office.path)))
    .sort((x, y) => y.concluded - x.concluded)[0];
  for (const d of drafts) {
    const raised = d === busiest && d.concluded > 0;
    const stars = raised ? d.rule_stars + 1 : d.rule_stars;
    await tx
      .updateTable('mediator_ratings')
      .set({
        status: 'confirmed',
        stars,
        reason: raised ? '群众评价好，多次上门化解邻里纠纷，酌情上调一星' : null,
        confirmed_by: office?.id ?? null,
        confirmed_by_name: office?.display_name ?? '司法所（演示）',
        confirmed_at: confirmedAt,
        version: 2,
      })
      .where('id', '=', d.id)
      .execute();
    await tx.updateTable('mediators').set({ stars }).where('id', '=', d.mediator_id).execute();
  }
  await draftQuarter(tx, systemScope(), current, now);

  // One subsidy per agreed dispute of the two quarters, for its first mediator at their current star.
  const { from } = periodRange('quarter', last);
  const agreed = await tx
    .selectFrom('disputes as d')
    .innerJoin('mediators as m', (j) => j.on(sql<boolean>`m.id = d.mediator_ids[1]`))
    .leftJoin('mediation_agreements as a', 'a.dispute_id', 'd.id')
    .select([
      'd.id',
      'd.type',
      'd.people_involved',
      'd.amount_involved',
      'd.risk_level',
      'd.agreed_at',
      'a.form',
      'm.id as mediator_id',
      'm.body_id',
      'm.org_path',
      'm.stars',
    ])
    .where('d.conclusion', '=', 'agreed')
    .where('d.agreed_at', '>=', from)
    .where('d.agreed_at', '<=', now)
    .execute();
  const rows = agreed.map((d) => {
    const quarter = periodOf('quarter', d.agreed_at!);
    const tier = tierOf(
      {
        type: d.type,
        peopleInvolved: d.people_involved,
        amountInvolved: d.amount_involved,
        riskLevel: d.risk_level,
        oral: d.form === 'oral',
      },
      RULES,
    );
    const decided = quarter === last;
    return {
      dispute_id: d.id,
      mediator_id: d.mediator_id,
      body_id: d.body_id,
      org_path: d.org_path,
      quarter,
      tier,
      proposed_tier: tier,
      base_amount: RULES.base[tier],
      stars: d.stars,
      multiplier: starMultiplier(d.stars, RULES),
      amount: subsidyAmount(tier, d.stars, RULES),
      status: decided ? 'approved' : 'proposed',
      proposed_at: d.agreed_at!,
      decided_by: decided ? (office?.id ?? null) : null,
      decided_by_name: decided ? (office?.display_name ?? '司法所（演示）') : null,
      decided_at: decided ? confirmedAt : null,
      version: decided ? 2 : 1,
    };
  });
  if (rows.length) await tx.insertInto('mediation_subsidies').values(rows).execute();
  return { ratings: drafts.length, subsidies: rows.length };
}

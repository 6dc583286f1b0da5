import type { Db } from '../db/client.ts';
import type { Subtree } from './factories.ts';
import { dispute, mediationBody, mediator } from './factories-mediation.ts';

/** Factories of 星级调解员 and 以案定补: a draft rating and a proposed subsidy of a street's own body. */

export async function ratingOf(
  db: Db,
  m: { id: string },
  body: { id: string; org_path: string },
  quarter = '2026-Q3',
) {
  return db
    .insertInto('mediator_ratings')
    .values({
      mediator_id: m.id,
      quarter,
      body_id: body.id,
      org_path: body.org_path,
      counts: JSON.stringify({
        concluded: 0,
        succeeded: 0,
        failed: 0,
        onTime: 0,
        performed: 0,
        breached: 0,
        complaints: 0,
      }),
      rule_stars: 1,
      drafted_at: new Date(),
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export async function subsidyOf(
  db: Db,
  m: { id: string },
  body: { id: string; org_id: string; org_path: string },
  over: { quarter?: string; amount?: number; status?: string } = {},
) {
  const d = await dispute(db, body, { status: 'agreed', conclusion: 'agreed', mediatorIds: [m.id] });
  return db
    .insertInto('mediation_subsidies')
    .values({
      dispute_id: d.id,
      mediator_id: m.id,
      body_id: body.id,
      org_path: body.org_path,
      quarter: over.quarter ?? '2026-Q4',
      tier: 'ordinary',
      proposed_tier: 'ordinary',
      base_amount: over.amount ?? 200,
      stars: null,
      multiplier: 1,
      amount: over.amount ?? 200,
      status: over.status ?? 'proposed',
      proposed_at: new Date(),
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** For the route matrix: a street's own body with a mediator, a draft rating and a proposed subsidy. */
export async function starsIn(db: Db, at: Subtree) {
  const body = await mediationBody(db, at.street);
  const m = await mediator(db, body);
  return { rating: await ratingOf(db, m, body), subsidy: await subsidyOf(db, m, body) };
}

import type { ReturnKind } from '@civicgrid/shared/returns';
import type { Db } from '../db/client.ts';
import type { Subtree } from './factories.ts';

/**
 * A campaign of `kind` issued by the subtree's street to its community, due in a week, with the community's
 * one return (straight into the tables: set-up, not the use case).
 */
export async function returnsIn(db: Db, at: Subtree, kind: ReturnKind, name = '测试报送') {
  const c = await db
    .insertInto('return_campaigns')
    .values({
      kind,
      name,
      period_start: '2026-03-02',
      period_end: '2026-03-08',
      due_at: new Date(Date.now() + 7 * 86_400_000),
      issuer_id: at.street.id,
      issuer_path: at.street.path,
      unit_levels: ['community'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const r = await db
    .insertInto('unit_returns')
    .values({ campaign_id: c.id, org_id: at.community.id, org_path: at.community.path })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { campaign: c.id, ret: r.id };
}

/** The route-matrix records of both kinds of return in the subtree, by aggregate. */
export async function returnRecordsIn(db: Db, at: Subtree) {
  const s = await returnsIn(db, at, 'screening');
  const w = await returnsIn(db, at, 'stability');
  return {
    'mediation/screening/campaigns': s.campaign,
    'mediation/screening/returns': s.ret,
    'stability/reporting/campaigns': w.campaign,
    'stability/reporting/returns': w.ret,
  };
}

import { seedDemoReturns } from '../../core/returns/demo-seed.ts';
import type { Db } from '../../db/client.ts';
import { SCREENING_RETURNS } from './screening-returns.ts';

/** 矛盾纠纷排查 of 示范区: last month's campaign in every state, this month's open. */
export function seedDemoScreening(tx: Db, now: Date) {
  return seedDemoReturns(
    tx,
    now,
    SCREENING_RETURNS,
    { past: '上月矛盾纠纷大排查', current: '本月矛盾纠纷大排查' },
    'monthly',
  );
}

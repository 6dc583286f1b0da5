import { seedDemoReturns } from '../../core/returns/demo-seed.ts';
import type { Db } from '../../db/client.ts';
import { STABILITY_RETURNS } from './info-returns.ts';

/** 维稳信息报送 of 示范区: last week's period in every state, this week's open. */
export function seedDemoStabilityReturns(tx: Db, now: Date) {
  return seedDemoReturns(
    tx,
    now,
    STABILITY_RETURNS,
    { past: '上周维稳信息周报', current: '本周维稳信息周报' },
    'weekly',
  );
}

import {
  DEFAULT_RATING_RULES,
  DEFAULT_SUBSIDY_RULES,
  ratingRules,
  subsidyRules,
  type RatingRules,
  type SubsidyRules,
} from '@civicgrid/shared/mediation-pay';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import type { Db } from '../../db/client.ts';
import { readSetting, writeSetting } from './repository.ts';

/**
 * The district's star thresholds and subsidy table (no law fixes them, so they are settings). A stored value that
 * no longer parses (an older shape) falls back to the defaults rather than failing the sweep.
 */
export interface PaySettings {
  rating: RatingRules;
  subsidy: SubsidyRules;
}
const RATING_KEY = 'mediation_rating_rules';
const SUBSIDY_KEY = 'mediation_subsidy_rules';

function parsed<T>(
  raw: string | null,
  schema: { safeParse(v: unknown): { success: boolean; data?: T } },
  fallback: T,
) {
  if (!raw) return fallback;
  try {
    const r = schema.safeParse(JSON.parse(raw));
    return r.success ? (r.data as T) : fallback;
  } catch {
    return fallback;
  }
}

export async function paySettings(db: Db): Promise<PaySettings> {
  return {
    rating: parsed(await readSetting(db, RATING_KEY), ratingRules, DEFAULT_RATING_RULES),
    subsidy: parsed(await readSetting(db, SUBSIDY_KEY), subsidyRules, DEFAULT_SUBSIDY_RULES),
  };
}

/** Applies to drafts and proposals made from now on; confirmed ratings and decided subsidies keep their figures. */
export async function setPaySettings(ctx: SignedInContext, input: Partial<PaySettings>) {
  return inTransaction(ctx, async (tx) => {
    const before = await paySettings(tx.db);
    if (input.rating) await writeSetting(tx.db, RATING_KEY, JSON.stringify(input.rating));
    if (input.subsidy) await writeSetting(tx.db, SUBSIDY_KEY, JSON.stringify(input.subsidy));
    const after = await paySettings(tx.db);
    await audit(tx, {
      action: 'mediation.pay_settings',
      entityType: 'app_meta',
      entityId: 'mediation-pay',
      summary: 'star thresholds and subsidy table',
      before,
      after,
    });
    return after;
  });
}

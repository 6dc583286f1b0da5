import { DEFAULT_REFERRAL_RESPONSE_DAYS } from '@civicgrid/shared/records';
import { audit } from '../audit.ts';
import { inTransaction, type SignedInContext } from '../context.ts';
import type { Db } from '../../db/client.ts';

const KEY = 'referral_response_days';

/** The district's answer time for referrals in working days (app_meta), or the default of 3. */
export async function responseDays(db: Db): Promise<number> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', KEY).executeTakeFirst();
  const n = Number(row?.value);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_REFERRAL_RESPONSE_DAYS;
}

export async function referralSettings(ctx: SignedInContext) {
  return { responseDays: await responseDays(ctx.db) };
}

/** Applies to referrals sent from now on; those waiting keep the due time they were sent with. */
export async function setReferralSettings(ctx: SignedInContext, input: { responseDays: number }) {
  return inTransaction(ctx, async (tx) => {
    const before = await responseDays(tx.db);
    await tx.db
      .insertInto('app_meta')
      .values({ key: KEY, value: String(input.responseDays) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(input.responseDays) }))
      .execute();
    await audit(tx, {
      action: 'referral.settings',
      entityType: 'app_meta',
      entityId: KEY,
      summary: `referrals are answered within ${input.responseDays} working days`,
      before: { responseDays: before },
      after: { responseDays: input.responseDays },
    });
    return { responseDays: input.responseDays };
  });
}

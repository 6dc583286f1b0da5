import { DEFAULT_CALLBACK_DAYS } from '@civicgrid/shared/case-return-visit';
import { audit } from '../../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../../core/context.ts';
import type { Db } from '../../../db/client.ts';
import { readCaseSetting, writeCaseSetting } from './callback-repository.ts';

const KEY = 'case_callback_days';

/** Working days the centre has to call back an unsatisfied reporter (app_meta), or the default of 2. */
export async function callbackDays(db: Db): Promise<number> {
  const n = Number(await readCaseSetting(db, KEY));
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_CALLBACK_DAYS;
}

export async function returnVisitSettings(ctx: SignedInContext) {
  return { callbackDays: await callbackDays(ctx.db) };
}

/** Applies to call-backs opened from now on; open ones keep the due time they were opened with. */
export async function setReturnVisitSettings(ctx: SignedInContext, input: { callbackDays: number }) {
  return inTransaction(ctx, async (tx) => {
    const before = await callbackDays(tx.db);
    await writeCaseSetting(tx.db, KEY, String(input.callbackDays));
    await audit(tx, {
      action: 'case.settings',
      entityType: 'app_meta',
      entityId: KEY,
      summary: `unsatisfied reporters are called back within ${input.callbackDays} working days`,
      before: { callbackDays: before },
      after: { callbackDays: input.callbackDays },
    });
    return { callbackDays: input.callbackDays };
  });
}

import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { petitionClockUnit, setPetitionClockUnit } from './repository.ts';

/** The district's counting rule: the 条例 says 日 (statutory days); some provinces count 工作日. */
export async function clockSettings(ctx: SignedInContext) {
  return { clockUnit: await petitionClockUnit(ctx.db) };
}

/** Applies to clocks started from now on; running clocks keep the deadline they were given. */
export async function setClockSettings(
  ctx: SignedInContext,
  input: { clockUnit: 'statutoryDays' | 'workingDays' },
) {
  return inTransaction(ctx, async (tx) => {
    const before = await petitionClockUnit(tx.db);
    await setPetitionClockUnit(tx.db, input.clockUnit);
    await audit(tx, {
      action: 'petition.settings',
      entityType: 'app_meta',
      summary: `petition clocks count ${input.clockUnit}`,
      before: { clockUnit: before },
      after: { clockUnit: input.clockUnit },
    });
    return { clockUnit: input.clockUnit };
  });
}

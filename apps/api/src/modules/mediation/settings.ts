import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import type { Db } from '../../db/client.ts';
import { readSetting, writeSetting } from './repository.ts';

/**
 * District settings of mediation (人民调解工作若干规定: "一般在一个月内调结"; the rest from memory, so settings
 * rather than limits): days to mediate, working days to accept, days to apply for judicial confirmation.
 */
export const MEDIATION_DEFAULTS = { mediationDays: 30, acceptDays: 3, confirmationDays: 30 } as const;
export type MediationSettings = { -readonly [K in keyof typeof MEDIATION_DEFAULTS]: number };
const KEYS: Record<keyof MediationSettings, string> = {
  mediationDays: 'mediation_days',
  acceptDays: 'mediation_accept_days',
  confirmationDays: 'mediation_confirmation_days',
};

export async function mediationSettings(db: Db): Promise<MediationSettings> {
  const out = { ...MEDIATION_DEFAULTS } as MediationSettings;
  for (const k of Object.keys(KEYS) as (keyof MediationSettings)[]) {
    const n = Number(await readSetting(db, KEYS[k]));
    if (Number.isInteger(n) && n > 0) out[k] = n;
  }
  return out;
}

/** Applies to clocks started from now on; running clocks keep the deadline they were started with. */
export async function setMediationSettings(ctx: SignedInContext, input: Partial<MediationSettings>) {
  return inTransaction(ctx, async (tx) => {
    const before = await mediationSettings(tx.db);
    for (const k of Object.keys(KEYS) as (keyof MediationSettings)[])
      if (input[k] !== undefined) await writeSetting(tx.db, KEYS[k], String(input[k]));
    const after = await mediationSettings(tx.db);
    await audit(tx, {
      action: 'mediation.settings',
      entityType: 'app_meta',
      entityId: 'mediation',
      summary: `mediation in ${after.mediationDays} days, acceptance in ${after.acceptDays} working days`,
      before,
      after,
    });
    return after;
  });
}

import {
  DEFAULT_SPECIAL_SETTINGS,
  specialSettings,
  type SpecialSettings,
} from '@civicgrid/shared/special-contacts';
import { SPECIAL_CATEGORIES } from '@civicgrid/shared/special-populations';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, staleVersion } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { readSettingsRow, writeSettingsRow } from './rhythm-repository.ts';

const KEY = 'special.settings';

/**
 * The district's settings of special populations (app_meta): the corrections limits (社区矫正法 §21's 10 days;
 * the 实施办法's leave levels from memory), the contact grace and the rhythm table. Missing parts take the
 * defaults, so a table saved before a new level existed still reads.
 */
export async function loadSpecialSettings(db: Db): Promise<SpecialSettings & { version: number }> {
  const value = await readSettingsRow(db, KEY);
  if (!value) return { ...DEFAULT_SPECIAL_SETTINGS, version: 0 };
  const raw = JSON.parse(value) as { version?: number; value?: Partial<SpecialSettings> };
  const v = raw.value ?? {};
  const rhythms = { ...DEFAULT_SPECIAL_SETTINGS.rhythms };
  for (const c of SPECIAL_CATEGORIES) rhythms[c] = { ...rhythms[c], ...v.rhythms?.[c] };
  const merged = { ...DEFAULT_SPECIAL_SETTINGS, ...v, rhythms };
  const parsed = specialSettings.safeParse(merged);
  return {
    ...(parsed.success ? (parsed.data as SpecialSettings) : DEFAULT_SPECIAL_SETTINGS),
    version: raw.version ?? 1,
  };
}

export async function getSpecialSettings(ctx: SignedInContext) {
  return loadSpecialSettings(ctx.db);
}

/** Applies from now on: clocks already running and plans already saved keep what they were started with. */
export async function putSpecialSettings(ctx: SignedInContext, body: SpecialSettings & { version: number }) {
  const { version, ...value } = body;
  if (value.leaveCountyDays < value.leaveOfficeDays)
    throw badRequest('leaveCountyDays', 'must not be below leaveOfficeDays');
  return inTransaction(ctx, async (tx) => {
    await readSettingsRow(tx.db, KEY, true);
    const before = await loadSpecialSettings(tx.db);
    if (before.version !== version) throw staleVersion(before.version);
    const next = { version: version + 1, value };
    await writeSettingsRow(tx.db, KEY, JSON.stringify(next));
    const { version: _v, ...was } = before;
    await audit(tx, {
      action: 'special_person.settings',
      entityType: 'app_meta',
      entityId: KEY,
      summary: `report in ${value.reportDays} days, leave ${value.leaveOfficeDays}/${value.leaveCountyDays} days`,
      before: was,
      after: value,
    });
    return { ...value, version: version + 1 };
  });
}

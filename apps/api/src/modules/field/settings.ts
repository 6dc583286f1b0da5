import {
  DEFAULT_FIELD_SETTINGS,
  WUBIFANG_GROUPS,
  fieldSettingsInput,
  type FieldSettings,
} from '@civicgrid/shared/field-day';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import type { Db } from '../../db/client.ts';

const KEY = 'field_settings';

/** The district's field settings (app_meta), each missing or unreadable value at its default. */
export async function fieldSettings(db: Db): Promise<FieldSettings> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', KEY).executeTakeFirst();
  let stored: Partial<FieldSettings> = {};
  try {
    stored = row ? (JSON.parse(row.value) as Partial<FieldSettings>) : {};
  } catch {
    stored = {};
  }
  const merged = {
    ...DEFAULT_FIELD_SETTINGS,
    ...stored,
    wubifangDays: { ...DEFAULT_FIELD_SETTINGS.wubifangDays, ...(stored.wubifangDays ?? {}) },
  };
  const ok = fieldSettingsInput.safeParse(merged);
  return ok.success ? ok.data : DEFAULT_FIELD_SETTINGS;
}

/** Applies from now on: an alarm already raised keeps the deadline it was raised with. */
export async function setFieldSettings(ctx: SignedInContext, input: FieldSettings) {
  return inTransaction(ctx, async (tx) => {
    const before = await fieldSettings(tx.db);
    const value = JSON.stringify(input);
    await tx.db
      .insertInto('app_meta')
      .values({ key: KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    await audit(tx, {
      action: 'field.settings.update',
      entityType: 'app_meta',
      entityId: KEY,
      summary: `一键通 ${input.alarmResponseMinutes} 分钟；五必访 ${WUBIFANG_GROUPS.map((g) => input.wubifangDays[g]).join('/')} 天`,
      before,
      after: input,
    });
    return input;
  });
}

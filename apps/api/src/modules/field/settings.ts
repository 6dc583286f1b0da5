import {
  DEFAULT_FIELD_SETTINGS,
  WUBIFANG_GROUPS,
  fieldSettingsInput,
  type FieldSettings,
} from '@civicgrid/shared/field-day';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import type { Db } from '../../db/client.ts';
import { metaValue, putMeta } from './settings-repository.ts';

const KEY = 'field_settings';

/** The district's field settings (app_meta), each missing or unreadable value at its default. */
export async function fieldSettings(db: Db): Promise<FieldSettings> {
  const value = await metaValue(db, KEY);
  let stored: Partial<FieldSettings> = {};
  try {
    stored = value ? (JSON.parse(value) as Partial<FieldSettings>) : {};
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
    await putMeta(tx.db as Db, KEY, value);
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

import { notification, type NotificationMessage } from '@civicgrid/shared/notifications';
import {
  DEFAULT_WARNING_SETTINGS,
  warningSettings,
  type WarningLevel,
  type WarningSettings,
} from '@civicgrid/shared/stability';
import { localDay } from '../../core/calendar.ts';
import { notifyUsers } from '../../core/records/notify.ts';
import { writeEvent } from '../../core/workflow/store.ts';
import type { AuthUser } from '../../core/context.ts';
import type { Db } from '../../db/client.ts';
import { staffUnder } from '../stability/repository.ts';
import * as repo from './repository.ts';
import type { WarningCandidate } from './sources.ts';

/** The district's rule settings (app_meta), the spec's defaults where none are set. */
export async function loadSettings(db: Db): Promise<WarningSettings> {
  const raw = await repo.readSettings(db);
  if (!raw) return DEFAULT_WARNING_SETTINGS;
  const parsed = warningSettings.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : DEFAULT_WARNING_SETTINGS;
}

export const ackDueOf = (s: WarningSettings, level: WarningLevel, from: Date) =>
  new Date(from.getTime() + s.ackMinutes[level] * 60_000);

/** Tells the duty officers of a unit (warning.ack at exactly that org) that a warning waits for them. */
export async function notifyTarget(
  db: Db,
  org: { id: string; path: string },
  warningId: string,
  message: NotificationMessage,
  now: Date,
) {
  await notifyUsers(db, await staffUnder(db, org.path, 'warning.ack', true), {
    message,
    ownerType: 'warning',
    ownerId: warningId,
    at: now,
  });
}

/**
 * Raises one warning with a 签收 row per target unit, due by the level's limit; a cluster that already has its
 * warning raises nothing (null).
 */
export async function issueWarning(
  db: Db,
  c: WarningCandidate & { rule: string | null },
  s: WarningSettings,
  now: Date,
  by: Pick<AuthUser, 'id' | 'displayName' | 'orgName'> | null,
) {
  const number = await repo.nextWarningNumber(db, localDay(now));
  const w = await repo.insertWarning(db, {
    number,
    source: by ? 'manual' : 'rule',
    rule: c.rule,
    clusterKey: c.clusterKey || null,
    level: c.level,
    title: c.title,
    detail: c.detail ?? null,
    data: c.data ?? {},
    orgId: c.orgId,
    orgPath: c.orgPath,
    issuedBy: by?.id ?? null,
    at: now,
  });
  if (!w) return null;
  const due = ackDueOf(s, c.level, now);
  for (const org of await repo.orgsByIds(db, c.targetOrgIds)) {
    await repo.insertTarget(db, { warningId: w.id, orgId: org.id, orgPath: org.path, ackDue: due });
    await notifyTarget(
      db,
      org,
      w.id,
      notification('warning.issued', { number: w.number, title: w.title }),
      now,
    );
  }
  await writeEvent(
    db,
    { ownerType: 'warning', ownerId: w.id },
    { at: now, actor: by, action: 'issue', toStatus: 'issued', note: c.title, data: { rule: c.rule } },
  );
  return w;
}

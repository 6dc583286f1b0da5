import { notification } from '@civicgrid/shared/notifications';
import { localDay } from '../../core/calendar.ts';
import { notifyUsers } from '../../core/records/notify.ts';
import type { Sweep } from '../../core/sweeps.ts';
import { sweepObligations, type ObligationHandler } from '../../core/workflow/obligations-sweep.ts';
import type { Db } from '../../db/client.ts';
import { OWNER, RHYTHM_CLOSED } from './contact-repository.ts';
import { holders, markMiss, unmarkedMisses } from './sweep-repository.ts';
import { addDays, extendRhythms } from './rhythm.ts';
import { loadSpecialSettings } from './settings.ts';

/** A notification names the person by surname only: the bell is not the audited file page. */
const surname = (name: string) => `${name.slice(0, 1)}**`;

/** The kit's obligation sweep tells the file's workers once when a contact falls due. */
const contactDue: ObligationHandler = {
  ownerType: OWNER,
  async onDue(db, o, now) {
    const h = await holders(db, o.ownerId);
    if (!h || (RHYTHM_CLOSED as readonly string[]).includes(h.status)) return;
    await notifyUsers(db, h.users, {
      message: notification('special.contact_due', { name: surname(h.name), due: o.dueOn }),
      ownerType: OWNER,
      ownerId: o.ownerId,
      at: now,
    });
  },
};

/**
 * Due items past their grace days with no contact are marked missed, once each (special_contact_misses), and
 * the workers told once; the lost-contact warning rule reads the marks of the mental files at risk ≥ 3.
 */
export async function markMissedContacts(db: Db, now: Date) {
  const s = await loadSpecialSettings(db);
  const cutoff = addDays(localDay(now), -s.graceDays - 1);
  const missed = await unmarkedMisses(db, cutoff);
  for (const o of missed) {
    const due = String(o.due_on).slice(0, 10);
    if (!(await markMiss(db, o.owner_id, o.rule, due, now))) continue;
    const h = await holders(db, o.owner_id);
    if (h)
      await notifyUsers(db, h.users, {
        message: notification('special.contact_missed', { name: surname(h.name), due }),
        ownerType: OWNER,
        ownerId: o.owner_id,
        at: now,
      });
  }
  return missed.length;
}

/** Once an hour: the rhythms topped up to the horizon, due contacts told, missed ones marked. */
export const contactRhythmSweep: Sweep = {
  name: 'special-contact-rhythm',
  everyMs: 60 * 60_000,
  async run(db, now) {
    const written = await extendRhythms(db, now);
    const due = await sweepObligations(db, now, [contactDue]);
    return written + due + (await markMissedContacts(db, now));
  },
};

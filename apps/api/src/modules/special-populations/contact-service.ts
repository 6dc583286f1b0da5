import {
  rhythm as rhythmSchema,
  rhythmKeyOf,
  type ContactInput,
  type IncidentInput,
  type RhythmItem,
  type SupportPlanInput,
} from '@civicgrid/shared/special-contacts';
import type { SpecialCategory } from '@civicgrid/shared/special-populations';
import { audit } from '../../core/audit.ts';
import { localDay } from '../../core/calendar.ts';
import { hasPermission, inTransaction, type SignedInContext } from '../../core/context.ts';
import {
  badRequest,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  staleVersion,
} from '../../core/errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../../core/idempotency.ts';
import { auditDetailRead } from '../../core/records/classes.ts';
import * as repo from './contact-repository.ts';
import { addDays, parseRule, scheduleRhythm } from './rhythm.ts';
import { readableCategories } from './service.ts';
import { loadSpecialSettings } from './settings.ts';

const day = (d: unknown) => String(d instanceof Date ? d.toISOString() : d).slice(0, 10);

async function loadFile(ctx: SignedInContext, id: string) {
  const f = await repo.fileForContacts(ctx.db, ctx.scope, readableCategories(ctx), id, ctx.user.id);
  if (!f) throw notFound('special_person');
  return f;
}
const closed = (f: repo.ContactFile) => (repo.RHYTHM_CLOSED as readonly string[]).includes(f.status);

/** A due item's state on a day: due from its date, overdue (red) past the grace days (§4.3 sweeps). */
export function dueState(dueOn: string, today: string, graceDays: number) {
  if (addDays(dueOn, graceDays) < today) return 'overdue' as const;
  return dueOn <= today ? ('due' as const) : ('upcoming' as const);
}

/** The file's contact section: its plan, due items, contacts and incidents. Every read is audited. */
export async function contactsView(ctx: SignedInContext, id: string) {
  const f = await loadFile(ctx, id);
  await auditDetailRead(ctx, { ownerType: 'special_person', ownerId: f.id });
  const [plan, open, contacts, incidents, s] = await Promise.all([
    repo.currentPlan(ctx.db, f.id),
    repo.openObligations(ctx.db, f.id),
    repo.contactsOf(ctx.db, f.id),
    repo.incidentsOf(ctx.db, f.id),
    loadSpecialSettings(ctx.db),
  ]);
  const today = localDay(ctx.clock.now());
  const horizon = addDays(today, 31);
  return {
    plan: plan
      ? {
          version: plan.version,
          goals: plan.goals,
          measures: plan.measures,
          rhythm: plan.rhythm as RhythmItem[],
          startOn: day(plan.start_on),
        }
      : null,
    defaultRhythm: s.rhythms[f.category as SpecialCategory]?.[rhythmKeyOf(presentLevel(f))] ?? [],
    due: open
      .filter((o) => day(o.due_on) <= horizon)
      .map((o) => ({
        kind: parseRule(o.rule).kind,
        dueOn: day(o.due_on),
        state: dueState(day(o.due_on), today, s.graceDays),
      })),
    contacts: contacts.map((c) => ({
      id: c.id,
      kind: c.kind,
      doneOn: day(c.done_on),
      note: c.note,
      minutes: c.minutes,
      location: c.location,
      dueOn: c.due_on ? day(c.due_on) : null,
      byName: c.by_name,
    })),
    incidents: incidents.map((i) => ({
      id: i.id,
      kind: i.kind,
      occurredOn: day(i.occurred_on),
      detail: i.detail,
      action: i.action,
      byName: i.by_name,
    })),
    canRecord: !closed(f) && (hasPermission(ctx, 'special.manage') || f.on_team),
    canManage: !closed(f) && hasPermission(ctx, 'special.manage'),
  };
}
const presentLevel = (f: repo.ContactFile) => ({
  category: f.category,
  managementLevel: f.management_level,
  riskLevel: f.risk_level,
});

/** 帮教/矫正方案: a new version replaces the current one; its rhythm (the district's for the level) is scheduled. */
export async function savePlan(ctx: SignedInContext, id: string, input: SupportPlanInput) {
  return inTransaction(ctx, async (tx) => {
    const f = await loadFile(tx, id);
    if (closed(f)) throw conflict('the file is closed');
    const cur = await repo.currentPlan(tx.db, f.id);
    if ((cur?.version ?? 0) !== (input.replaces ?? 0)) throw staleVersion(cur?.version ?? 0);
    if (input.startOn < day(f.start_date)) throw badRequest('startOn', 'must not be before the file starts');
    const s = await loadSpecialSettings(tx.db);
    const rhythm =
      input.rhythm ?? s.rhythms[f.category as SpecialCategory]?.[rhythmKeyOf(presentLevel(f))] ?? [];
    rhythmSchema.parse(rhythm);
    const now = tx.clock.now();
    const today = localDay(now);
    const plan = await repo.replacePlan(tx.db, {
      fileId: f.id,
      version: (cur?.version ?? 0) + 1,
      goals: input.goals,
      measures: input.measures ?? null,
      rhythm,
      startOn: input.startOn,
      by: tx.user.id,
      at: now,
    });
    await repo.dropFutureObligations(tx.db, f.id, today);
    await scheduleRhythm(
      tx.db,
      f.id,
      rhythm,
      input.startOn,
      now,
      input.startOn > today ? input.startOn : today,
    );
    await audit(tx, {
      action: 'special_person.plan',
      entityType: 'special_person',
      entityId: f.id,
      orgId: f.responsible_org_id,
      summary: `support plan v${plan.version}: ${rhythm.map((r) => `${r.kind}/${r.everyDays}d`).join(', ')}`,
    });
    return { version: plan.version };
  });
}

/** A create under an Idempotency-Key: the same body replays the first row, another body is 422. */
async function idempotent<R extends { idempotency_hash: string | null }>(
  key: string | null,
  input: unknown,
  find: () => Promise<R | undefined>,
  create: (hash: string | null) => Promise<R>,
): Promise<{ row: R; replayed: boolean }> {
  const hash = key ? requestFingerprint(input) : null;
  const again = async () => {
    const had = key ? await find() : undefined;
    if (had && had.idempotency_hash !== hash) throw idempotencyKeyReused();
    return had;
  };
  const had = await again();
  if (had) return { row: had, replayed: true };
  try {
    return { row: await create(hash), replayed: false };
  } catch (err) {
    const raced = isUniqueViolation(err) ? await again() : undefined;
    if (raced) return { row: raced, replayed: true };
    throw err;
  }
}

/**
 * 走访/电话/谈话 recorded by the responsible cadre, a help-team member or a manager: it completes the open due
 * items of its kind up to its day (a late visit clears what it catches up on, the misses stay counted as
 * late), or, with none behind, the next one if it falls within one period (a visit made early).
 */
export async function recordContact(
  ctx: SignedInContext,
  id: string,
  input: ContactInput,
  key: string | null,
) {
  const r = await idempotent(
    key,
    { id, ...input },
    () => repo.contactByKey(ctx.db, ctx.user.id, key!),
    (hash) =>
      inTransaction(ctx, async (tx) => {
        const f = await loadFile(tx, id);
        if (!f.on_team && !hasPermission(tx, 'special.manage'))
          throw forbidden('only the help team records contacts of this person');
        if (closed(f)) throw conflict('the file is closed');
        const now = tx.clock.now();
        if (input.doneOn > localDay(now)) throw badRequest('doneOn', 'must not be in the future');
        if (input.doneOn < day(f.start_date))
          throw badRequest('doneOn', 'must not be before the file starts');
        const open = await repo.openObligations(tx.db, f.id);
        const at = new Date(`${input.doneOn}T12:00:00+08:00`);
        const completed: string[] = [];
        for (const rule of [...new Set(open.map((o) => o.rule))].filter(
          (x) => parseRule(x).kind === input.kind,
        )) {
          // What is due by the contact's day; with nothing behind, the next item within one period (early).
          const behind = open.some((o) => o.rule === rule && day(o.due_on) <= input.doneOn);
          const upTo = behind
            ? input.doneOn
            : addDays(input.doneOn, Math.max(0, parseRule(rule).everyDays - 1));
          const done = await repo.completeUpTo(tx.db, f.id, rule, upTo, at, behind ? undefined : 1);
          completed.push(...done);
        }
        const row = await repo.insertContact(tx.db, {
          special_person_id: f.id,
          kind: input.kind,
          done_on: input.doneOn,
          note: input.note,
          minutes: input.minutes ?? null,
          location: input.location ?? null,
          due_on: completed.sort()[0] ?? null,
          by_id: tx.user.id,
          by_name: tx.user.displayName,
          idempotency_key: key,
          idempotency_hash: hash,
          created_at: now,
        });
        await audit(tx, {
          action: 'special_person.contact',
          entityType: 'special_person',
          entityId: f.id,
          orgId: f.responsible_org_id,
          summary: `${input.kind} on ${input.doneOn}; ${completed.length} due item(s) done`,
        });
        return row;
      }),
  );
  return { id: r.row.id, replayed: r.replayed };
}

/** 肇事肇祸 / 重新犯罪 and the other incidents of a file, by a manager of its class; audited. */
export async function recordIncident(
  ctx: SignedInContext,
  id: string,
  input: IncidentInput,
  key: string | null,
) {
  const r = await idempotent(
    key,
    { id, ...input },
    () => repo.incidentByKey(ctx.db, ctx.user.id, key!),
    (hash) =>
      inTransaction(ctx, async (tx) => {
        const f = await loadFile(tx, id);
        const now = tx.clock.now();
        if (input.occurredOn > localDay(now)) throw badRequest('occurredOn', 'must not be in the future');
        const row = await repo.insertIncident(tx.db, {
          special_person_id: f.id,
          kind: input.kind,
          occurred_on: input.occurredOn,
          detail: input.detail,
          action: input.action ?? null,
          org_path: f.org_path,
          by_id: tx.user.id,
          by_name: tx.user.displayName,
          idempotency_key: key,
          idempotency_hash: hash,
          created_at: now,
        });
        await audit(tx, {
          action: 'special_person.incident',
          entityType: 'special_person',
          entityId: f.id,
          orgId: f.responsible_org_id,
          summary: `incident ${input.kind} on ${input.occurredOn}`,
        });
        return row;
      }),
  );
  return { id: r.row.id, replayed: r.replayed };
}

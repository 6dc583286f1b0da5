import { audit } from '../../core/audit.ts';
import { addWorkingDays } from '../../core/calendar.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { AppError, notFound, staleVersion } from '../../core/errors.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';
import { findPerson } from './person-repository.ts';
import {
  closeRequestRow,
  DAYS_KEY,
  findRequest,
  insertRequest,
  listRequestRows,
  personDossier,
  readSetting,
  requestAuditTrail,
  writeSetting,
  type SubjectRequestRow,
} from './subject-request-repository.ts';

/**
 * Data-subject requests (PIPL art. 44–47, issue 23 item 14): a resident asks to see (查阅、复制), correct (更正)
 * or delete (删除) what the registry holds about them. The handler records the request with its due day, answers
 * an access request with the export of the person's data, makes a correction through the person record (with
 * its history and audit), and closes the request with the outcome. Every step is audited under the request.
 *
 * PIPL sets no number of days; 15 working days is common practice (GB/T 35273-2020 §8.7 says 30 days, from
 * memory), so it is a district setting (app_meta `subject_request_days`).
 */
export const DEFAULT_SUBJECT_REQUEST_DAYS = 15;

/** A request's audit rows are filed under the person's unit, so only that subtree's auditors read them. */
const orgIdOf = (path: string) => path.split('/').filter(Boolean).at(-1) ?? null;

const present = ({ orgPath: _o, ...r }: SubjectRequestRow, now: Date) => ({
  ...r,
  overdue: r.status === 'open' && new Date(r.dueAt) < now,
});

export async function requestDays(db: Db): Promise<number> {
  const n = Number(await readSetting(db, DAYS_KEY));
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_SUBJECT_REQUEST_DAYS;
}

export async function setRequestDays(ctx: SignedInContext, days: number) {
  return inTransaction(ctx, async (tx) => {
    const before = await requestDays(tx.db);
    await writeSetting(tx.db, DAYS_KEY, String(days));
    await audit(tx, {
      action: 'subject_request.settings',
      entityType: 'app_meta',
      entityId: DAYS_KEY,
      summary: `data-subject requests are answered within ${days} working days`,
      before: { days: before },
      after: { days },
    });
    return { days };
  });
}

export async function createRequest(
  ctx: SignedInContext,
  personId: string,
  input: { kind: 'access' | 'correction' | 'deletion'; detail: string },
) {
  return inTransaction(ctx, async (tx) => {
    const person = await findPerson(tx.db, tx.scope, personId);
    if (!person) throw notFound('person');
    const now = tx.clock.now();
    const dueAt = addWorkingDays(await tx.calendar.get(tx.db), now, await requestDays(tx.db));
    const id = await insertRequest(tx.db, {
      personId,
      orgPath: person.orgPath,
      kind: input.kind,
      detail: input.detail,
      receivedAt: now,
      dueAt,
      createdBy: tx.user.id,
    });
    await audit(tx, {
      action: 'subject_request.create',
      entityType: 'subject_request',
      entityId: id,
      orgId: orgIdOf(person.orgPath),
      summary: `${input.kind} request recorded for person ${personId}, due ${dueAt.toISOString()}`,
      after: { personId, kind: input.kind },
    });
    return getRequest(tx, id);
  });
}

export async function getRequest(ctx: SignedInContext, id: string) {
  const r = await findRequest(ctx.db, ctx.scope, id);
  if (!r) throw notFound('subject request');
  return { ...present(r, ctx.clock.now()), auditTrail: await requestAuditTrail(ctx.db, id) };
}

export async function listRequests(
  ctx: SignedInContext,
  f: {
    status: 'open' | 'done' | 'refused';
    personId?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const rows = await listRequestRows(ctx.db, ctx.scope, { ...f, after });
  const page = pageOf(rows, f.limit, (r) => [new Date(r.dueAt).toISOString(), r.id]);
  const now = ctx.clock.now();
  return {
    items: page.items.map((r) => present(r, now)),
    nextCursor: page.nextCursor,
  };
}

export async function closeRequest(
  ctx: SignedInContext,
  id: string,
  input: { status: 'done' | 'refused'; outcome: string; version: number },
) {
  return inTransaction(ctx, async (tx) => {
    const r = await findRequest(tx.db, tx.scope, id);
    if (!r) throw notFound('subject request');
    if (r.status !== 'open') throw new AppError('CONFLICT', 409, 'the request is closed already');
    const ok = await closeRequestRow(tx.db, id, { ...input, by: tx.user.id, at: tx.clock.now() });
    if (!ok) throw staleVersion(r.version);
    await audit(tx, {
      action: 'subject_request.close',
      entityType: 'subject_request',
      entityId: id,
      orgId: orgIdOf(r.orgPath),
      summary: `${r.kind} request ${input.status}: ${input.outcome}`,
      after: { status: input.status },
    });
    return getRequest(tx, id);
  });
}

/**
 * Everything the registry holds about the request's person, clear (the person is entitled to their own data):
 * the record, residences, change history and the records naming them. Audited under the request and the person.
 */
export async function exportForRequest(ctx: SignedInContext, id: string) {
  return inTransaction(ctx, async (tx) => {
    const r = await findRequest(tx.db, tx.scope, id);
    if (!r) throw notFound('subject request');
    const dossier = await personDossier(tx.db, r.personId);
    await audit(tx, {
      action: 'subject_request.export',
      entityType: 'subject_request',
      entityId: id,
      orgId: orgIdOf(r.orgPath),
      summary: `exported what the registry holds about person ${r.personId}`,
      after: { personId: r.personId },
    });
    await audit(tx, {
      action: 'person.sensitive_export',
      entityType: 'person',
      entityId: r.personId,
      orgId: orgIdOf(r.orgPath),
      summary: `data-subject export for request ${id}`,
    });
    const { org_path: _p, ...person } = dossier.person;
    return { request: { id: r.id, kind: r.kind, receivedAt: r.receivedAt }, ...dossier, person };
  });
}

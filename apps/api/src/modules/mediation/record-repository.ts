import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { DisputeTable } from '../../db/schema-mediation.ts';

/** SQL of a dispute's own parts: the row itself, sessions, the agreement with its obligations, follow-ups. */

export async function insertDispute(db: Db, row: Insertable<DisputeTable>) {
  return db
    .insertInto('disputes')
    .values(row)
    .returning(['id', 'number', 'version'])
    .executeTakeFirstOrThrow();
}

export async function insertParty(
  db: Db,
  p: { disputeId: string; subjectType: string; subjectId: string; role: string; at: Date; by: string },
) {
  await db
    .insertInto('record_subjects')
    .values({
      owner_type: 'dispute',
      owner_id: p.disputeId,
      subject_type: p.subjectType,
      subject_id: p.subjectId,
      role: p.role,
      created_at: p.at,
      created_by: p.by,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function insertSession(
  db: Db,
  s: {
    disputeId: string;
    at: Date;
    place: string;
    attendees?: string | undefined;
    invited?: string | undefined;
    record: string;
    outcome?: string | undefined;
    by: string | null;
  },
) {
  return db
    .insertInto('mediation_sessions')
    .values({
      dispute_id: s.disputeId,
      at: s.at,
      place: s.place,
      attendees: s.attendees ?? null,
      invited: s.invited ?? null,
      record: s.record,
      outcome: s.outcome ?? null,
      created_by: s.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export interface AgreementValues {
  disputeId: string;
  form: string;
  facts: string;
  responsibilities?: string | undefined;
  terms: string;
  effectiveAt: Date;
  obligations: { party: string; what: string; amount?: number | undefined; due: string }[];
}

export async function insertAgreement(db: Db, a: AgreementValues) {
  // A reopened dispute's earlier agreement stays on record, marked as superseded by the new one.
  await db
    .updateTable('mediation_agreements')
    .set({ superseded: true })
    .where('dispute_id', '=', a.disputeId)
    .execute();
  const row = await db
    .insertInto('mediation_agreements')
    .values({
      dispute_id: a.disputeId,
      form: a.form,
      facts: a.facts,
      responsibilities: a.responsibilities ?? null,
      terms: a.terms,
      effective_at: a.effectiveAt,
      created_at: a.effectiveAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (a.obligations.length)
    await db
      .insertInto('mediation_obligations')
      .values(
        a.obligations.map((o) => ({
          agreement_id: row.id,
          dispute_id: a.disputeId,
          party: o.party,
          what: o.what,
          amount: o.amount ?? null,
          due: o.due,
        })),
      )
      .execute();
  return row;
}

export async function setAgreementDocument(db: Db, agreementId: string, documentId: string, number: string) {
  await db
    .updateTable('mediation_agreements')
    .set({ document_id: documentId, document_number: number })
    .where('id', '=', agreementId)
    .execute();
}

export async function markObligationsPerformed(db: Db, disputeId: string, at: Date) {
  await db
    .updateTable('mediation_obligations')
    .set({ performed_at: at })
    .where('dispute_id', '=', disputeId)
    .where('performed_at', 'is', null)
    .execute();
}

export async function insertFollowup(
  db: Db,
  f: {
    disputeId: string;
    at: Date;
    userId: string | null;
    name: string | null;
    result: string;
    note: string;
  },
) {
  await db
    .insertInto('mediation_followups')
    .values({
      dispute_id: f.disputeId,
      at: f.at,
      by_user: f.userId,
      by_name: f.name,
      result: f.result,
      note: f.note,
    })
    .execute();
}

/** Everything the dispute page shows below its header, in one round of queries. */
export async function disputeParts(db: Db, id: string) {
  const [sessions, agreements, obligations, followups, events] = await Promise.all([
    db.selectFrom('mediation_sessions').selectAll().where('dispute_id', '=', id).orderBy('at').execute(),
    db
      .selectFrom('mediation_agreements')
      .selectAll()
      .where('dispute_id', '=', id)
      .orderBy('created_at', 'desc')
      .execute(),
    db.selectFrom('mediation_obligations').selectAll().where('dispute_id', '=', id).orderBy('due').execute(),
    db.selectFrom('mediation_followups').selectAll().where('dispute_id', '=', id).orderBy('at').execute(),
    db
      .selectFrom('workflow_events')
      .select(['id', 'at', 'actor_name', 'actor_org', 'action', 'from_status', 'to_status', 'note', 'data'])
      .where('owner_type', '=', 'dispute')
      .where('owner_id', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  return { sessions, agreements, obligations, followups, events };
}

export async function describeBodies(db: Db, ids: readonly string[]) {
  if (!ids.length) return new Map<string, { name: string; kind: string }>();
  const rows = await db
    .selectFrom('mediation_bodies')
    .select(['id', 'name', 'kind'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
}

export async function mediatorNames(db: Db, ids: readonly string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('mediators')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** An accepted transfer: the receiving body holds the dispute now, and picks its own mediators. */
export async function moveDispute(
  db: Db,
  id: string,
  body: { id: string; org_id: string; org_path: string },
  now: Date,
) {
  await db
    .updateTable('disputes')
    .set({
      body_id: body.id,
      org_id: body.org_id,
      org_path: body.org_path,
      mediator_ids: sql<string[]>`'{}'::uuid[]`,
      updated_at: now,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .execute();
}

export async function disputesByIds(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('disputes')
    .select(['id', 'number', 'type', 'status', 'org_id', 'org_path'])
    .where('id', 'in', [...ids])
    .execute();
}

import { sql, type SqlBool } from 'kysely';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { AppError, notFound, staleVersion, type FieldError } from '../../core/errors.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { maskChangedValue } from '../../core/person-mask.ts';
import type { Db } from '../../db/client.ts';
import { changedFields, recordChange } from './history.ts';
import { afterPersonSearch, beforePersonSearch } from './person-search-guard.ts';
import { checkPerson, type CheckedPerson, type PersonDraft } from './person-input.ts';
import {
  findPerson,
  orgPathInScope,
  personConditions,
  personsQuery,
  presentPerson,
  type PersonFilter,
  type PersonRow,
} from './person-repository.ts';

export function invalid(errors: FieldError[]) {
  return new AppError('VALIDATION_FAILED', 400, errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
    fields: errors,
  });
}

export const duplicatePerson = (existingId: string) =>
  new AppError('DUPLICATE', 409, 'a person with this ID number is already registered', { existingId });

/** Tags must come from the dictionary; an unknown code is a 400 naming the tag. */
export async function checkTags(db: Db, tags: string[]): Promise<FieldError[]> {
  if (!tags.length) return [];
  const known = await db
    .selectFrom('person_tags')
    .select('code')
    .where('code', 'in', tags)
    .where('disabled', '=', false)
    .execute();
  const ok = new Set(known.map((k) => k.code));
  return tags
    .filter((t) => !ok.has(t))
    .map((t) => ({ path: 'tags', code: 'unknown_tag', params: { tag: t }, message: `unknown tag ${t}` }));
}

export interface PersonListQuery extends PersonFilter {
  limit: number;
  cursor?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** Newest first, keyset-paged; `page`/`pageSize` (offset paging, as the API names it) also work. */
export async function listPersonRows(ctx: SignedInContext, f: PersonListQuery) {
  const limit = f.pageSize ?? f.limit;
  let q = personsQuery(ctx.db)
    .where(await personConditions(ctx, f))
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit + 1);
  if (f.page) q = q.offset((f.page - 1) * limit);
  else {
    const after = decodeCursor(f.cursor, 2) as [string, string] | null;
    if (after)
      q = q.where(sql<SqlBool>`(p.created_at, p.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  }
  const rows = await q.execute();
  return pageOf(rows, limit, (r) => [new Date(r.createdAt).toISOString(), r.id]);
}

export async function listPersons(ctx: SignedInContext, f: PersonListQuery) {
  await beforePersonSearch(ctx, f.q);
  const page = await listPersonRows(ctx, f);
  if (!f.cursor && !f.page) await afterPersonSearch(ctx, f.q, page.items.length);
  return { items: page.items.map(presentPerson), nextCursor: page.nextCursor };
}

async function residencesOf(db: Db, personId: string) {
  return db
    .selectFrom('residences as r')
    .innerJoin('houses as h', 'h.id', 'r.house_id')
    .select([
      'r.id',
      'r.relation',
      'r.from_date as fromDate',
      'r.to_date as toDate',
      'h.id as houseId',
      'h.house_number as houseNumber',
      'h.address',
      'h.use',
      'h.lng',
      'h.lat',
    ])
    .where('r.person_id', '=', personId)
    .orderBy(sql`r.to_date IS NULL`, 'desc')
    .orderBy('r.from_date', 'desc')
    .execute();
}

export async function getPerson(ctx: SignedInContext, id: string) {
  const p = await findPerson(ctx.db, ctx.scope, id);
  if (!p) throw notFound('person');
  return { ...presentPerson(p), residences: await residencesOf(ctx.db, id) };
}

async function loadInScope(ctx: SignedInContext, id: string): Promise<PersonRow> {
  const p = await findPerson(ctx.db, ctx.scope, id);
  if (!p) throw notFound('person');
  return p;
}

/** The clear ID number, phone and birth date, for holders of person.sensitive.read; every call leaves an audit row. */
export async function revealPerson(ctx: SignedInContext, id: string) {
  return inTransaction(ctx, async (tx) => {
    const p = await loadInScope(tx, id);
    await audit(tx, {
      action: 'person.sensitive_view',
      entityType: 'person',
      entityId: id,
      summary: `viewed the ID number, phone and birth date of ${p.name}`,
    });
    return { idNumber: p.idNumber, phone: p.phone, birthDate: p.birthDate };
  });
}

const toColumns = (v: CheckedPerson) => ({
  name: v.name,
  id_type: v.idType,
  id_number: v.idNumber,
  sex: v.sex,
  birth_date: v.birthDate,
  phone: v.phone,
  residence_type: v.residenceType,
  ethnicity: v.ethnicity,
  nationality: v.nationality,
  household_address: v.householdAddress,
  address: v.address,
  tags: v.tags,
  note: v.note,
});

export async function createPerson(
  ctx: SignedInContext,
  input: PersonDraft & { gridId?: string | null | undefined },
) {
  const checked = checkPerson(input, ctx.clock.now());
  if (!checked.ok) throw invalid(checked.errors);
  const v = checked.value;
  return inTransaction(ctx, async (tx) => {
    const tagErrors = await checkTags(tx.db, v.tags);
    if (tagErrors.length) throw invalid(tagErrors);
    const grid = input.gridId ? await orgPathInScope(tx, input.gridId, 'gridId', 'grid') : null;
    // One person per document: the duplicate answer names the record that exists, wherever it is kept.
    const existing = await tx.db
      .selectFrom('persons')
      .select('id')
      .where('id_type', '=', v.idType)
      .where('id_number', '=', v.idNumber)
      .executeTakeFirst();
    if (existing) throw duplicatePerson(existing.id);
    const now = tx.clock.now();
    const { id } = await tx.db
      .insertInto('persons')
      .values({
        ...toColumns(v),
        grid_id: grid?.id ?? null,
        org_path: grid?.path ?? tx.user.orgPath,
        created_by: tx.user.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChange(tx, {
      entity: 'person',
      entityId: id,
      action: 'create',
      changes: changedFields({}, { ...v, gridId: grid?.id ?? null }),
    });
    await audit(tx, {
      action: 'person.create',
      entityType: 'person',
      entityId: id,
      summary: `registered ${v.name}`,
    });
    return getPerson(tx, id);
  });
}

export async function updatePerson(
  ctx: SignedInContext,
  id: string,
  input: Omit<PersonDraft, 'idType' | 'idNumber'> & { gridId?: string | null | undefined; version: number },
) {
  return inTransaction(ctx, async (tx) => {
    const p = await loadInScope(tx, id);
    if (p.version !== input.version) throw staleVersion(p.version);
    const before: PersonDraft = {
      name: p.name,
      idType: p.idType,
      idNumber: p.idNumber,
      residenceType: p.residenceType,
      phone: p.phone,
      sex: p.sex,
      birthDate: p.birthDate,
      ethnicity: p.ethnicity,
      nationality: p.nationality,
      householdAddress: p.householdAddress,
      address: p.address,
      tags: p.tags,
      note: p.note,
    };
    const { version: _v, gridId, ...patch } = input;
    const checked = checkPerson({ ...before, ...patch }, tx.clock.now());
    if (!checked.ok) throw invalid(checked.errors);
    const v = checked.value;
    const tagErrors = await checkTags(
      tx.db,
      v.tags.filter((t) => !p.tags.includes(t)),
    );
    if (tagErrors.length) throw invalid(tagErrors);
    let placement = {};
    const changes = changedFields({ ...before, gridId: p.gridId }, { ...v, gridId });
    if (gridId !== undefined && gridId !== p.gridId) {
      const grid = gridId ? await orgPathInScope(tx, gridId, 'gridId', 'grid') : null;
      placement = { grid_id: grid?.id ?? null, org_path: grid?.path ?? p.orgPath };
    }
    await tx.db
      .updateTable('persons')
      .set({ ...toColumns(v), ...placement, updated_at: tx.clock.now(), version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await recordChange(tx, { entity: 'person', entityId: id, action: 'update', changes });
    await audit(tx, {
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      summary: `changed ${Object.keys(changes).join(', ') || 'nothing'} of ${p.name}`,
    });
    return getPerson(tx, id);
  });
}

/** Change history, masked like the record: a clear ID or phone never comes back through the history. */
export async function personHistory(ctx: SignedInContext, id: string) {
  const p = await loadInScope(ctx, id);
  return {
    items: await historyOf(ctx.db, 'person', id, (field, value) => maskChangedValue(p.idType, field, value)),
  };
}

export async function historyOf(
  db: Db,
  entity: string,
  id: string,
  mask: (field: string, value: unknown) => unknown = (_f, v) => v,
) {
  const rows = await db
    .selectFrom('registry_changes')
    .select(['id', 'at', 'actor_name as actorName', 'action', 'changes'])
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => {
    const changes = (r.changes ?? {}) as Record<string, { from: unknown; to: unknown }>;
    const masked = Object.fromEntries(
      Object.entries(changes).map(([k, c]) => [k, { from: mask(k, c.from), to: mask(k, c.to) }]),
    );
    return { ...r, changes: masked };
  });
}

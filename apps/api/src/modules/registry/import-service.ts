import fs from 'node:fs';
import { sql } from 'kysely';
import { audit } from '../../core/audit.ts';
import type { Clock } from '../../core/clock.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { AppError, conflict, notFound, type FieldError } from '../../core/errors.ts';
import { likePrefix } from '../../core/like.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import type { Db } from '../../db/client.ts';
import {
  codeOf,
  headerMap,
  PERSON_COLUMNS,
  readRows,
  type PersonColumn,
  type RawRow,
} from './import-format.ts';
import { reasonLine, type ReasonLang } from './import-reasons.ts';
import { checkPerson, type CheckedPerson } from './person-input.ts';
import { maskIdNumber } from '../../core/person-mask.ts';

export const STAGE_BATCH = 1_000;
export const COMMIT_BATCH = 1_000;
export const MAX_ROWS = 200_000;
/** A commit whose runner has not touched the job for this long is taken as crashed and may be resumed. */
/** The default IMPORT_LEASE_SECONDS. */
const LEASE_MS = 2 * 60_000;

interface StagedValue extends CheckedPerson {
  gridId: string | null;
  orgPath: string;
}
interface StagedData {
  raw: RawRow;
  value?: StagedValue;
}

/** Background work of this process, by job id: a second commit call while one runs is not a second runner. */
const running = new Map<string, Promise<void>>();
export const importsRunning = () => Promise.all(running.values());

function background(jobId: string, work: () => Promise<void>) {
  const p = work().finally(() => running.delete(jobId));
  running.set(jobId, p);
}

export async function createImportJob(ctx: SignedInContext, filename: string) {
  return inTransaction(ctx, async (tx) => {
    const { id } = await tx.db
      .insertInto('import_jobs')
      .values({
        kind: 'persons',
        status: 'validating',
        filename: filename.slice(0, 200),
        org_id: tx.user.orgId,
        org_path: tx.user.orgPath,
        created_by: tx.user.id,
        created_at: tx.clock.now(),
        updated_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, {
      action: 'import.upload',
      entityType: 'import_job',
      entityId: id,
      orgId: tx.user.orgId,
      summary: `uploaded ${filename} for a person import`,
    });
    return id;
  });
}

/** Reads, checks and stages an uploaded file in the background; the temporary file is removed at the end. */
export function startValidation(
  db: Db,
  clock: Clock,
  job: { id: string; scope: OrgScope; orgPath: string },
  file: string,
  kind: 'csv' | 'xlsx',
) {
  background(job.id, async () => {
    try {
      await validateRows(db, clock, job, readRows(file, kind));
    } catch (err) {
      await failJob(db, job.id, err);
    } finally {
      fs.rm(file, { force: true }, () => {});
    }
  });
}

async function failJob(db: Db, id: string, err: unknown) {
  const message = err instanceof AppError ? err.message : 'the import stopped on an internal error';
  if (!(err instanceof AppError)) console.error('import job failed', id, err);
  await db
    .updateTable('import_jobs')
    .set({ status: 'failed', error: message, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

const splitTags = (s: string | undefined) =>
  (s ?? '')
    .split(/[;；,，、|]/)
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * Every row is checked (the same rules as a form, plus duplicates within the file and against the registry)
 * and staged with its reasons; nothing reaches `persons` here. Batches keep memory flat for any file size.
 */
export async function validateRows(
  db: Db,
  clock: Clock,
  job: { id: string; scope: OrgScope; orgPath: string },
  rows: AsyncIterable<string[]>,
) {
  const [tagRows, gridRows] = await Promise.all([
    db.selectFrom('person_tags').select(['code', 'name', 'name_en']).where('disabled', '=', false).execute(),
    db
      .selectFrom('orgs')
      .select(['id', 'code', 'path'])
      .where('level', '=', 'grid')
      .where('path', 'like', likePrefix(job.scope.pathPrefix))
      .execute(),
  ]);
  const tagCode = new Map<string, string>();
  for (const t of tagRows) for (const k of [t.code, t.name, t.name_en]) if (k) tagCode.set(k, t.code);
  const gridByCode = new Map(gridRows.filter((g) => g.code).map((g) => [g.code!, g]));
  const today = clock.now();
  const seen = new Map<string, number>();

  let header: (PersonColumn | null)[] | null = null;
  let lineNo = 0;
  let batch: { row_no: number; data: StagedData; errors: FieldError[] | null }[] = [];
  let total = 0;

  const flush = async () => {
    if (!batch.length) return;
    const candidates = batch.filter((r) => r.data.value);
    if (candidates.length) {
      // One indexed lookup per document type (a row-value IN list would not use the unique index).
      const existing: { id_type: string; id_number: string }[] = [];
      for (const type of new Set(candidates.map((r) => r.data.value!.idType)))
        existing.push(
          ...(await db
            .selectFrom('persons')
            .select(['id_type', 'id_number'])
            .where('id_type', '=', type)
            .where(
              'id_number',
              '=',
              sql<string>`ANY(${candidates.filter((r) => r.data.value!.idType === type).map((r) => r.data.value!.idNumber)}::text[])`,
            )
            .execute()),
        );
      const taken = new Set(existing.map((e) => `${e.id_type}:${e.id_number}`));
      for (const r of candidates)
        if (taken.has(`${r.data.value!.idType}:${r.data.value!.idNumber}`)) {
          r.errors = [{ path: 'idNumber', code: 'already_registered', message: 'already registered' }];
          delete r.data.value;
        }
    }
    const bad = batch.filter((r) => r.errors).length;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('import_rows')
        .values(
          batch.map((r) => ({
            job_id: job.id,
            row_no: r.row_no,
            data: JSON.stringify(r.data),
            errors: r.errors ? JSON.stringify(r.errors) : null,
          })),
        )
        .execute();
      await trx
        .updateTable('import_jobs')
        .set({
          total_rows: sql`total_rows + ${batch.length}`,
          ok_rows: sql`ok_rows + ${batch.length - bad}`,
          bad_rows: sql`bad_rows + ${bad}`,
          updated_at: new Date(),
        })
        .where('id', '=', job.id)
        .execute();
    });
    batch = [];
    // Let other requests have the database (and the event loop) between batches.
    await new Promise((r) => setImmediate(r));
  };

  for await (const cells of rows) {
    lineNo++;
    if (!header) {
      const h = headerMap(cells);
      if (h.missing.length)
        throw new AppError(
          'VALIDATION_FAILED',
          400,
          `the header row lacks the columns ${h.missing.join(', ')}`,
        );
      header = h.map;
      continue;
    }
    if (cells.every((c) => !c.trim())) continue;
    if (++total > MAX_ROWS) throw new AppError('VALIDATION_FAILED', 400, `at most ${MAX_ROWS} rows per file`);
    const raw: RawRow = {};
    header.forEach((k, i) => {
      if (k && cells[i] !== undefined && cells[i] !== '') raw[k] = cells[i];
    });
    const errors: FieldError[] = [];
    const tags = splitTags(raw.tags).map((t) => {
      const code = tagCode.get(t);
      if (!code)
        errors.push({ path: 'tags', code: 'unknown_tag', params: { tag: t }, message: `unknown tag ${t}` });
      return code ?? t;
    });
    const checked = checkPerson(
      {
        name: raw.name,
        idType: codeOf('idType', raw.idType),
        idNumber: raw.idNumber,
        residenceType: codeOf('residenceType', raw.residenceType),
        phone: raw.phone,
        sex: codeOf('sex', raw.sex),
        birthDate: raw.birthDate,
        ethnicity: raw.ethnicity,
        nationality: raw.nationality,
        householdAddress: raw.householdAddress,
        address: raw.address,
        tags,
        note: raw.note,
      },
      today,
    );
    if (!checked.ok) errors.unshift(...checked.errors);
    const grid = raw.gridCode ? gridByCode.get(raw.gridCode.trim()) : undefined;
    if (raw.gridCode && !grid)
      errors.push({
        path: 'gridCode',
        code: 'unknown_grid',
        params: { code: raw.gridCode.trim() },
        message: 'no such grid in your area',
      });
    let value: StagedValue | undefined;
    if (checked.ok && !errors.length) {
      const key = `${checked.value.idType}:${checked.value.idNumber}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        errors.push({
          path: 'idNumber',
          code: 'duplicate_in_file',
          params: { row: earlier },
          message: `same ID number as row ${earlier}`,
        });
      else {
        seen.set(key, lineNo);
        value = { ...checked.value, gridId: grid?.id ?? null, orgPath: grid?.path ?? job.orgPath };
      }
    }
    batch.push({
      row_no: lineNo,
      data: value ? { raw, value } : { raw },
      errors: errors.length ? errors : null,
    });
    if (batch.length >= STAGE_BATCH) await flush();
  }
  if (!header) throw new AppError('VALIDATION_FAILED', 400, 'the file is empty');
  await flush();
  await db
    .updateTable('import_jobs')
    .set({ status: 'validated', validated_at: clock.now(), updated_at: new Date() })
    .where('id', '=', job.id)
    .execute();
}

function jobQuery(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('import_jobs as j')
    .innerJoin('users as u', 'u.id', 'j.created_by')
    .select([
      'j.id',
      'j.kind',
      'j.status',
      'j.filename',
      'j.total_rows as totalRows',
      'j.ok_rows as okRows',
      'j.bad_rows as badRows',
      'j.committed_rows as committedRows',
      'j.error',
      'j.created_at as createdAt',
      'j.updated_at as updatedAt',
      'j.validated_at as validatedAt',
      'u.display_name as createdByName',
    ])
    .where('j.id', '=', id)
    .where(pathInScope(scope, sql.ref('j.org_path')));
}

/** The API's own one-line summary, in English like every `message`; readers translate `errors` by code. */
const reasonText = (errors: unknown) =>
  ((errors as FieldError[] | null) ?? []).map((e) => `${e.path}: ${e.message}`).join('; ');

/** Status and counts, and the first bad rows with their reasons (ID numbers masked) for the report. */
export async function getImport(ctx: SignedInContext, id: string) {
  const job = await jobQuery(ctx.db, ctx.scope, id).executeTakeFirst();
  if (!job) throw notFound('import');
  const bad = await ctx.db
    .selectFrom('import_rows')
    .select(['row_no as rowNo', 'data', 'errors'])
    .where('job_id', '=', id)
    .where('errors', 'is not', null)
    .orderBy('row_no')
    .limit(200)
    .execute();
  return {
    ...job,
    badSample: bad.map((r) => {
      const raw = (r.data as StagedData).raw;
      return {
        rowNo: r.rowNo,
        name: raw.name ?? null,
        idNumber: raw.idNumber
          ? maskIdNumber(codeOf('idType', raw.idType) ?? 'citizen_id', raw.idNumber)
          : null,
        errors: r.errors as FieldError[],
        reason: reasonText(r.errors),
      };
    }),
  };
}

/**
 * The bad rows as they were uploaded plus a reason column, so the file can be fixed and uploaded again. The
 * reasons are in Chinese, the office's language, unless the reader asks for English.
 */
export async function importErrorPages(ctx: SignedInContext, id: string, lang: ReasonLang = 'zh') {
  const job = await jobQuery(ctx.db, ctx.scope, id).executeTakeFirst();
  if (!job) throw notFound('import');
  // The audit row belongs to the import's org: a row without one is read by every auditor of the tree.
  const { org_id: orgId } = await ctx.db
    .selectFrom('import_jobs')
    .select('org_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await audit(ctx, {
    action: 'import.errors_export',
    entityType: 'import_job',
    entityId: id,
    orgId,
    summary: `downloaded the bad rows of ${job.filename}`,
  });
  const header = [...PERSON_COLUMNS.map((c) => c.zh), '行号 row', '错误原因 errors'];
  async function* pages() {
    let after = 0;
    for (;;) {
      const rows = await ctx.db
        .selectFrom('import_rows')
        .select(['row_no', 'data', 'errors'])
        .where('job_id', '=', id)
        .where('errors', 'is not', null)
        .where('row_no', '>', after)
        .orderBy('row_no')
        .limit(1000)
        .execute();
      if (!rows.length) return;
      after = rows[rows.length - 1]!.row_no;
      yield rows.map((r) => {
        const raw = (r.data as StagedData).raw;
        return [
          ...PERSON_COLUMNS.map((c) => raw[c.key] ?? ''),
          r.row_no,
          reasonLine(r.errors as FieldError[] | null, lang),
        ];
      });
    }
  }
  return { header, pages: pages() };
}

/**
 * Claims the job for committing and runs the commit in the background. A job whose runner died (status left
 * at committing, lease expired) or failed is resumed from its first uncommitted batch.
 */
export async function startCommit(
  ctx: SignedInContext,
  id: string,
  opts: CommitOptions & { leaseMs?: number } = {},
) {
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  const job = await jobQuery(ctx.db, ctx.scope, id).executeTakeFirst();
  if (!job) throw notFound('import');
  if (!job.validatedAt) throw conflict('the file is still being checked, or its check failed');
  if (job.status === 'done') throw conflict('this import has been committed');
  const now = ctx.clock.now();
  const claimed = await ctx.db
    .updateTable('import_jobs')
    .set({ status: 'committing', error: null, updated_at: new Date() })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['validated', 'failed']),
        eb.and([eb('status', '=', 'committing'), eb('updated_at', '<', new Date(Date.now() - leaseMs))]),
      ]),
    )
    .returning(['id', 'org_id'])
    .executeTakeFirst();
  if (claimed && !running.has(id)) {
    await audit(ctx, {
      action: 'import.commit',
      entityType: 'import_job',
      entityId: id,
      orgId: claimed.org_id,
      summary: `committed ${job.okRows} rows of ${job.filename}`,
      after: { at: now },
    });
    background(id, () => commitJob(ctx.db as Db, id, opts).catch((err) => failJob(ctx.db as Db, id, err)));
  }
  if (claimed || running.has(id)) return { id, status: 'committing' as const, resumesAt: null };
  // Another runner held the job and its lease has not lapsed: it may still be working (or it died). Say when a
  // request will be able to take it over, instead of answering as if the commit had started.
  const held = await ctx.db
    .selectFrom('import_jobs')
    .select('updated_at')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id,
    status: 'committing' as const,
    resumesAt: new Date(new Date(held.updated_at).getTime() + leaseMs).toISOString(),
  };
}

export interface CommitOptions {
  batchSize?: number;
  /** Runs inside each batch's transaction after its writes: a test makes one throw to play a crash. */
  onBatch?: (batchNo: number) => void | Promise<void>;
}

/**
 * Moves the valid staged rows into `persons`, whole batches at a time in row order; each batch moves the job's
 * `committed_through` past its last row in the same transaction, so a crash leaves whole batches and a resumed
 * commit starts after them. A batch is one statement that reads the staged JSON inside the database: the rows
 * never travel to this process and back.
 */
export async function commitJob(db: Db, id: string, opts: CommitOptions = {}) {
  const size = opts.batchSize ?? COMMIT_BATCH;
  const job = await db
    .selectFrom('import_jobs as j')
    .innerJoin('users as u', 'u.id', 'j.created_by')
    .select(['j.created_by', 'u.display_name'])
    .where('j.id', '=', id)
    .executeTakeFirstOrThrow();
  const change = JSON.stringify({ importJob: { from: null, to: id } });
  const lostReason = JSON.stringify([
    {
      path: 'idNumber',
      code: 'registered_during_import',
      message: 'registered by someone else during the import',
    },
  ]);
  for (let k = 0; ; k++) {
    const n = await db.transaction().execute(async (trx) => {
      const now = new Date();
      const { rows } = await sql<{ staged: number; created: number; lost: number; last: number | null }>`
        WITH batch AS (
          SELECT row_no, data->'value' AS v FROM import_rows
          WHERE job_id = ${id} AND errors IS NULL
            AND row_no > (SELECT committed_through FROM import_jobs WHERE id = ${id})
          ORDER BY row_no LIMIT ${size}
        ), ins AS (
          INSERT INTO persons (name, id_type, id_number, sex, birth_date, phone, residence_type, ethnicity,
            nationality, household_address, address, tags, note, grid_id, org_path, created_by, created_at,
            updated_at)
          SELECT v->>'name', v->>'idType', v->>'idNumber', v->>'sex', (v->>'birthDate')::date, v->>'phone',
            v->>'residenceType', v->>'ethnicity', v->>'nationality', v->>'householdAddress', v->>'address',
            ARRAY(SELECT jsonb_array_elements_text(coalesce(v->'tags', '[]'::jsonb))), v->>'note',
            (v->>'gridId')::uuid, v->>'orgPath', ${job.created_by}::uuid, ${now}::timestamptz, ${now}::timestamptz
          FROM batch ORDER BY row_no
          -- Someone registered the same person after the check: that row becomes bad, the batch goes on.
          ON CONFLICT (id_type, id_number) DO NOTHING
          RETURNING id, id_type, id_number
        ), history AS (
          INSERT INTO registry_changes (entity, entity_id, at, actor_id, actor_name, action, changes)
          SELECT 'person', id, ${now}::timestamptz, ${job.created_by}::uuid, ${job.display_name}, 'import',
            ${change}::jsonb
          FROM ins
        ), lost AS (
          UPDATE import_rows r SET errors = ${lostReason}::jsonb
          FROM batch b
          WHERE r.job_id = ${id} AND r.row_no = b.row_no
            AND NOT EXISTS (SELECT 1 FROM ins WHERE ins.id_type = b.v->>'idType' AND ins.id_number = b.v->>'idNumber')
          RETURNING r.row_no
        )
        SELECT (SELECT count(*)::int FROM batch) AS staged, (SELECT count(*)::int FROM ins) AS created,
          (SELECT count(*)::int FROM lost) AS lost, (SELECT max(row_no) FROM batch) AS last`.execute(trx);
      const { staged, created, lost, last } = rows[0]!;
      if (!staged) return 0;
      await trx
        .updateTable('import_jobs')
        .set({
          committed_through: last!,
          committed_rows: sql`committed_rows + ${created}`,
          ok_rows: sql`ok_rows - ${lost}`,
          bad_rows: sql`bad_rows + ${lost}`,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await opts.onBatch?.(k);
      return staged;
    });
    if (!n) break;
    await new Promise((r) => setImmediate(r));
  }
  await db
    .updateTable('import_jobs')
    .set({ status: 'done', updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

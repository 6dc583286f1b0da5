import { sql, type SqlBool } from 'kysely';
import type { RequestContext, SignedInContext } from '../../core/context.ts';
import { audit } from '../../core/audit.ts';
import { notFound } from '../../core/errors.ts';
import { sha256 } from '../../core/files.ts';
import { likeContains } from '../../core/like.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { gatherReport, reportOrg } from './report-data.ts';
import { buildReportPdf } from './report-pdf.ts';
import { buildReportXlsx } from './report-xlsx.ts';
import { monthOf, periodRange } from './period.ts';

type Ctx = Pick<RequestContext, 'db' | 'scope' | 'clock'>;
export type ReportFormat = 'xlsx' | 'pdf';

/**
 * Builds both files of one unit's month and stores them (replacing older ones). `progress` hears 0–100.
 */
export async function generateReport(
  ctx: Ctx,
  orgId: string,
  month: string,
  opts: { source: 'request' | 'sweep'; userId: string | null; progress?: (pct: number) => Promise<void> },
) {
  const progress = opts.progress ?? (async () => {});
  const data = await gatherReport(ctx, orgId, month, progress);
  const org = await reportOrg(ctx, orgId);
  const xlsx = await buildReportXlsx(data);
  await progress(65);
  const pdf = await buildReportPdf(data);
  await progress(90);
  const now = ctx.clock.now();
  for (const [format, bytes] of [
    ['xlsx', xlsx],
    ['pdf', pdf],
  ] as const) {
    await ctx.db
      .insertInto('report_files')
      .values({
        org_id: org.id,
        org_path: org.path,
        org_name: org.name,
        month,
        format,
        bytes,
        size: bytes.length,
        sha256: sha256(bytes),
        source: opts.source,
        generated_by: opts.userId,
        generated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['org_id', 'month', 'format']).doUpdateSet((eb) => ({
          bytes: eb.ref('excluded.bytes'),
          size: eb.ref('excluded.size'),
          sha256: eb.ref('excluded.sha256'),
          source: eb.ref('excluded.source'),
          generated_by: eb.ref('excluded.generated_by'),
          generated_at: eb.ref('excluded.generated_at'),
          org_name: eb.ref('excluded.org_name'),
        })),
      )
      .execute();
  }
  return { xlsx, pdf, org };
}

/** A stored file made after its month ended is final; one made during the month is rebuilt on the next ask. */
async function storedFinal(ctx: Ctx, orgId: string, month: string, format: ReportFormat) {
  const { to } = periodRange('month', month, 'month');
  return ctx.db
    .selectFrom('report_files')
    .select(['bytes', 'org_name'])
    .where('org_id', '=', orgId)
    .where('month', '=', month)
    .where('format', '=', format)
    .where('generated_at', '>=', to)
    .executeTakeFirst();
}

export async function monthlyReport(
  ctx: SignedInContext,
  orgId: string,
  month: string,
  format: ReportFormat,
) {
  const org = await reportOrg(ctx, orgId);
  const { from } = periodRange('month', month, 'month');
  if (from > ctx.clock.now()) throw notFound('report for a month that has not begun');
  const stored = await storedFinal(ctx, org.id, month, format);
  const bytes = stored
    ? stored.bytes
    : (await generateReport(ctx, org.id, month, { source: 'request', userId: ctx.user.id }))[format];
  await audit(ctx, {
    action: 'report.download',
    entityType: 'report',
    entityId: `${org.id}:${month}:${format}`,
    orgId: org.id,
    summary: `${org.name} ${month} ${format}`,
  });
  return { bytes, filename: `${org.name}-${month}-月报.${format}` };
}

function jobOut(j: {
  id: string;
  org_id: string;
  month: string;
  status: string;
  progress: number;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}) {
  return {
    id: j.id,
    orgId: j.org_id,
    month: j.month,
    status: j.status,
    progress: j.progress,
    error: j.error,
    createdAt: j.created_at.toISOString(),
    finishedAt: j.finished_at?.toISOString() ?? null,
  };
}

/**
 * Starts a generation job and answers at once; the job runs in this process and writes its progress to its row,
 * which any instance can read. A job whose process died stays 'running'; a new request simply starts another.
 */
export async function startReportJob(
  ctx: SignedInContext,
  orgId: string,
  month: string,
  onSettled?: (p: Promise<void>) => void,
) {
  const org = await reportOrg(ctx, orgId);
  const { from } = periodRange('month', month, 'month');
  if (from > ctx.clock.now()) throw notFound('report for a month that has not begun');
  const job = await ctx.db
    .insertInto('report_jobs')
    .values({
      org_id: org.id,
      org_path: org.path,
      month,
      status: 'queued',
      requested_by: ctx.user.id,
      created_at: ctx.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(ctx, {
    action: 'report.generate',
    entityType: 'report',
    entityId: job.id,
    orgId: org.id,
    summary: `${org.name} ${month}`,
  });
  // Outside any transaction: the job's progress writes must be visible while it runs.
  const base: Ctx = { db: ctx.db, scope: ctx.scope, clock: ctx.clock };
  const set = (patch: { status?: string; progress?: number; error?: string | null; finished_at?: Date }) =>
    base.db.updateTable('report_jobs').set(patch).where('id', '=', job.id).execute();
  const run = (async () => {
    await new Promise((r) => setImmediate(r));
    try {
      await set({ status: 'running', progress: 5 });
      await generateReport(base, org.id, month, {
        source: 'request',
        userId: ctx.user.id,
        progress: (p) => set({ progress: p }).then(() => undefined),
      });
      await set({ status: 'done', progress: 100, finished_at: base.clock.now() });
    } catch (err) {
      await set({
        status: 'failed',
        error: String((err as Error).message ?? err).slice(0, 500),
        finished_at: base.clock.now(),
      }).catch(() => undefined);
    }
  })();
  onSettled?.(run);
  return jobOut(job);
}

export async function getReportJob(ctx: SignedInContext, id: string) {
  const j = await ctx.db
    .selectFrom('report_jobs')
    .selectAll()
    .where('id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('org_path')))
    .executeTakeFirst();
  if (!j) throw notFound('report job');
  return jobOut(j);
}

export interface ReportListQuery {
  orgId?: string | undefined;
  month?: string | undefined;
  format?: ReportFormat | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listReports(ctx: SignedInContext, q: ReportListQuery) {
  const after = decodeCursor(q.cursor, 3) as [string, string, string] | null;
  const rows = await ctx.db
    .selectFrom('report_files')
    .select(['id', 'org_id', 'org_name', 'month', 'format', 'size', 'source', 'generated_at'])
    .where(pathInScope(ctx.scope, sql.ref('org_path')))
    .$if(!!q.orgId, (b) => b.where('org_id', '=', q.orgId!))
    .$if(!!q.month, (b) => b.where('month', '=', q.month!))
    .$if(!!q.format, (b) => b.where('format', '=', q.format!))
    .$if(!!q.q, (b) => b.where('org_name', 'ilike', likeContains(q.q!)))
    .$if(!!after, (b) =>
      b.where(sql<SqlBool>`(month, org_name, id) < (${after![0]}, ${after![1]}, ${after![2]}::uuid)`),
    )
    .orderBy('month', 'desc')
    .orderBy('org_name', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = pageOf(rows, q.limit, (r) => [r.month, r.org_name, r.id]);
  return {
    items: page.items.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      month: r.month,
      format: r.format,
      size: r.size,
      source: r.source,
      generatedAt: r.generated_at.toISOString(),
      final: r.generated_at >= periodRange('month', r.month, 'month').to,
    })),
    nextCursor: page.nextCursor,
  };
}

/** The units a monthly sweep reports on: every district and every street. */
export async function sweepUnits(ctx: Pick<Ctx, 'db'>) {
  return ctx.db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('level', 'in', ['district', 'street'])
    .where('disabled', '=', false)
    .orderBy('path')
    .execute();
}

export { monthOf };

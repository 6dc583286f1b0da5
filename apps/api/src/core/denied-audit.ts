import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { auditValues } from './audit.ts';
import type { AppError } from './errors.ts';
import { countHit } from './rate-limit.ts';
import type { Sweep } from './sweeps.ts';

/**
 * 等保 8.1.4.3: a refused request on a sensitive record is a security event and goes to the audit log. An attacker
 * probing ids must not be able to flood the log, so each user gets at most `perMinute` rows a minute, counted in
 * `rate_limits` (shared by every instance); the rest of that minute is counted there and written as one summary
 * row (`access.denied.suppressed`) once the minute is over, by the sweep below.
 */
export const DENIED_WINDOW_MS = 60_000;
const BUCKET = 'denied-audit:user:';

export function deniedPerMinute(): number {
  const n = Number(process.env.DENIED_AUDIT_PER_MINUTE ?? 20);
  return Number.isInteger(n) && n > 0 ? n : 20;
}

/**
 * Routes whose out-of-scope 404 is a probe of a sensitive record: persons (the registry and its reveals), the
 * records under core/records, and cases (a case's class is not known without reading it, so every case answer
 * counts). A 403 (a missing permission) is audited on every route.
 */
const SENSITIVE_ROUTES: readonly { prefix: string; entity: string }[] = [
  { prefix: '/api/persons/', entity: 'person' },
  { prefix: '/api/records/', entity: 'record' },
  { prefix: '/api/registry', entity: 'registry' },
  { prefix: '/api/cases/:id', entity: 'case' },
  { prefix: '/api/subject-requests/:id', entity: 'subject_request' },
];

function entityOf(route: string): string | null {
  return SENSITIVE_ROUTES.find((r) => route.startsWith(r.prefix))?.entity ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record a refused request named, from its path parameters. */
function recordId(request: FastifyRequest): string | null {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const id = params.id ?? params.ownerId;
  return typeof id === 'string' && UUID.test(id) ? id : null;
}

/** Writes the audit row of a refusal when it is one to audit; never changes the answer. */
export async function auditDenial(request: FastifyRequest, err: AppError): Promise<void> {
  const ctx = request.ctx;
  const user = ctx?.user;
  if (!user || user.pendingSecondFactor) return;
  const route = request.routeOptions.url ?? '';
  const permissionDenied = err.status === 403 && err.code === 'FORBIDDEN';
  const entity = entityOf(route);
  const outOfScope = err.status === 404 && err.code === 'NOT_FOUND' && entity !== null;
  if (!permissionDenied && !outOfScope) return;
  const db = ctx.db as Db;
  const now = ctx.clock.now();
  const limit = deniedPerMinute();
  const hit = await countHit(db, { bucket: BUCKET + user.id, limit, windowMs: DENIED_WINDOW_MS }, now);
  if (!hit.allowed) return; // counted; the sweep writes the summary
  const id = recordId(request);
  await db
    .insertInto('audit_log')
    .values(
      auditValues(ctx, {
        action: 'access.denied',
        entityType: entity ?? 'route',
        entityId: id,
        // Filed under the district, read by its audit administrator: a probe names another area's ids, which
        // the prober's own street must not learn from its audit list.
        orgId: user.orgPath.split('/')[1] ?? null,
        summary: `${err.status} ${request.method} ${route}`,
        after: { status: err.status, code: err.code, method: request.method, route, recordId: id },
      }),
    )
    .execute();
}

/**
 * Once a minute is over, the refusals past the limit become one row per user and minute. Deleting the counter
 * and inserting the row is one statement, so two instances running the sweep cannot both write it.
 */
export function deniedSummarySweep(): Sweep {
  return {
    name: 'denied-audit-summaries',
    everyMs: DENIED_WINDOW_MS,
    async run(db, now) {
      const limit = deniedPerMinute();
      const { rows } = await sql<{ n: number }>`
        WITH done AS (
          DELETE FROM rate_limits
          WHERE bucket LIKE ${BUCKET + '%'} AND hits > ${limit}::int
            AND window_start <= ${new Date(now.getTime() - DENIED_WINDOW_MS)}::timestamptz
          RETURNING bucket, window_start, hits
        ), ins AS (
          INSERT INTO audit_log (at, actor_id, actor_name, action, entity_type, entity_id, org_id, summary, after)
          SELECT ${now}::timestamptz, u.id, u.username, 'access.denied.suppressed', 'user', u.id::text,
            (SELECT o.id FROM orgs o WHERE o.parent_id IS NULL AND uo.path LIKE o.path || '%' LIMIT 1),
            (d.hits - ${limit}::int)::text || ' more refused requests in the minute from ' || d.window_start::text,
            json_build_object('suppressed', d.hits - ${limit}::int, 'limit', ${limit}::int,
              'windowStart', d.window_start)::jsonb
          FROM done d JOIN users u ON u.id::text = substr(d.bucket, ${BUCKET.length + 1}::int)
            JOIN orgs uo ON uo.id = u.org_id
          RETURNING 1
        )
        SELECT count(*)::int AS n FROM ins`.execute(db);
      return rows[0]?.n ?? 0;
    },
  };
}

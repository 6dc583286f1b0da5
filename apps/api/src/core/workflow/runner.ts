import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { audit } from '../audit.ts';
import { inTransaction } from '../context.ts';
import { AppError, badRequest, forbidden, notFound, staleVersion } from '../errors.ts';
import { systemScope } from '../org-scope.ts';
import type { Db } from '../../db/client.ts';
import {
  findTransition,
  targetsOf,
  transitionsFrom,
  type Change,
  type WorkflowCtx,
  type WorkflowDef,
  type WorkflowRecord,
} from './define.ts';
import { writeClock, writeEvent } from './store.ts';

export interface TransitionInput {
  action: string;
  version: number;
  [field: string]: unknown;
}

/** The actions this user may take on this record now: what a record page turns into buttons. */
export function allowedActions<
  S extends string,
  A extends string,
  R extends string,
  C extends WorkflowCtx,
  Row extends WorkflowRecord,
  F,
>(ctx: C, def: WorkflowDef<S, A, R, C, Row, F>, row: Row, facts: F): A[] {
  const out: A[] = [];
  for (const t of transitionsFrom(def, row.status)) {
    if (t.who === 'system' || out.includes(t.action)) continue;
    if (!def.actors[t.who as R].may(ctx, row, facts)) continue;
    if (t.guard?.(row)) continue;
    out.push(t.action);
  }
  return out;
}

/** A zod failure as the API's 400: the first field, "required for <action>" when it is missing. */
function inputError(action: string, input: Record<string, unknown>, error: z.ZodError) {
  const issue = error.issues[0]!;
  const path = issue.path.map(String).join('.') || 'body';
  const top = issue.path[0];
  const missing = typeof top === 'string' && (input[top] === undefined || input[top] === null);
  return badRequest(path, missing ? `required for ${action}` : issue.message);
}

/**
 * Takes one workflow action, in one transaction: scoped load (404) → version (409 STALE_VERSION) → the
 * transition from this status (409 ACTION_NOT_ALLOWED with the allowed actions) → guard (409) → actor
 * rule (403) → input schema (400 naming the field) → apply → versioned update → clock → event →
 * notifications → audit. A context without a user takes the definition's system transitions (the sweep).
 */
export async function performTransition<
  S extends string,
  A extends string,
  R extends string,
  C extends WorkflowCtx,
  Row extends WorkflowRecord,
  F,
>(
  ctx: C,
  def: WorkflowDef<S, A, R, C, Row, F>,
  id: string,
  input: TransitionInput,
): Promise<{ id: string; status: S; version: number }> {
  return inTransaction(ctx, async (tx) => {
    const row = await def.load(tx, id);
    if (!row) throw notFound(def.name);
    if (row.version !== input.version) throw staleVersion(row.version);
    const system = tx.user === null;
    const facts = system ? (undefined as F) : await def.facts(tx, row);
    const t = findTransition(def, input.action, row.status, system);
    if (!t) {
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        409,
        `${input.action} is not possible while the ${def.name} is ${row.status}`,
        { status: row.status, allowedActions: system ? [] : allowedActions(tx, def, row, facts) },
      );
    }
    const refusal = t.guard?.(row);
    if (refusal) throw new AppError('CONFLICT', 409, refusal);
    if (!system && !def.actors[t.who as R].may(tx, row, facts))
      throw forbidden(`you may not ${input.action} this ${def.name}`);
    const parsed = t.input.safeParse(input);
    if (!parsed.success) throw inputError(input.action, input, parsed.error);

    const now = tx.clock.now();
    const change: Change<S> = await t.apply(tx, row, parsed.data as Record<string, unknown>, now);
    // A transition that ends where its declaration says it cannot is a bug in the definition, not a 4xx.
    if (!targetsOf(t.to, row.status as S).includes(change.to))
      throw new Error(`${def.name}.${t.action} ended in ${change.to}, not a declared target`);

    const db = tx.db as unknown as Kysely<Record<string, { id: string; version: number }>>;
    const r = await db
      .updateTable(def.table)
      .set({
        ...change.set,
        ...(change.clock && def.mirror ? def.mirror(change.clock, row) : {}),
        ...def.always?.(row, now),
        status: change.to,
        version: sql`version + 1`,
        updated_at: now,
      } as never)
      .where('id', '=', row.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    // Two people acting on one version at once: the second finds the version gone.
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion(row.version);

    const owner = { ownerType: def.name, ownerId: row.id };
    if (change.clock) await writeClock(tx.db, owner, change.clock, now);
    await writeEvent(tx.db, owner, {
      at: now,
      actor: tx.user,
      action: t.action,
      fromStatus: row.status,
      toStatus: change.to,
      note: change.note ?? null,
      data: change.data ?? null,
      internal: change.internal ?? false,
    });
    await def.recorded?.(tx, row, change, t.action, now);
    for (const n of change.notify ?? []) if (n.users.length) await def.notify(tx.db, row, n, now);
    await audit(tx, {
      action: `${def.name}.${t.action}`,
      entityType: def.audit.entityType,
      entityId: row.id,
      orgId: def.audit.orgId(row),
      summary: `${t.action} ${def.name} ${def.audit.label(row)}: ${row.status} → ${change.to}`,
      before: { status: row.status },
      after: { status: change.to },
      ...(system ? { actorName: 'system', actorId: null } : {}),
    });
    return { id: row.id, status: change.to, version: row.version + 1 };
  });
}

/** The context of a system transition: no user, the whole tree, the sweep's time. */
export function systemContext(db: Db, now: Date): WorkflowCtx {
  return { db, user: null, scope: systemScope(), clock: { now: () => now }, ip: null, userAgent: null };
}

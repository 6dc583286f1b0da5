import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { terminalInput, terminalUpdate } from '@civicgrid/shared/field-day';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, notFound, staleVersion } from '../../core/errors.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { idempotent } from './service.ts';
import {
  countTerminals,
  inScopeRow,
  insertTerminal,
  terminalById,
  terminalByKey,
  terminalCodeTaken,
  terminalFilter,
  terminalSecret,
  toTerminal,
  updateTerminalRow,
} from './terminal-repository.ts';

type TerminalInput = z.infer<typeof terminalInput>;
type TerminalUpdate = z.infer<typeof terminalUpdate>;

/**
 * Registers a 一键通 terminal in a grid of the caller's subtree. The answer carries the HMAC secret the gateway
 * signs with; it is shown this once (a replay of the same create shows it again to its author).
 */
export async function createTerminal(ctx: SignedInContext, input: TerminalInput, key: string | null) {
  const grid = await inScopeRow(ctx.db, ctx.scope, 'orgs', input.gridId);
  if (!grid) throw badRequest('gridId', 'not a grid of your area');
  if (input.personId && !(await inScopeRow(ctx.db, ctx.scope, 'persons', input.personId)))
    throw badRequest('personId', 'no such person in your area');
  if (input.houseId && !(await inScopeRow(ctx.db, ctx.scope, 'houses', input.houseId)))
    throw badRequest('houseId', 'no such house in your area');
  const taken = await terminalCodeTaken(ctx.db, input.code);
  const r = await idempotent(
    key,
    input,
    async () => {
      const had = await terminalByKey(ctx.db, ctx.user.id, key!);
      if (!had) return undefined;
      const secret = await terminalSecret(ctx.db, had.id);
      return { ...toTerminal(had), secret, idempotency_hash: had.idempotency_hash };
    },
    (hash) => {
      if (taken) throw badRequest('code', 'a terminal with this code is registered already');
      return inTransaction(ctx, async (tx) => {
        const secret = randomBytes(32).toString('hex');
        const { id } = await insertTerminal(tx.db, {
          org_id: grid.id,
          org_path: grid.path,
          code: input.code,
          location: input.location,
          person_id: input.personId ?? null,
          house_id: input.houseId ?? null,
          secret,
          created_by: ctx.user.id,
          idempotency_key: key,
          idempotency_hash: hash,
        });
        await audit(tx, {
          action: 'field.terminal.create',
          entityType: 'field_terminal',
          entityId: id,
          orgId: grid.id,
          summary: `一键通终端 ${input.code}`,
        });
        const row = (await terminalById(tx.db, ctx.scope, id))!;
        return { ...toTerminal(row), secret, idempotency_hash: hash };
      });
    },
  );
  const { idempotency_hash: _h, ...terminal } = r.row;
  return { terminal, replayed: r.replayed };
}

export async function getTerminal(ctx: SignedInContext, id: string) {
  const row = await terminalById(ctx.db, ctx.scope, id);
  if (!row) throw notFound('terminal');
  return toTerminal(row);
}

export async function updateTerminal(ctx: SignedInContext, id: string, input: TerminalUpdate) {
  const had = await terminalById(ctx.db, ctx.scope, id);
  if (!had) throw notFound('terminal');
  if (had.version !== input.version) throw staleVersion(had.version);
  return inTransaction(ctx, async (tx) => {
    const done = await updateTerminalRow(tx.db, id, input.version, {
      ...(input.location ? { location: input.location } : {}),
      ...(input.status ? { status: input.status } : {}),
      updated_at: ctx.clock.now(),
    });
    if (!done) throw staleVersion(had.version + 1);
    await audit(tx, {
      action: 'field.terminal.update',
      entityType: 'field_terminal',
      entityId: id,
      summary: `一键通终端 ${had.code}`,
      before: { location: had.location, status: had.status },
      after: { location: input.location ?? had.location, status: input.status ?? had.status },
    });
    return toTerminal((await terminalById(tx.db, ctx.scope, id))!);
  });
}

export async function listTerminals(
  ctx: SignedInContext,
  q: { q?: string | undefined; gridId?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(q.cursor, 1) as [string] | null;
  let s = terminalFilter(ctx.db, ctx.scope, q);
  if (after) s = s.where('t.code', '>', after[0]);
  const rows = await s
    .orderBy('t.code')
    .limit(q.limit + 1)
    .execute();
  const page = pageOf(rows, q.limit, (r) => [r.code]);
  return {
    total: await countTerminals(ctx.db, ctx.scope, q),
    items: page.items.map(toTerminal),
    nextCursor: page.nextCursor,
  };
}

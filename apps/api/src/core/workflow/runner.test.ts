import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FakeClock } from '../clock.ts';
import type { AuthUser } from '../context.ts';
import { AppError } from '../errors.ts';
import { systemScope } from '../org-scope.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import type { WorkflowCtx, WorkflowDef } from './define.ts';
import { allowedActions, performTransition, systemContext } from './runner.ts';

/** A toy workflow on a table of its own: open → review → done, with a guard, a system action and a bug. */
interface Toy {
  id: string;
  status: string;
  version: number;
  owner: string;
  locked: boolean;
}
type S = 'open' | 'review' | 'done';
const TOY: WorkflowDef<
  S,
  'submit' | 'approve' | 'expire' | 'broken',
  'owner' | 'boss',
  WorkflowCtx,
  Toy,
  null
> = {
  name: 'toy',
  table: 'toy_records',
  statuses: ['open', 'review', 'done'],
  final: ['done'],
  actors: {
    owner: { may: (ctx, row) => ctx.user?.id === row.owner },
    boss: { may: (ctx) => ctx.user?.username === 'boss' },
  },
  transitions: [
    {
      action: 'submit',
      from: ['open'],
      to: 'review',
      who: 'owner',
      input: z.object({ note: z.string().min(1) }),
      apply: async (_ctx, _row, input) => ({ to: 'review', note: String(input.note), data: { n: 1 } }),
    },
    {
      action: 'approve',
      from: ['review'],
      to: 'done',
      who: 'boss',
      input: z.object({}),
      guard: (row) => (row.locked ? 'the record is locked' : null),
      apply: async () => ({ to: 'done', set: { locked: true } }),
    },
    {
      action: 'broken',
      from: ['open'],
      to: 'done',
      who: 'owner',
      input: z.object({}),
      apply: async () => ({ to: 'review' }),
    },
    {
      action: 'expire',
      from: ['review'],
      to: 'done',
      who: 'system',
      input: z.object({}),
      apply: async () => ({ to: 'done' }),
    },
  ],
  clocks: {},
  clockOf: {},
  load: async (ctx, id) =>
    (await ctx.db
      .selectFrom('toy_records' as never)
      .selectAll()
      .where(sql.ref('id'), '=', id)
      .executeTakeFirst()) as Toy | undefined,
  facts: async () => null,
  audit: { entityType: 'toy', orgId: () => null, label: (r) => r.id.slice(0, 8) },
  notify: async () => {},
};

const clock = new FakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let owner: AuthUser, boss: AuthUser;
const ctxOf = (user: AuthUser): WorkflowCtx => ({
  db: t.db.db,
  user,
  scope: systemScope(),
  clock,
  ip: null,
  userAgent: null,
});

async function toy(status: S = 'open', locked = false) {
  const r = await sql<{
    id: string;
  }>`INSERT INTO toy_records (status, owner, locked) VALUES (${status}, ${owner.id}, ${locked}) RETURNING id`.execute(
    t.db.db,
  );
  return r.rows[0]!.id;
}
const events = (id: string) =>
  t.db.db
    .selectFrom('workflow_events')
    .selectAll()
    .where('owner_type', '=', 'toy')
    .where('owner_id', '=', id)
    .orderBy('id')
    .execute();
const audits = (id: string) =>
  t.db.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', 'toy')
    .where('entity_id', '=', id)
    .execute();
async function refusal(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  await sql`CREATE TABLE toy_records (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), status text NOT NULL,
    owner uuid NOT NULL, locked boolean NOT NULL, version int NOT NULL DEFAULT 1, updated_at timestamptz)`.execute(
    t.db.db,
  );
  const users = await t.db.db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['center', 'leader'])
    .execute();
  const user = (u: { id: string }, username: string) =>
    ({
      id: u.id,
      username,
      displayName: username,
      orgId: u.id,
      orgPath: '/',
      orgName: 'org',
      orgLevel: 'district',
      mustChangePassword: false,
      pendingSecondFactor: false,
      mustEnrolSecondFactor: false,
      permissions: new Set(),
      sessionId: 's',
      csrfToken: 'c',
    }) as AuthUser;
  owner = user(
    users.find((u) => u.username === 'center')!,
    'owner',
  );
  boss = user(
    users.find((u) => u.username === 'leader')!,
    'boss',
  );
});
afterAll(() => t.close());

describe('the workflow runner, on a toy definition', () => {
  it('takes an allowed action: status, version + 1, one event and one audit row', async () => {
    const id = await toy();
    expect(allowedActions(ctxOf(owner), TOY, (await TOY.load(ctxOf(owner), id))!, null)).toEqual([
      'submit',
      'broken',
    ]);
    const done = await performTransition(ctxOf(owner), TOY, id, {
      action: 'submit',
      version: 1,
      note: 'ready',
    });
    expect(done).toEqual({ id, status: 'review', version: 2 });
    expect(await events(id)).toMatchObject([
      {
        action: 'submit',
        from_status: 'open',
        to_status: 'review',
        note: 'ready',
        data: { n: 1 },
        actor_id: owner.id,
      },
    ]);
    expect(await audits(id)).toMatchObject([
      { action: 'toy.submit', before: { status: 'open' }, after: { status: 'review' } },
    ]);
  });

  it('answers 409 ACTION_NOT_ALLOWED with the status and the allowed actions, 409 STALE_VERSION, 404', async () => {
    const id = await toy();
    const wrong = await refusal(performTransition(ctxOf(owner), TOY, id, { action: 'approve', version: 1 }));
    expect([wrong.status, wrong.code, wrong.details]).toEqual([
      409,
      'ACTION_NOT_ALLOWED',
      { status: 'open', allowedActions: ['submit', 'broken'] },
    ]);
    const stale = await refusal(
      performTransition(ctxOf(owner), TOY, id, { action: 'submit', version: 7, note: 'x' }),
    );
    expect([stale.status, stale.code]).toEqual([409, 'STALE_VERSION']);
    const missing = await refusal(
      performTransition(ctxOf(owner), TOY, '00000000-0000-4000-8000-000000000000', {
        action: 'submit',
        version: 1,
      }),
    );
    expect(missing.status).toBe(404);
    expect(await events(id)).toEqual([]);
  });

  it('checks the guard (409), then the actor (403), then the input (400 naming the field)', async () => {
    const locked = await toy('review', true);
    const guarded = await refusal(
      performTransition(ctxOf(boss), TOY, locked, { action: 'approve', version: 1 }),
    );
    expect([guarded.status, guarded.message]).toEqual([409, 'the record is locked']);
    expect(allowedActions(ctxOf(boss), TOY, (await TOY.load(ctxOf(boss), locked))!, null)).toEqual([]);
    const id = await toy();
    const notYours = await refusal(
      performTransition(ctxOf(boss), TOY, id, { action: 'submit', version: 1, note: 'x' }),
    );
    expect(notYours.status).toBe(403);
    const noNote = await refusal(performTransition(ctxOf(owner), TOY, id, { action: 'submit', version: 1 }));
    expect([noNote.status, noNote.details?.fields]).toEqual([
      400,
      [{ path: 'note', message: 'required for submit' }],
    ]);
  });

  it('lets one of two writers on the same version through; the second gets 409 STALE_VERSION', async () => {
    const id = await toy();
    const body = { action: 'submit', version: 1, note: 'x' };
    const results = await Promise.allSettled([
      performTransition(ctxOf(owner), TOY, id, body),
      performTransition(ctxOf(owner), TOY, id, body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((lost.reason as AppError).code).toBe('STALE_VERSION');
    expect(await events(id)).toHaveLength(1);
  });

  it('refuses a transition that ends outside its declared targets and writes nothing', async () => {
    const id = await toy();
    await expect(performTransition(ctxOf(owner), TOY, id, { action: 'broken', version: 1 })).rejects.toThrow(
      /not a declared target/,
    );
    expect((await TOY.load(ctxOf(owner), id))!).toMatchObject({ status: 'open', version: 1 });
    expect(await events(id)).toEqual([]);
  });

  it('runs system transitions only without a user, audited as the system', async () => {
    const id = await toy('review');
    const asUser = await refusal(performTransition(ctxOf(boss), TOY, id, { action: 'expire', version: 1 }));
    expect(asUser.code).toBe('ACTION_NOT_ALLOWED');
    await t.db.db.transaction().execute(async (trx) => {
      await performTransition(systemContext(trx, clock.now()), TOY, id, { action: 'expire', version: 1 });
    });
    expect(await events(id)).toMatchObject([{ action: 'expire', actor_id: null, actor_name: 'system' }]);
    expect(await audits(id)).toMatchObject([{ action: 'toy.expire', actor_name: 'system', actor_id: null }]);
  });
});

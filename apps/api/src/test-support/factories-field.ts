import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Subtree } from './factories.ts';

/** A 一键通 terminal in the grid of `at`, with the secret its gateway signs alarms with. */
export async function terminal(db: Db, at: Subtree, over: { code?: string; location?: string } = {}) {
  const secret = randomBytes(32).toString('hex');
  const row = await db
    .insertInto('field_terminals')
    .values({
      org_id: at.grid.id,
      org_path: at.grid.path,
      code: over.code ?? `T-${randomBytes(4).toString('hex')}`,
      location: over.location ?? `${at.grid.name}3号楼201室`,
      secret,
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
  return { ...row, secret };
}

/** An open alarm of a terminal in `at`, raised now. */
export async function terminalAlarm(db: Db, at: Subtree, workerId: string | null = null, now = new Date()) {
  const t = await terminal(db, at);
  return db
    .insertInto('field_terminal_alarms')
    .values({
      terminal_id: t.id,
      org_id: at.grid.id,
      org_path: at.grid.path,
      alarm_id: randomBytes(6).toString('hex'),
      raised_at: now,
      deadline: new Date(now.getTime() + 10 * 60_000),
      worker_id: workerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A work log of a grid worker of `at`. */
export async function workLog(db: Db, at: Subtree, userId: string, day = '2026-03-02') {
  return db
    .insertInto('field_work_logs')
    .values({
      org_id: at.grid.id,
      org_path: at.grid.path,
      user_id: userId,
      user_name: '测试网格员',
      day,
      summary: JSON.stringify({}),
      body: '走访 3 户',
      submitted_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { ALARM_MAX_SKEW_MS, terminalAlarmInput } from '@civicgrid/shared/field-day';
import { notification } from '@civicgrid/shared/notifications';
import { audit } from '../../core/audit.ts';
import { inTransaction, type RequestContext, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest, notFound, staleVersion, unauthorized } from '../../core/errors.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { notifyUsers } from '../../core/records/notify.ts';
import type { Db } from '../../db/client.ts';
import { fieldSettings } from './settings.ts';
import {
  alarmByGatewayId,
  alarmById,
  gridWorkerOf,
  insertAlarm,
  listAlarmRows,
  terminalForAlarm,
  toAlarm,
  updateAlarm,
} from './terminal-repository.ts';

/** HMAC-SHA256 (hex) of `${timestamp}.${body}` under the terminal's secret: what a gateway sends. */
export const alarmSignature = (secret: string, timestamp: string, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

const refused = (why: string) => unauthorized(`alarm refused: ${why}`, 'ALARM_REFUSED');

/** Checks the signature in constant time; a missing, stale or wrong one is 401 and writes nothing. */
function verify(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  raw: string,
  now: Date,
) {
  if (!timestamp || !/^\d{1,13}$/.test(timestamp)) throw refused('no timestamp');
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > ALARM_MAX_SKEW_MS)
    throw refused('timestamp more than 5 minutes away (a replay?)');
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) throw refused('no signature');
  const expected = Buffer.from(alarmSignature(secret, timestamp, raw), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) throw refused('bad signature');
}

/**
 * 一键通: a gateway's signed alarm becomes a task for the grid's worker, due within the district's response
 * minutes (server time). The same alarm id sent again answers the first alarm and creates nothing.
 */
export async function receiveAlarm(
  ctx: RequestContext,
  h: { code?: string | undefined; timestamp?: string | undefined; signature?: string | undefined },
  raw: string,
) {
  const now = ctx.clock.now();
  const db = ctx.db as Db;
  const terminal = h.code ? await terminalForAlarm(db, h.code.slice(0, 40)) : undefined;
  if (!terminal || terminal.status !== 'active') throw refused('unknown terminal');
  verify(terminal.secret, h.timestamp, h.signature, raw, now);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badRequest('body', 'not JSON');
  }
  const body = terminalAlarmInput.safeParse(parsed);
  if (!body.success) {
    const issue = body.error.issues[0]!;
    throw badRequest(issue.path.join('.') || 'body', issue.message);
  }
  return inTransaction(ctx, async (tx) => {
    const settings = await fieldSettings(tx.db as Db);
    const worker = await gridWorkerOf(tx.db, terminal.org_id);
    const made = await insertAlarm(tx.db, {
      terminal_id: terminal.id,
      org_id: terminal.org_id,
      org_path: terminal.org_path,
      alarm_id: body.data.alarmId,
      raised_at: now,
      deadline: new Date(now.getTime() + settings.alarmResponseMinutes * 60_000),
      worker_id: worker?.user_id ?? null,
    });
    if (!made)
      return { id: (await alarmByGatewayId(tx.db, terminal.id, body.data.alarmId)).id, duplicate: true };
    await notifyUsers(tx.db as Db, [worker?.user_id ?? null], {
      message: notification('field.alarm_raised', {
        location: terminal.location,
        minutes: String(settings.alarmResponseMinutes),
      }),
      ownerType: 'field_terminal_alarm',
      ownerId: made.id,
      at: now,
    });
    await audit(tx, {
      action: 'field.alarm.record',
      entityType: 'field_terminal_alarm',
      entityId: made.id,
      orgId: terminal.org_id,
      actorName: `terminal:${terminal.code}`,
      actorId: null,
      summary: `一键通呼叫 ${terminal.code} ${terminal.location}`,
    });
    return { id: made.id, duplicate: false };
  });
}

const mayAct = (ctx: SignedInContext, workerId: string | null) =>
  workerId === ctx.user.id || ctx.user.permissions.has('terminal.manage');

async function step(
  ctx: SignedInContext,
  id: string,
  version: number,
  from: readonly string[],
  write: (now: Date, had: NonNullable<Awaited<ReturnType<typeof alarmById>>>) => Record<string, unknown>,
  action: 'field.alarm.arrive' | 'field.alarm.handle',
) {
  const had = await alarmById(ctx.db, ctx.scope, id);
  if (!had || !mayAct(ctx, had.worker_id)) throw notFound('alarm');
  if (had.version !== version) throw staleVersion(had.version);
  if (!from.includes(had.status))
    throw new AppError('TRANSITION_NOT_ALLOWED', 409, `the alarm is ${had.status} already`);
  const now = ctx.clock.now();
  return inTransaction(ctx, async (tx) => {
    if (!(await updateAlarm(tx.db, id, version, write(now, had) as never))) throw staleVersion(version + 1);
    await audit(tx, {
      action,
      entityType: 'field_terminal_alarm',
      entityId: id,
      summary: `一键通 ${had.code} ${had.location}`,
    });
    return toAlarm((await alarmById(tx.db, ctx.scope, id))!, now);
  });
}

/** 已到达: the worker is at the door (the clock stops here; late is overdue for good). */
export const arriveAlarm = (
  ctx: SignedInContext,
  id: string,
  b: { version: number; lng?: number | undefined; lat?: number | undefined },
) =>
  step(
    ctx,
    id,
    b.version,
    ['open'],
    (now) => ({
      status: 'arrived',
      arrived_at: now,
      arrived_lng: b.lng ?? null,
      arrived_lat: b.lat ?? null,
    }),
    'field.alarm.arrive',
  );

/** 已处置: what was done; handling an alarm not marked arrived marks the arrival now too. */
export const handleAlarm = (ctx: SignedInContext, id: string, b: { version: number; note: string }) =>
  step(
    ctx,
    id,
    b.version,
    ['open', 'arrived'],
    (now, had) => ({
      status: 'handled',
      handled_at: now,
      handled_note: b.note,
      ...(had.arrived_at ? {} : { arrived_at: now }),
    }),
    'field.alarm.handle',
  );

export async function listAlarms(
  ctx: SignedInContext,
  q: {
    mine?: 'true' | 'false' | undefined;
    open?: 'true' | 'false' | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const all = q.mine === 'false' && ctx.user.permissions.has('terminal.manage');
  const rows = await listAlarmRows(ctx.db, ctx.scope, {
    ...(all ? {} : { workerId: ctx.user.id }),
    open: q.open !== 'false',
    limit: q.limit,
    after: decodeCursor(q.cursor, 2) as [string, string] | null,
  });
  const page = pageOf(rows, q.limit, (r) => [r.raised_at.toISOString(), r.id]);
  const now = ctx.clock.now();
  return { items: page.items.map((r) => toAlarm(r, now)), nextCursor: page.nextCursor };
}

export async function getAlarm(ctx: SignedInContext, id: string) {
  const had = await alarmById(ctx.db, ctx.scope, id);
  if (!had || !mayAct(ctx, had.worker_id)) throw notFound('alarm');
  return toAlarm(had, ctx.clock.now());
}

import {
  warningSettings,
  type WarningListQuery,
  type WarningSettings,
  type WarningStatus,
} from '@civicgrid/shared/stability';
import type { z } from 'zod';
import type { warningManualInput } from '@civicgrid/shared/stability';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest, conflict, notFound, staleVersion } from '../../core/errors.ts';
import { writeEvent } from '../../core/workflow/store.ts';
import { orgInScope } from '../stability/repository.ts';
import { issueWarning, loadSettings } from './issue.ts';
import * as repo from './repository.ts';
import { runWarningRules } from './sweeps.ts';

type Target = Awaited<ReturnType<typeof repo.targetsOf>>[number];

function present(ctx: SignedInContext, w: repo.WarningRow, targets: Target[]) {
  const mine = targets.filter((t) => !t.acked_at && t.org_path.startsWith(ctx.scope.pathPrefix));
  return {
    id: w.id,
    number: w.number,
    source: w.source,
    rule: w.rule,
    level: w.level,
    title: w.title,
    detail: w.detail,
    status: w.status as WarningStatus,
    issuedAt: w.issued_at,
    closedAt: w.closed_at,
    version: w.version,
    targets: targets.map((t) => ({
      id: t.id,
      orgId: t.org_id,
      orgName: t.org_name,
      ackDue: t.ack_due,
      ackedAt: t.acked_at,
      ackedByName: t.acked_by_name,
      escalatedAt: t.escalated_at,
      escalatedFrom: t.escalated_from,
      late: t.acked_at ? new Date(t.acked_at) > new Date(t.ack_due) : new Date(t.ack_due) < ctx.clock.now(),
    })),
    canAck: ctx.user.permissions.has('warning.ack') && w.status !== 'closed' && mine.length > 0,
    canClose: ctx.user.permissions.has('warning.issue') && w.status !== 'closed',
  };
}

export async function listWarnings(ctx: SignedInContext, f: WarningListQuery) {
  const page = await repo.listWarnings(ctx.db, ctx.scope, f);
  const targets = await repo.targetsOf(
    ctx.db,
    page.items.map((w) => w.id),
  );
  const total = f.cursor ? undefined : await repo.countWarnings(ctx.db, ctx.scope, f);
  return {
    items: page.items.map((w) =>
      present(
        ctx,
        w,
        targets.filter((t) => t.warning_id === w.id),
      ),
    ),
    nextCursor: page.nextCursor,
    total,
  };
}

export async function getWarning(ctx: SignedInContext, id: string) {
  const w = await repo.findWarning(ctx.db, ctx.scope, id);
  if (!w) throw notFound('warning');
  return present(ctx, w, await repo.targetsOf(ctx.db, [id]));
}

/** 签收: every unacknowledged target row of the caller's subtree, in one go; 409 when none waits. */
export async function acknowledge(ctx: SignedInContext, id: string, note: string | undefined) {
  await inTransaction(ctx, async (tx) => {
    const w = await repo.findWarning(tx.db, tx.scope, id);
    if (!w) throw notFound('warning');
    if (w.status === 'closed') throw conflict('this warning is closed');
    const now = tx.clock.now();
    const done = await repo.ackTargets(
      tx.db,
      tx.scope,
      id,
      { id: tx.user.id, name: tx.user.displayName },
      note ?? null,
      now,
    );
    if (!done.length)
      throw new AppError('NOTHING_TO_ACKNOWLEDGE', 409, 'no unit of yours owes an acknowledgement');
    await repo.settleStatus(tx.db, id, now);
    await writeEvent(
      tx.db,
      { ownerType: 'warning', ownerId: id },
      { at: now, actor: tx.user, action: 'ack', note: note ?? null },
    );
    await audit(tx, {
      action: 'warning.ack',
      entityType: 'warning',
      entityId: id,
      orgId: w.org_id,
      summary: `acknowledged warning ${w.number} for ${done.length} unit(s)`,
    });
  });
  return getWarning(ctx, id);
}

export async function closeWarning(ctx: SignedInContext, id: string, version: number, note: string) {
  await inTransaction(ctx, async (tx) => {
    const w = await repo.findWarning(tx.db, tx.scope, id);
    if (!w) throw notFound('warning');
    if (w.status === 'closed') throw conflict('this warning is already closed');
    if (w.version !== version) throw staleVersion(w.version);
    const now = tx.clock.now();
    if (!(await repo.closeWarning(tx.db, id, version, note, now))) throw staleVersion(w.version);
    await writeEvent(
      tx.db,
      { ownerType: 'warning', ownerId: id },
      { at: now, actor: tx.user, action: 'close', note },
    );
    await audit(tx, {
      action: 'warning.close',
      entityType: 'warning',
      entityId: id,
      orgId: w.org_id,
      summary: `closed warning ${w.number}`,
    });
  });
  return getWarning(ctx, id);
}

/** 手动预警: the issuer names the target units (inside their subtree). */
export async function issueManual(ctx: SignedInContext, input: z.infer<typeof warningManualInput>) {
  const id = await inTransaction(ctx, async (tx) => {
    const org = await orgInScope(tx.db, tx.scope, tx.user.orgId);
    if (!org) throw badRequest('targetOrgIds', 'your unit is not in your scope');
    for (const [i, t] of input.targetOrgIds.entries())
      if (!(await orgInScope(tx.db, tx.scope, t)))
        throw badRequest(`targetOrgIds.${i}`, 'no such unit in your part of the tree');
    const s = await loadSettings(tx.db);
    const w = await issueWarning(
      tx.db,
      { ...input, rule: null, clusterKey: '', orgId: org.id, orgPath: org.path },
      s,
      tx.clock.now(),
      tx.user,
    );
    await audit(tx, {
      action: 'warning.issue',
      entityType: 'warning',
      entityId: w!.id,
      orgId: org.id,
      summary: `issued warning ${w!.number}`,
    });
    return w!.id;
  });
  return getWarning(ctx, id);
}

/** Runs the rules now (the sweep does so every five minutes). */
export async function runRulesNow(ctx: SignedInContext) {
  const raised = await inTransaction(ctx, (tx) => runWarningRules(tx.db, tx.clock.now()));
  return { raised };
}

export const getSettings = (ctx: SignedInContext) => loadSettings(ctx.db);

export async function putSettings(ctx: SignedInContext, body: WarningSettings) {
  const value = warningSettings.parse(body);
  await inTransaction(ctx, async (tx) => {
    const before = await loadSettings(tx.db);
    await repo.writeSettings(tx.db, JSON.stringify(value));
    await audit(tx, {
      action: 'warning.settings_update',
      entityType: 'app_meta',
      summary: 'warning rule settings',
      before,
      after: value,
    });
  });
  return value;
}

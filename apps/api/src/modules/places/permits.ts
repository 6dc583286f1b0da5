import { sql, type SqlBool } from 'kysely';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest, conflict, notFound } from '../../core/errors.ts';
import { likeContains } from '../../core/like.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { transitionsFrom } from '../../core/workflow/define.ts';
import { performTransition } from '../../core/workflow/runner.ts';
import { writeEvent } from '../../core/workflow/store.ts';
import { changedFields, recordChange } from '../registry/history.ts';
import { addDays, houseInScope, idNumberOut, personInScope, subtreeFilter, today } from './common.ts';
import { PERMIT_WORKFLOW, type PermitAction, type PermitStatus } from './permit-workflow.ts';

type Db = SignedInContext['db'];

function permitsQuery(db: Db) {
  return db
    .selectFrom('residence_permits as rp')
    .innerJoin('persons as p', 'p.id', 'rp.person_id')
    .leftJoin('orgs as g', 'g.id', 'p.grid_id')
    .select([
      'rp.id',
      'rp.person_id as personId',
      'p.name as personName',
      'p.id_number as idNumber',
      'p.residence_type as residenceType',
      'p.grid_id as gridId',
      'g.name as gridName',
      'rp.number',
      'rp.status',
      'rp.house_id as houseId',
      'rp.address',
      'rp.applied_on as appliedOn',
      'rp.issued_on as issuedOn',
      'rp.valid_from as validFrom',
      'rp.valid_to as validTo',
      'rp.reminded_for as remindedFor',
      'rp.version',
      'rp.created_at as createdAt',
      'rp.updated_at as updatedAt',
    ]);
}

type PermitRow = Awaited<ReturnType<ReturnType<typeof permitsQuery>['executeTakeFirstOrThrow']>>;

const present = (r: PermitRow, unmasked = false) => ({
  ...r,
  idNumber: unmasked ? r.idNumber : idNumberOut(r.idNumber),
  status: r.status as PermitStatus,
});

export const allowedPermitActions = (status: PermitStatus) =>
  transitionsFrom(PERMIT_WORKFLOW, status)
    .filter((t) => t.who === 'staff')
    .map((t) => t.action);

/** The houses a person lives in now (the only addresses a permit may move to). */
export async function currentResidences(db: Db, personId: string) {
  return db
    .selectFrom('residences as re')
    .innerJoin('houses as h', 'h.id', 're.house_id')
    .select([
      'h.id as houseId',
      'h.address',
      're.relation',
      're.from_date as fromDate',
      'h.org_path as orgPath',
    ])
    .where('re.person_id', '=', personId)
    .where('re.to_date', 'is', null)
    .orderBy('re.from_date', 'desc')
    .orderBy('re.id')
    .execute();
}

export async function getPermit(ctx: SignedInContext, id: string) {
  const r = await permitsQuery(ctx.db)
    .where('rp.id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('rp.org_path')))
    .executeTakeFirst();
  if (!r) throw notFound('permit');
  const [events, residences] = await Promise.all([
    ctx.db
      .selectFrom('permit_events')
      .select(['id', 'at', 'action', 'actor_name as actorName', 'data'])
      .where('permit_id', '=', id)
      .orderBy('id')
      .execute(),
    currentResidences(ctx.db, r.personId),
  ]);
  return {
    ...present(r),
    timeline: events,
    residences: residences.map(({ orgPath: _o, ...x }) => x),
    allowedActions: allowedPermitActions(r.status as PermitStatus),
  };
}

export interface PermitListQuery {
  q?: string | undefined;
  status?: PermitStatus | undefined;
  expiringWithinDays?: number | undefined;
  orgId?: string | undefined;
  personId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * Newest first; with `expiringWithinDays` the issued permits running out by then, soonest first (the list a
 * grid worker works through).
 */
export async function listPermits(
  ctx: SignedInContext,
  f: PermitListQuery,
  opts: { unmasked?: boolean } = {},
) {
  const expiring = f.expiringWithinDays !== undefined;
  let q = permitsQuery(ctx.db)
    .where(pathInScope(ctx.scope, sql.ref('rp.org_path')))
    .limit(f.limit + 1);
  const key = decodeCursor(f.cursor, 2);
  if (expiring) {
    const from = today(ctx);
    q = q
      .where('rp.status', '=', 'issued')
      .where('rp.valid_to', '>=', from)
      .where('rp.valid_to', '<=', addDays(from, f.expiringWithinDays!))
      .orderBy('rp.valid_to', 'asc')
      .orderBy('rp.id', 'asc');
    if (key)
      q = q.where(
        sql<SqlBool>`(rp.valid_to, rp.id) > (${key[0] as string}::date, ${key[1] as string}::uuid)`,
      );
  } else {
    q = q.orderBy('rp.created_at', 'desc').orderBy('rp.id', 'desc');
    if (key)
      q = q.where(
        sql<SqlBool>`(rp.created_at, rp.id) < (${key[0] as string}::timestamptz, ${key[1] as string}::uuid)`,
      );
  }
  if (f.status) q = q.where('rp.status', '=', f.status);
  if (f.personId) q = q.where('rp.person_id', '=', f.personId);
  if (f.orgId) q = q.where(await subtreeFilter(ctx, f.orgId, 'rp.org_path'));
  if (f.q) {
    const like = likeContains(f.q);
    q = q.where((eb) =>
      eb.or([eb('p.name', 'ilike', like), eb('rp.number', 'ilike', like), eb('rp.address', 'ilike', like)]),
    );
  }
  const rows = await q.execute();
  const page = pageOf(rows, f.limit, (r) =>
    expiring ? [r.validTo, r.id] : [new Date(r.createdAt).toISOString(), r.id],
  );
  return { items: page.items.map((r) => present(r, opts.unmasked)), nextCursor: page.nextCursor };
}

/** A permit follows the person: its house must be one the person lives in now. */
export async function residenceHouse(ctx: SignedInContext, personId: string, houseId: string | undefined) {
  const homes = await currentResidences(ctx.db, personId);
  if (houseId) {
    const home = homes.find((h) => h.houseId === houseId);
    if (!home) {
      await houseInScope(ctx, houseId);
      throw badRequest('houseId', 'the person does not live in this house now; record the move first');
    }
    return home;
  }
  return homes[0] ?? null;
}

export async function applyPermit(
  ctx: SignedInContext,
  body: {
    personId: string;
    houseId?: string | undefined;
    address?: string | undefined;
    appliedOn?: string | undefined;
  },
) {
  return inTransaction(ctx, async (tx) => {
    const person = await personInScope(tx, body.personId);
    const open = await tx.db
      .selectFrom('residence_permits')
      .select('id')
      .where('person_id', '=', person.id)
      .where('status', 'in', ['applied', 'issued'])
      .executeTakeFirst();
    if (open)
      throw conflict('this person already has a permit applied for or in force', { existingId: open.id });
    const home = body.houseId || !body.address ? await residenceHouse(tx, person.id, body.houseId) : null;
    const address = home?.address ?? body.address;
    if (!address) throw badRequest('address', 'required (the person has no current residence on record)');
    const appliedOn = body.appliedOn ?? today(tx);
    if (appliedOn > today(tx)) throw badRequest('appliedOn', 'cannot be in the future');
    const values = {
      person_id: person.id,
      status: 'applied',
      house_id: home?.houseId ?? null,
      address,
      applied_on: appliedOn,
      org_path: home?.orgPath ?? person.org_path,
      created_by: tx.user.id,
      created_at: tx.clock.now(),
      updated_at: tx.clock.now(),
    };
    const row = await tx.db
      .insertInto('residence_permits')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeEvent(
      tx.db,
      { ownerType: 'permit', ownerId: row.id },
      {
        at: tx.clock.now(),
        actor: tx.user,
        action: 'apply',
        toStatus: 'applied',
        data: { houseId: values.house_id, address, appliedOn },
      },
    );
    await recordChange(tx, {
      entity: 'permit',
      entityId: row.id,
      action: 'create',
      changes: changedFields(
        {},
        { personId: person.id, status: 'applied', houseId: values.house_id, address, appliedOn },
      ),
    });
    return getPermit(tx, row.id);
  });
}

export type PermitActionBody = {
  action: Exclude<PermitAction, 'expire'>;
  version: number;
  number?: string | undefined;
  validFrom?: string | undefined;
  validTo?: string | undefined;
  houseId?: string | undefined;
  reason?: string | undefined;
};

/** Takes one permit action through the workflow runner; answers the permit as the caller now sees it. */
export async function permitAction(ctx: SignedInContext, id: string, body: PermitActionBody) {
  return inTransaction(ctx, async (tx) => {
    await performTransition(tx, PERMIT_WORKFLOW, id, body);
    // An address change can move the permit out of the caller's sight; answer with what was done then.
    return getPermit(tx, id).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404) return { id, visible: false };
      throw err;
    });
  });
}

import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { FactoryOrg, Subtree } from './factories.ts';

/** Factories of 大调解: a body at an org, a mediator of it, a dispute held by it in any status. */

const tag = () => randomBytes(4).toString('hex');

export async function mediationBody(
  db: Db,
  at: FactoryOrg,
  over: { kind?: string; parentBodyId?: string; acceptEscalations?: boolean; name?: string } = {},
) {
  return db
    .insertInto('mediation_bodies')
    .values({
      name: over.name ?? `${at.name}调委会${tag()}`,
      kind: over.kind ?? 'people_street',
      org_id: at.id,
      org_path: at.path,
      parent_body_id: over.parentBodyId ?? null,
      accept_escalations: over.acceptEscalations ?? false,
    })
    .returning(['id', 'org_id', 'org_path', 'name'])
    .executeTakeFirstOrThrow();
}

export async function mediator(db: Db, body: { id: string; org_path: string }, userId: string | null = null) {
  return db
    .insertInto('mediators')
    .values({
      body_id: body.id,
      org_path: body.org_path,
      user_id: userId,
      name: `调解员${tag()}`,
      kind: 'full_time',
      specialities: '[]',
      stars: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

let seq = 0;
export async function dispute(
  db: Db,
  body: { id: string; org_id: string; org_path: string },
  over: Partial<{
    status: string;
    mediatorIds: string[];
    source: string;
    foundAt: Date;
    acceptedAt: Date | null;
    conclusion: string | null;
    concludedOnTime: boolean | null;
    outcome: string | null;
    deadline: Date | null;
    confirmDeadline: Date | null;
    agreedAt: Date | null;
  }> = {},
) {
  const at = over.foundAt ?? new Date();
  return db
    .insertInto('disputes')
    .values({
      number: `JFT${tag()}${++seq}`,
      type: '邻里',
      source: over.source ?? 'walk_in',
      summary: '测试纠纷',
      people_involved: 2,
      risk_level: 'low',
      body_id: body.id,
      org_id: body.org_id,
      org_path: body.org_path,
      mediator_ids: over.mediatorIds ?? [],
      status: over.status ?? 'registered',
      consent: null,
      found_by: null,
      found_at: at,
      accepted_at: over.acceptedAt ?? null,
      conclusion: over.conclusion ?? null,
      concluded_at: over.conclusion ? at : null,
      concluded_on_time: over.concludedOnTime ?? null,
      outcome: over.outcome ?? null,
      deadline: over.deadline ?? null,
      confirm_deadline: over.confirmDeadline ?? null,
      agreed_at: over.agreedAt ?? null,
    })
    .returning(['id', 'version', 'number'])
    .executeTakeFirstOrThrow();
}

/** A street subtree's own street body, for the route matrix. */
export async function disputeIn(db: Db, at: Subtree) {
  const body = await mediationBody(db, at.street);
  return { body, dispute: await dispute(db, body), mediator: await mediator(db, body) };
}

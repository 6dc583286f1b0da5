import type { SignedInContext } from '../../core/context.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { actorFacts, mayAct } from './actors.ts';
import { findCase } from './repository.ts';
import { assigneeCandidates } from './transitions/assignee.ts';

/** Who the caller may name as the case's handler: the holding unit's staff, for that unit's staff only. */
export async function listAssigneeCandidates(ctx: SignedInContext, id: string) {
  const c = await findCase(ctx.db, ctx.scope, id);
  if (!c) throw notFound('case');
  if (!mayAct(ctx, 'holder', c, await actorFacts(ctx, c)))
    throw forbidden('only the unit holding this case names its handler');
  return assigneeCandidates(ctx, c);
}

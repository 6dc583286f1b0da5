import { computeIndicators } from '../../core/indicators/registry.ts';
import type { SignedInContext } from '../../core/context.ts';
import { badRequest } from '../../core/errors.ts';
import { periodOf, periodRange, previousPeriod } from '../assessment/period.ts';
import { MEDIATION_INDICATORS, registerMediationIndicators } from './indicators.ts';
import { unitInScope, unitsBelow } from './quarterly-return-repository.ts';

/**
 * 调解工作季报: the mediation indicators of a unit and of each unit right below it for one quarter, every figure
 * computed by the indicator registry (modules.md §4.1: disputes registered in the quarter), none copied.
 */
export const RETURN_CODES = MEDIATION_INDICATORS.map((d) => d.code);

export async function quarterlyReturn(
  ctx: SignedInContext,
  q: { quarter?: string | undefined; orgId?: string | undefined },
) {
  registerMediationIndicators();
  const now = ctx.clock.now();
  const quarter = q.quarter ?? previousPeriod('quarter', periodOf('quarter', now));
  const { from, to } = periodRange('quarter', quarter, 'quarter');
  const orgId = q.orgId ?? ctx.user.orgId;
  const org = await unitInScope(ctx.db, ctx.scope, orgId);
  if (!org) throw badRequest('orgId', 'not a unit in your area');
  const children = await unitsBelow(ctx.db, org.id);
  const values = await computeIndicators(ctx, RETURN_CODES, {
    units: { kind: 'org', orgIds: [org.id, ...children.map((c) => c.id)] },
    from,
    to,
  });
  const empty = Object.fromEntries(RETURN_CODES.map((c) => [c, null]));
  return {
    quarter,
    from,
    to,
    generatedAt: now,
    org: { id: org.id, name: org.name, level: org.level },
    indicators: MEDIATION_INDICATORS.map((d) => ({ code: d.code, name: d.name, unit: d.unit })),
    total: values.get(org.id) ?? empty,
    units: children.map((c) => ({ id: c.id, name: c.name, values: values.get(c.id) ?? empty })),
  };
}
export type QuarterlyReturn = Awaited<ReturnType<typeof quarterlyReturn>>;

/** A figure as the return prints it: counts whole (per mediator to one place), rates as percentages. */
export function figureText(code: string, unit: 'count' | 'rate', v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (unit === 'rate') return `${(v * 100).toFixed(2)}%`;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

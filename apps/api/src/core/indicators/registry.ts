import type { RequestContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import type { Lang } from '../lang.ts';

/** What an indicator is counted over: org subtrees, or grid workers in their grids (docs/assessment.md). */
export type IndicatorUnits =
  { kind: 'org'; orgIds: string[] } | { kind: 'worker'; assignments: { userId: string; gridId: string }[] };

export interface IndicatorQuery {
  units: IndicatorUnits;
  /** Period [from, to). */
  from: Date;
  to: Date;
}

export type IndicatorCtx = Pick<RequestContext, 'db' | 'scope' | 'clock'>;
export type IndicatorValues = Record<string, number | null>;

export interface IndicatorDef {
  /** Unique across modules. The case indicators keep their historic names; new modules prefix theirs. */
  code: string;
  name: { zh: string; en: string };
  /** A count of records, or a rate from 0 to 1. */
  unit: 'count' | 'rate';
  direction: 'higher' | 'lower';
}

/**
 * A module's indicators and the one computation that counts all of them per unit and period (one query for
 * the lot, rather than one per indicator). Units outside the caller's scope are left out of the answer.
 */
export interface IndicatorSource {
  module: string;
  indicators: readonly IndicatorDef[];
  compute(ctx: IndicatorCtx, q: IndicatorQuery): Promise<Map<string, IndicatorValues>>;
}

const SOURCES = new Set<IndicatorSource>();
const BY_CODE = new Map<string, { def: IndicatorDef; source: IndicatorSource }>();

/** Registering the same source again is a no-op; a code taken by another source is a programming error. */
export function registerIndicatorSource(source: IndicatorSource): void {
  if (SOURCES.has(source)) return;
  for (const def of source.indicators) {
    const had = BY_CODE.get(def.code);
    if (had) throw new Error(`indicator ${def.code} is already registered by ${had.source.module}`);
  }
  SOURCES.add(source);
  for (const def of source.indicators) BY_CODE.set(def.code, { def, source });
}

export function findIndicator(code: string): (IndicatorDef & { module: string }) | null {
  const hit = BY_CODE.get(code);
  return hit ? { ...hit.def, module: hit.source.module } : null;
}

/** Every registered indicator, named in the reader's language (GET /api/indicators). */
export function listIndicators(lang: Lang, filter: { unit?: IndicatorDef['unit'] | undefined } = {}) {
  return [...BY_CODE.values()]
    .filter(({ def }) => !filter.unit || def.unit === filter.unit)
    .map(({ def, source }) => ({
      code: def.code,
      module: source.module,
      name: def.name[lang],
      unit: def.unit,
      direction: def.direction,
    }));
}

/**
 * The values of the asked indicators for each unit: each source that owns one of them computes once. A unit
 * with no records still gets its counts (0) and rates (null), so rankings list it.
 */
export async function computeIndicators(
  ctx: IndicatorCtx,
  codes: readonly string[],
  q: IndicatorQuery,
): Promise<Map<string, IndicatorValues>> {
  if (q.to <= q.from) throw badRequest('to', 'must be after from');
  const bySource = new Map<IndicatorSource, string[]>();
  for (const code of codes) {
    const hit = BY_CODE.get(code);
    if (!hit) throw badRequest('indicator', `no indicator ${code}`);
    bySource.set(hit.source, [...(bySource.get(hit.source) ?? []), code]);
  }
  const out = new Map<string, IndicatorValues>();
  for (const [source, wanted] of bySource) {
    const values = await source.compute(ctx, q);
    for (const [unit, all] of values) {
      const mine = out.get(unit) ?? {};
      for (const code of wanted) mine[code] = all[code] ?? null;
      out.set(unit, mine);
    }
  }
  return out;
}

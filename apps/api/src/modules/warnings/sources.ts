import type { WarningLevel, WarningSettings } from '@civicgrid/shared/stability';
import type { Db } from '../../db/client.ts';

/** One warning a rule would raise: `clusterKey` names the cluster, so a re-run raises nothing twice. */
export interface WarningCandidate {
  clusterKey: string;
  level: WarningLevel;
  title: string;
  detail?: string;
  /** Where the matter lies (the warning is seen in this subtree). */
  orgId: string;
  orgPath: string;
  /** Units that must acknowledge (签收). */
  targetOrgIds: readonly string[];
  data?: Record<string, unknown>;
}

/**
 * A rule over some module's data. The built-in ones read cases, petitions and risk factors (rules.ts); special
 * populations (lost contact), disputes (民转刑 risk) and rentals add theirs with `registerWarningSource` from their
 * own module's `register()`, and the rules sweep runs them with the rest.
 */
export interface WarningSource {
  rule: string;
  module: string;
  find(db: Db, settings: WarningSettings, now: Date): Promise<WarningCandidate[]>;
}

const SOURCES = new Map<string, WarningSource>();

/** Idempotent for the same definition; a second definition under a taken rule code is a programming error. */
export function registerWarningSource(def: WarningSource) {
  const had = SOURCES.get(def.rule);
  if (had && had !== def) throw new Error(`warning rule ${def.rule} is already registered by ${had.module}`);
  SOURCES.set(def.rule, def);
}

export function warningSources(): WarningSource[] {
  return [...SOURCES.values()];
}

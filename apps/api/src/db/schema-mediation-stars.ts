import type { Generated } from 'kysely';
import type { Json, Numeric, Timestamp } from './schema-types.ts';

export interface MediatorRatingTable {
  id: Generated<string>;
  mediator_id: string;
  quarter: string;
  body_id: string;
  org_path: string;
  counts: Json;
  rule_stars: number;
  stars: number | null;
  status: Generated<string>;
  reason: string | null;
  drafted_at: Timestamp;
  confirmed_by: string | null;
  confirmed_by_name: string | null;
  confirmed_at: Timestamp | null;
  confirm_key: string | null;
  confirm_hash: string | null;
  version: Generated<number>;
}

export interface MediationSubsidyTable {
  id: Generated<string>;
  dispute_id: string;
  mediator_id: string;
  body_id: string;
  org_path: string;
  quarter: string;
  tier: string;
  proposed_tier: string;
  base_amount: Numeric;
  stars: number | null;
  multiplier: Numeric;
  amount: Numeric;
  status: Generated<string>;
  reason: string | null;
  proposed_at: Timestamp;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
  decision_key: string | null;
  decision_hash: string | null;
  version: Generated<number>;
}

export interface MediationStarTables {
  mediator_ratings: MediatorRatingTable;
  mediation_subsidies: MediationSubsidyTable;
}

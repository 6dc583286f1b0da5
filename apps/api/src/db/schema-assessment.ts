import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './schema-types.ts';

/** numeric columns come back from pg as strings; they are written as numbers. */
type Numeric = ColumnType<string, number | string, number | string>;
type NullableNumeric = ColumnType<string | null, number | string | null, number | string | null>;

export interface AssessmentSchemeTable {
  id: Generated<string>;
  org_id: string;
  org_path: string;
  name: string;
  period_type: string;
  assessee_kind: string;
  description: Generated<string>;
  disabled: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssessmentIndicatorTable {
  id: Generated<string>;
  scheme_id: string;
  sort_order: number;
  name: string;
  kind: string;
  metric: string | null;
  direction: string | null;
  target: NullableNumeric;
  rule: string | null;
  max_score: NullableNumeric;
  weight: Numeric;
}

export interface AssessmentPeriodTable {
  id: Generated<string>;
  scheme_id: string;
  period: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  computed_at: Timestamp | null;
  published: Generated<boolean>;
  published_at: Timestamp | null;
  published_by: string | null;
  version: Generated<number>;
}

export interface AssessmentAssesseeTable {
  period_id: string;
  assessee_id: string;
  assessee_type: string;
  name: string;
  org_path: string;
  grid_ids: ColumnType<string[], string[] | undefined, string[]>;
}

export interface AssessmentManualScoreTable {
  period_id: string;
  indicator_id: string;
  assessee_id: string;
  score: Numeric;
  comment: Generated<string>;
  assessor_id: string;
  assessor_name: string;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface AssessmentResultTable {
  period_id: string;
  assessee_id: string;
  org_path: string;
  name: string;
  total: NullableNumeric;
  rank: number | null;
  details: Json;
  computed_at: Timestamp;
}

export interface AssessmentResultHistoryTable {
  id: Generated<string>;
  period_id: string;
  assessee_id: string;
  total: NullableNumeric;
  rank: number | null;
  computed_at: Timestamp;
  computed_by: string | null;
}

export interface ReportJobTable {
  id: Generated<string>;
  org_id: string;
  org_path: string;
  month: string;
  status: string;
  progress: Generated<number>;
  error: string | null;
  requested_by: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface ReportFileTable {
  id: Generated<string>;
  org_id: string;
  org_path: string;
  org_name: string;
  month: string;
  format: string;
  bytes: Buffer;
  size: number;
  sha256: string;
  source: string;
  generated_by: string | null;
  generated_at: Timestamp;
}

/** Tables of the assessment (考核) and monthly report module. */
export interface AssessmentTables {
  assessment_schemes: AssessmentSchemeTable;
  assessment_indicators: AssessmentIndicatorTable;
  assessment_periods: AssessmentPeriodTable;
  assessment_assessees: AssessmentAssesseeTable;
  assessment_manual_scores: AssessmentManualScoreTable;
  assessment_results: AssessmentResultTable;
  assessment_result_history: AssessmentResultHistoryTable;
  report_jobs: ReportJobTable;
  report_files: ReportFileTable;
}

/** Dashboard rollups (migration 0009): kept by a trigger on `cases`, read by modules/dashboard. */
export interface CaseRollupDailyTable {
  /** Day the cases were reported, Asia/Shanghai. */
  day: string;
  /** The cases' org path cut to the community. */
  org_key: string;
  /** The lead department's path, '' for none. */
  dept_key: string;
  reported: number;
  registered: number;
  rejected: number;
  dispatched: number;
  handled: number;
  handled_on_time: number;
  closed: number;
  closed_on_time: number;
  reworked: number;
  evaluated: number;
  satisfied: number;
}

export interface CaseRollupDimsTable {
  day: string;
  org_key: string;
  dept_key: string;
  dim: 'category' | 'channel' | 'status';
  value: string;
  reported: number;
}

export interface CommandTables {
  case_rollup_daily: CaseRollupDailyTable;
  case_rollup_dims: CaseRollupDimsTable;
}

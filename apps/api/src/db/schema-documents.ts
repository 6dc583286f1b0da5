import type { Generated } from 'kysely';
import type { Timestamp } from './schema-types.ts';

export interface DocumentSeriesTable {
  org_id: string;
  series: string;
  /** The number's word, e.g. 东调字. */
  prefix: string;
  updated_at: Timestamp;
}

export interface DocumentCounterTable {
  org_id: string;
  series: string;
  year: number;
  last_seq: number;
}

export interface DocumentTable {
  id: Generated<string>;
  owner_type: string;
  owner_id: string;
  org_id: string;
  org_path: string;
  series: string;
  year: number;
  seq: number;
  number: string;
  title: string;
  file: Buffer;
  size: number;
  sha256: string;
  created_at: Timestamp;
  created_by: string | null;
}

/** Numbered documents (文书) of any record (0020-documents). */
export interface DocumentTables {
  document_series: DocumentSeriesTable;
  document_counters: DocumentCounterTable;
  documents: DocumentTable;
}

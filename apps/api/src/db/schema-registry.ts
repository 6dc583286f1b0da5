import type { ColumnType, Generated } from 'kysely';
import type { DateText, GeneratedTimestamp, Json, Numeric, Timestamp } from './schema-types.ts';

export interface PersonTable {
  id: Generated<string>;
  id_type: Generated<string>;
  id_number: string;
  name: string;
  sex: string | null;
  birth_date: DateText | null;
  phone: string | null;
  residence_type: string;
  ethnicity: string | null;
  nationality: string | null;
  household_address: string | null;
  address: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
  grid_id: string | null;
  org_path: string;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface PersonTagTable {
  code: string;
  name: string;
  name_en: string | null;
  sort_order: Generated<number>;
  disabled: Generated<boolean>;
}

export interface HouseTable {
  id: Generated<string>;
  house_number: string;
  address: string;
  building: string | null;
  unit: string | null;
  room: string | null;
  use: string;
  area: Numeric | null;
  lng: number | null;
  lat: number | null;
  grid_id: string | null;
  community_id: string | null;
  street_id: string | null;
  org_path: string;
  owner_name: string | null;
  owner_phone: string | null;
  owner_person_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface HouseNumberCounterTable {
  community_key: string;
  last_value: number;
}

export interface ResidenceTable {
  id: Generated<string>;
  person_id: string;
  house_id: string;
  relation: string;
  from_date: DateText;
  to_date: DateText | null;
  created_at: GeneratedTimestamp;
}

export interface RegistryChangeTable {
  id: Generated<string>;
  entity: string;
  entity_id: string;
  at: GeneratedTimestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  changes: Json;
}

export interface ImportJobTable {
  id: Generated<string>;
  kind: string;
  status: string;
  filename: string;
  total_rows: Generated<number>;
  ok_rows: Generated<number>;
  bad_rows: Generated<number>;
  committed_rows: Generated<number>;
  /** Row number of the last staged row the commit has moved into `persons` (rows are taken in order). */
  committed_through: Generated<number>;
  error: string | null;
  validated_at: Timestamp | null;
  org_id: string;
  org_path: string;
  created_by: string;
  created_at: GeneratedTimestamp;
  updated_at: Timestamp;
}

export interface ImportRowTable {
  job_id: string;
  row_no: number;
  data: Json;
  errors: Json;
}

export interface RegistryTables {
  persons: PersonTable;
  person_tags: PersonTagTable;
  houses: HouseTable;
  house_number_counters: HouseNumberCounterTable;
  residences: ResidenceTable;
  registry_changes: RegistryChangeTable;
  import_jobs: ImportJobTable;
  import_rows: ImportRowTable;
}

import type { Generated } from 'kysely';
import type { Json, Timestamp } from './schema-types.ts';

export interface Open311KeyTable {
  id: Generated<string>;
  name: string;
  owner: string;
  contact: string | null;
  org_id: string;
  org_path: string;
  /** sha256 of the key: a database dump holds no usable key. */
  key_hash: string;
  /** The first characters, so an admin can tell keys apart without the secret. */
  key_prefix: string;
  hourly_limit: number | null;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  last_used_at: Timestamp | null;
  request_count: Generated<number>;
}

export interface Open311AttributeTable {
  id: Generated<string>;
  category_id: string;
  code: string;
  datatype: string;
  required: Generated<boolean>;
  description: string;
  description_en: string | null;
  datatype_description: string | null;
  values: Json;
  sort_order: Generated<number>;
}

export interface Open311RequestTable {
  case_id: string;
  key_id: string;
  device_id: string | null;
  account_id: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  media_url: string | null;
  attributes: Json;
  created_at: Timestamp;
}

export interface Open311RejectionTable {
  id: Generated<string>;
  at: Timestamp;
  key_id: string | null;
  ip: string | null;
  status: number;
  reason: string;
  service_code: string | null;
}

export interface Open311Tables {
  open311_keys: Open311KeyTable;
  open311_attributes: Open311AttributeTable;
  open311_requests: Open311RequestTable;
  open311_rejections: Open311RejectionTable;
}

import type { ColumnType, Generated } from 'kysely';
import type { DateText, Timestamp } from './schema-types.ts';

export interface RateLimitTable {
  bucket: string;
  window_start: Timestamp;
  hits: number;
}

export interface PublicCategoryLabelTable {
  category_id: string;
  name: string;
  name_en: string | null;
  icon: Generated<string>;
  sensitive: Generated<boolean>;
  sort_order: Generated<number>;
}

export interface PublicReportTable {
  case_id: string;
  tracking_code: string;
  created_at: Timestamp;
}

export interface PublicRejectionTable {
  id: Generated<string>;
  at: Timestamp;
  ip: string | null;
  route: string;
  reason: string;
  detail: string | null;
}

export interface NoticeTable {
  id: Generated<string>;
  type: string;
  title: string;
  body: Generated<string>;
  who: string | null;
  place: string | null;
  phone: string | null;
  hours: string | null;
  starts_at: Timestamp | null;
  ends_at: Timestamp | null;
  publish_at: Timestamp;
  unpublish_at: Timestamp | null;
  org_id: string;
  org_path: string;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PolicyCategoryTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: string | null;
  sort_order: Generated<number>;
  version: Generated<number>;
}

export interface PolicyDocumentTable {
  id: Generated<string>;
  category_id: string;
  title: string;
  issuer: string;
  doc_number: string | null;
  issued_on: DateText;
  body: Generated<string>;
  attachment_id: string | null;
  published: Generated<boolean>;
  search_grams: ColumnType<string[], string[] | undefined, string[]>;
  org_id: string;
  org_path: string;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PublicTables {
  rate_limits: RateLimitTable;
  public_category_labels: PublicCategoryLabelTable;
  public_reports: PublicReportTable;
  public_rejections: PublicRejectionTable;
  notices: NoticeTable;
  policy_categories: PolicyCategoryTable;
  policy_documents: PolicyDocumentTable;
}

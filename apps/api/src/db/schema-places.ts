import type { Generated } from 'kysely';
import type { DateText, GeneratedTimestamp, Json, Timestamp } from './schema-types.ts';

export interface RentalTable {
  id: Generated<string>;
  house_id: string;
  landlord_person_id: string | null;
  landlord_name: string;
  landlord_phone: string | null;
  registration_number: string | null;
  registered_on: DateText | null;
  status: Generated<string>;
  star_rating: number | null;
  rated_at: Timestamp | null;
  has_hazard: Generated<boolean>;
  org_path: string;
  note: string | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface TenancyTable {
  id: Generated<string>;
  rental_id: string;
  person_id: string;
  room: string | null;
  check_in: DateText;
  check_out: DateText | null;
  created_at: GeneratedTimestamp;
}

export interface RentalCriterionTable {
  code: string;
  name: string;
  name_en: string | null;
  weight: number;
  sort_order: Generated<number>;
  disabled: Generated<boolean>;
}

/** One row: the version of the criteria set, for optimistic concurrency on PUT /api/rental-criteria. */
export interface RentalCriteriaSetTable {
  id: Generated<boolean>;
  version: Generated<number>;
  updated_at: GeneratedTimestamp;
  updated_by: string | null;
}

export interface RentalInspectionTable {
  id: Generated<string>;
  rental_id: string;
  inspected_at: Timestamp;
  inspector_id: string | null;
  inspector_name: string | null;
  findings: Generated<string>;
  scores: Json;
  star_rating: number | null;
  hazard: Generated<boolean>;
}

export interface ResidencePermitTable {
  id: Generated<string>;
  person_id: string;
  number: string | null;
  status: string;
  house_id: string | null;
  address: string;
  applied_on: DateText;
  issued_on: DateText | null;
  valid_from: DateText | null;
  valid_to: DateText | null;
  reminded_for: DateText | null;
  org_path: string;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface PermitEventTable {
  id: Generated<string>;
  permit_id: string;
  at: GeneratedTimestamp;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  data: Json;
}

export interface OrganizationTable {
  id: Generated<string>;
  name: string;
  kind: string;
  credit_code: string | null;
  legal_rep: string | null;
  phone: string | null;
  address: string;
  lng: number | null;
  lat: number | null;
  grid_id: string | null;
  community_id: string | null;
  street_id: string | null;
  org_path: string;
  safety_contact_name: string | null;
  safety_contact_phone: string | null;
  safety_contact_person_id: string | null;
  status: Generated<string>;
  note: string | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface EmploymentTable {
  id: Generated<string>;
  organization_id: string;
  person_id: string;
  position: string | null;
  from_date: DateText;
  to_date: DateText | null;
  created_at: GeneratedTimestamp;
}

export interface PlacesTables {
  rentals: RentalTable;
  tenancies: TenancyTable;
  rental_criteria: RentalCriterionTable;
  rental_criteria_set: RentalCriteriaSetTable;
  rental_inspections: RentalInspectionTable;
  residence_permits: ResidencePermitTable;
  permit_events: PermitEventTable;
  organizations: OrganizationTable;
  employments: EmploymentTable;
}

import type { Generated } from 'kysely';
import type { DateText, GeneratedTimestamp, Json, Timestamp } from './schema-types.ts';

export interface MediationBodyTable {
  id: Generated<string>;
  name: string;
  kind: string;
  org_id: string;
  org_path: string;
  parent_body_id: string | null;
  term_start: DateText | null;
  term_end: DateText | null;
  phone: string | null;
  address: string | null;
  accept_escalations: Generated<boolean>;
  disabled: Generated<boolean>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface MediationBodyMemberTable {
  id: Generated<string>;
  body_id: string;
  person_id: string | null;
  user_id: string | null;
  name: string;
  sex: string | null;
  position: string;
  from_date: DateText;
  to_date: DateText | null;
  created_at: GeneratedTimestamp;
}

export interface MediatorTable {
  id: Generated<string>;
  body_id: string;
  org_path: string;
  user_id: string | null;
  name: string;
  kind: string;
  specialities: Json;
  certificate: string | null;
  training: string | null;
  status: Generated<string>;
  stars: number | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface DisputeTable {
  id: Generated<string>;
  number: string;
  type: string;
  source: string;
  summary: string;
  demands: string | null;
  amount_involved: number | null;
  people_involved: number;
  collective: Generated<boolean>;
  risk_level: string;
  escalation_risk: Generated<boolean>;
  escalation_note: string | null;
  to_criminal: Generated<boolean>;
  body_id: string;
  org_id: string;
  org_path: string;
  mediator_ids: Generated<string[]>;
  chosen_by_parties: Generated<boolean>;
  status: string;
  consent: Json;
  found_by: string | null;
  found_at: Timestamp;
  accepted_at: Timestamp | null;
  started_at: Timestamp | null;
  deadline: Timestamp | null;
  extensions: Generated<number>;
  concluded_at: Timestamp | null;
  conclusion: string | null;
  concluded_on_time: boolean | null;
  outcome: string | null;
  guidance: string | null;
  agreed_at: Timestamp | null;
  confirm_deadline: Timestamp | null;
  confirm_court: string | null;
  confirm_applied_on: DateText | null;
  confirm_result: string | null;
  followup_due: DateText | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface MediationSessionTable {
  id: Generated<string>;
  dispute_id: string;
  at: Timestamp;
  place: string;
  attendees: string | null;
  invited: string | null;
  record: string;
  outcome: string | null;
  created_by: string | null;
}

export interface MediationAgreementTable {
  id: Generated<string>;
  dispute_id: string;
  form: string;
  facts: string;
  responsibilities: string | null;
  terms: string;
  effective_at: Timestamp;
  document_id: string | null;
  document_number: string | null;
  superseded: Generated<boolean>;
  created_at: Timestamp;
}

export interface MediationObligationTable {
  id: Generated<string>;
  agreement_id: string;
  dispute_id: string;
  party: string;
  what: string;
  amount: number | null;
  due: DateText;
  performed_at: Timestamp | null;
}

export interface MediationFollowupTable {
  id: Generated<string>;
  dispute_id: string;
  at: Timestamp;
  by_user: string | null;
  by_name: string | null;
  result: string;
  note: string | null;
}

export interface MediationTables {
  mediation_bodies: MediationBodyTable;
  mediation_body_members: MediationBodyMemberTable;
  mediators: MediatorTable;
  disputes: DisputeTable;
  mediation_sessions: MediationSessionTable;
  mediation_agreements: MediationAgreementTable;
  mediation_obligations: MediationObligationTable;
  mediation_followups: MediationFollowupTable;
}

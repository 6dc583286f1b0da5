/**
 * Why a person record (a form or an import row) is refused, as stable codes: the API sends an English `message`
 * beside each for API clients, while the web and the import's error workbook say it in the reader's language.
 * A code never changes meaning; a new reason gets a new code. The comment names each code's `params`.
 */
export const PERSON_REASON_CODES = [
  'required',
  /** { max } */
  'too_long',
  /** { value } — the residence type as written in the file */
  'unknown_residence_type',
  /** { value } */
  'unknown_id_type',
  /** registered and floating residents are recorded by their citizen ID number */
  'citizen_id_required',
  /** overseas residents are recorded by a passport or other travel document */
  'travel_document_required',
  /** { length } — a citizen ID number must have 18 characters */
  'id_length',
  // The GB 11643 checker's own codes (validators.ts `CitizenIdProblem`).
  'id_chars',
  'id_region',
  'id_birth_date_invalid',
  'id_birth_date_future',
  'id_check_digit',
  'passport_shape',
  'sex_unknown',
  'birth_date_invalid',
  'phone_shape',
  /** { tag } */
  'unknown_tag',
  /** { code } */
  'unknown_grid',
  /** { row } — the earlier row of the file with the same ID number */
  'duplicate_in_file',
  'already_registered',
  'registered_during_import',
] as const;

export type PersonReasonCode = (typeof PERSON_REASON_CODES)[number];
export type ReasonParams = Record<string, string | number>;

/** One refused field: `message` is English; `code` and `params` are for translating it. */
export interface PersonReason {
  path: string;
  message: string;
  code?: string;
  params?: ReasonParams;
}

export const isPersonReasonCode = (code: string | undefined): code is PersonReasonCode =>
  (PERSON_REASON_CODES as readonly string[]).includes(code ?? '');

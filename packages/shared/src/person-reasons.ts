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

/**
 * The reasons in Chinese: one table for the web's form and import report and for the error workbook the
 * office fixes and uploads again. English readers get the API's English message.
 */
export const PERSON_REASONS_ZH: Record<PersonReasonCode, string> = {
  required: '必填',
  too_long: '不能超过 {{max}} 个字符',
  unknown_residence_type: '应为 户籍、流动 或 境外（填写的是“{{value}}”）',
  unknown_id_type: '应为 身份证、护照 或 其他（填写的是“{{value}}”）',
  citizen_id_required: '户籍人口和流动人口须以居民身份证登记',
  travel_document_required: '境外人员须以护照或其他旅行证件登记',
  id_length: '身份证号码应为 18 位（填写了 {{length}} 位）',
  id_chars: '应为 17 位数字加 1 位数字或 X',
  id_region: '地区码无效',
  id_birth_date_invalid: '出生日期不存在',
  id_birth_date_future: '出生日期晚于今天',
  id_check_digit: '校验位错误',
  passport_shape: '应为 5 到 20 位字母或数字',
  sex_unknown: '应为 男 或 女',
  birth_date_invalid: '应为今天以前的真实日期（YYYY-MM-DD）',
  phone_shape: '应为 11 位手机号或带区号的固定电话',
  unknown_tag: '标签库中没有“{{tag}}”',
  unknown_grid: '您的辖区内没有网格 {{code}}',
  duplicate_in_file: '与第 {{row}} 行的证件号码相同',
  already_registered: '该证件号码已登记',
  registered_during_import: '导入期间已被他人登记',
};

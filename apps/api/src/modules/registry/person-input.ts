import type { PersonReasonCode, ReasonParams } from '@civicgrid/shared/person-reasons';
import {
  citizenIdError,
  citizenIdInfo,
  citizenIdProblem,
  isMainlandPhone,
} from '@civicgrid/shared/validators';
import type { FieldError } from '../../core/errors.ts';

export const RESIDENCE_TYPES = ['registered', 'floating', 'overseas'] as const;
export const ID_TYPES = ['citizen_id', 'passport', 'other'] as const;
export type ResidenceType = (typeof RESIDENCE_TYPES)[number];
export type IdType = (typeof ID_TYPES)[number];

/** A person as a form or an import row gives it, before the checks; every field is loose text. */
export interface PersonDraft {
  name?: string | null | undefined;
  idType?: string | null | undefined;
  idNumber?: string | null | undefined;
  residenceType?: string | null | undefined;
  phone?: string | null | undefined;
  sex?: string | null | undefined;
  birthDate?: string | null | undefined;
  ethnicity?: string | null | undefined;
  nationality?: string | null | undefined;
  householdAddress?: string | null | undefined;
  address?: string | null | undefined;
  tags?: string[] | null | undefined;
  note?: string | null | undefined;
}

/** A person that passed every check that needs no database: what is stored. */
export interface CheckedPerson {
  name: string;
  idType: IdType;
  idNumber: string;
  residenceType: ResidenceType;
  phone: string | null;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  ethnicity: string | null;
  nationality: string | null;
  householdAddress: string | null;
  address: string | null;
  tags: string[];
  note: string | null;
}

const PASSPORT_RE = /^[A-Z0-9]{5,20}$/;
const INTL_PHONE_RE = /^\+\d{6,15}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const text = (v: string | null | undefined) => {
  const s = v?.trim();
  return s ? s : null;
};

function realDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Every check on a person that needs no database, all at once so a form or an import row hears every problem
 * in one answer. Citizens are known by their GB 11643 ID number, which also gives birth date and sex; overseas
 * people by a passport (or other document) number, with birth date and sex as given.
 */
export function checkPerson(
  d: PersonDraft,
  today: Date,
): { ok: true; value: CheckedPerson } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (path: string, code: PersonReasonCode, message: string, params?: ReasonParams) =>
    errors.push(params ? { path, code, params, message } : { path, code, message });

  const name = text(d.name);
  if (!name) fail('name', 'required', 'required');
  else if (name.length > 50) fail('name', 'too_long', 'at most 50 characters', { max: 50 });

  const residenceType = text(d.residenceType) as ResidenceType | null;
  if (!residenceType) fail('residenceType', 'required', 'required');
  else if (!RESIDENCE_TYPES.includes(residenceType))
    fail('residenceType', 'unknown_residence_type', `one of ${RESIDENCE_TYPES.join(', ')}`, {
      value: residenceType,
    });

  const idType = (text(d.idType) ?? (residenceType === 'overseas' ? 'passport' : 'citizen_id')) as IdType;
  if (!ID_TYPES.includes(idType))
    fail('idType', 'unknown_id_type', `one of ${ID_TYPES.join(', ')}`, { value: idType });
  else if (residenceType && residenceType !== 'overseas' && idType !== 'citizen_id')
    fail(
      'idType',
      'citizen_id_required',
      'registered and floating residents are recorded by their citizen ID number',
    );
  else if (residenceType === 'overseas' && idType === 'citizen_id')
    fail(
      'idType',
      'travel_document_required',
      'overseas residents are recorded by passport or other travel document',
    );

  const idNumber = text(d.idNumber)?.toUpperCase() ?? null;
  let sex = (text(d.sex) as 'male' | 'female' | null) ?? null;
  let birthDate = text(d.birthDate);
  if (!idNumber) fail('idNumber', 'required', 'required');
  else if (idType === 'citizen_id') {
    const problem = idNumber.length === 18 ? citizenIdProblem(idNumber, today) : null;
    if (idNumber.length !== 18)
      fail('idNumber', 'id_length', 'must be 18 characters', { length: idNumber.length });
    else if (problem) fail('idNumber', problem, citizenIdError(idNumber, today)!);
    else {
      const info = citizenIdInfo(idNumber);
      sex = info.sex;
      birthDate = info.birthDate;
    }
  } else if (!PASSPORT_RE.test(idNumber)) fail('idNumber', 'passport_shape', '5 to 20 letters and digits');

  if (idType !== 'citizen_id') {
    if (sex && sex !== 'male' && sex !== 'female') fail('sex', 'sex_unknown', 'male or female');
    if (birthDate && (!realDate(birthDate) || new Date(`${birthDate}T00:00:00Z`) > today))
      fail('birthDate', 'birth_date_invalid', 'a real past date as YYYY-MM-DD');
  }

  const phone = text(d.phone)?.replace(/\s+/g, '') ?? null;
  if (phone && !isMainlandPhone(phone) && !(residenceType === 'overseas' && INTL_PHONE_RE.test(phone)))
    fail('phone', 'phone_shape', 'a mainland mobile (11 digits) or landline (area code and number)');

  const tags = [...new Set((d.tags ?? []).map((t) => t.trim()).filter(Boolean))];
  for (const [key, max] of [
    ['ethnicity', 20],
    ['nationality', 40],
    ['householdAddress', 200],
    ['address', 200],
    ['note', 1000],
  ] as const) {
    const v = text(d[key]);
    if (v && v.length > max) fail(key, 'too_long', `at most ${max} characters`, { max });
  }

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name: name!,
      idType,
      idNumber: idNumber!,
      residenceType: residenceType!,
      phone,
      sex,
      birthDate,
      ethnicity: text(d.ethnicity),
      nationality: text(d.nationality) ?? (residenceType === 'overseas' ? null : '中国'),
      householdAddress: text(d.householdAddress),
      address: text(d.address),
      tags,
      note: text(d.note),
    },
  };
}

import { maskCitizenId, maskPhone } from '@civicgrid/shared/validators';

/**
 * What a masked view of a person may show, decided once (docs/decisions/0010-masking-rule.md). Every answer
 * that shows a person — registry lists, detail, exports, history, house residents, record subjects, permits,
 * employees — takes its identity fields from here, and the registry's search matches only what these views show
 * (`searchRule` below). Taken together the answers must not rebuild a value:
 *
 * - A citizen ID (GB 11643: 6 digits region, 8 digits birth date, 3 digits sequence, 1 check character) shows
 *   its region and its last four; the eight hidden digits are exactly the birth date, so no masked view shows
 *   the birth date: only the birth year, which never changes (an age would, on the birthday, and give the day
 *   away to anyone who looks daily).
 * - A phone shows its first three and last four digits; the middle four are never matched by a partial search.
 * - The clear values leave only through the audited reveal or the audited unmasked export.
 */

/** Region and last four of a citizen ID; first two and last two of any other document. */
export function maskIdNumber(idType: string, idNumber: string): string {
  if (idType === 'citizen_id') return maskCitizenId(idNumber);
  return idNumber.length > 4
    ? `${idNumber.slice(0, 2)}${'*'.repeat(idNumber.length - 4)}${idNumber.slice(-2)}`
    : '****';
}

export const maskedPhone = (phone: string | null): string | null => (phone ? maskPhone(phone) : null);

/** The birth year of a `YYYY-MM-DD` date; the month and day are digits 11–14 of the ID and stay hidden. */
export const birthYearOf = (birthDate: string | null): number | null =>
  birthDate ? Number(birthDate.slice(0, 4)) : null;

export interface IdentityFields {
  idType: string;
  idNumber: string;
  phone?: string | null;
  birthDate?: string | null;
}

/**
 * The masked identity of a person: masked ID and phone, birth year instead of the date. The row's other
 * fields pass through; `birthDate` is dropped so no caller can forget it.
 */
export function maskIdentity<T extends IdentityFields>(row: T) {
  const { birthDate, ...rest } = row;
  return {
    ...rest,
    idNumber: maskIdNumber(row.idType, row.idNumber),
    ...(row.phone !== undefined ? { phone: maskedPhone(row.phone ?? null) } : {}),
    birthYear: birthYearOf(birthDate ?? null),
    masked: true as const,
  };
}

/** A history entry's value for a field, masked like the record. */
export function maskChangedValue(idType: string, field: string, value: unknown): unknown {
  if (typeof value !== 'string' || !value) return value;
  if (field === 'idNumber') return maskIdNumber(idType, value);
  if (field === 'phone') return maskPhone(value);
  if (field === 'birthDate') return value.slice(0, 4);
  return value;
}

/**
 * How a run of digits may search people without probing a hidden digit. Visible positions: an ID's last four,
 * a phone's first three and last four. A whole number (an 18-character ID, a whole phone) is matched exactly:
 * the clerk holds the card; guessing one is a lookup that finds nothing, which is counted (person-lookups.ts).
 * Anything longer than the visible part probes hidden digits: only holders of `person.sensitive.read` (who may
 * reveal the value anyway) may search so, and such a search is audited like a reveal.
 */
export const VISIBLE_ID_TAIL = 4;
export const VISIBLE_PHONE_HEAD = 3;
export const VISIBLE_PHONE_TAIL = 4;

export type DigitSearch =
  { kind: 'visible'; idTail: boolean; phoneHead: boolean; phoneTail: boolean } | { kind: 'probing' };

export function digitSearch(digits: string): DigitSearch {
  const n = digits.length;
  const visible = {
    idTail: n <= VISIBLE_ID_TAIL,
    phoneHead: n <= VISIBLE_PHONE_HEAD,
    phoneTail: n <= VISIBLE_PHONE_TAIL,
  };
  return visible.idTail || visible.phoneHead || visible.phoneTail
    ? { kind: 'visible', ...visible }
    : { kind: 'probing' };
}

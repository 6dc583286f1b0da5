import { z } from 'zod';
import { socialCreditCodeError } from '@civicgrid/shared/validators';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import { exportFormat as format } from '../../core/xlsx.ts';

/** Exports are masked; holders of person.sensitive.read may ask for clear values (audited). */
const exportFormat = {
  ...format,
  unmasked: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
};

const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'a mainland mobile (11 digits) or landline number');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max);
const version = z.number().int().min(1);

// ---- rentals ----

export const rentalCreate = z.object({
  houseId: z.uuid(),
  landlordPersonId: z.uuid().optional(),
  landlordName: text(50).min(1, 'required').optional(),
  landlordPhone: phone.optional(),
  registrationNumber: text(50).min(1).optional(),
  registeredOn: day.optional(),
  note: text(1000).optional(),
});

export const rentalUpdate = z.object({
  version,
  landlordPersonId: z.uuid().nullable().optional(),
  landlordName: text(50).min(1, 'required').optional(),
  landlordPhone: phone.nullable().optional(),
  registrationNumber: text(50).min(1).nullable().optional(),
  registeredOn: day.nullable().optional(),
  status: z.enum(['active', 'ended']).optional(),
  note: text(1000).nullable().optional(),
});

export const rentalListQuery = z.object({
  q: text(100).optional(),
  starRating: z.coerce.number().int().min(1).max(5).optional(),
  status: z.enum(['active', 'ended']).optional(),
  orgId: z.uuid().optional(),
  hasHazard: z.enum(['true', 'false']).optional(),
  houseId: z.uuid().optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export const rentalExportQuery = rentalListQuery.omit({ limit: true, cursor: true }).extend(exportFormat);

export const checkInBody = z.object({
  personId: z.uuid(),
  room: text(30).optional(),
  checkIn: day,
});
export const checkOutBody = z.object({ checkOut: day });

export const inspectionBody = z.object({
  findings: text(4000).default(''),
  /** criterion code → 0..100 */
  scores: z.record(z.string(), z.number().min(0).max(100)),
  hazard: z.boolean().optional(),
  inspectedAt: z.coerce.date().optional(),
});

export const criteriaBody = z.object({
  /** The set's version from GET /api/rental-criteria: a save over someone else's answers 409. */
  version: z.number().int().min(1),
  criteria: z
    .array(
      z.object({
        code: z
          .string()
          .trim()
          .regex(/^[a-z][a-z0-9_]{0,29}$/, 'lower-case letters, digits and _'),
        name: text(30).min(1, 'required'),
        nameEn: text(60).nullable().optional(),
        weight: z
          .number()
          .int('must be a whole number from 1 to 100')
          .min(1, 'must be a whole number from 1 to 100')
          .max(100, 'must be a whole number from 1 to 100'),
        disabled: z.boolean().default(false),
      }),
    )
    .min(1, 'at least one criterion'),
});

// ---- permits ----

export const permitApply = z.object({
  personId: z.uuid(),
  houseId: z.uuid().optional(),
  address: text(200).min(1).optional(),
  appliedOn: day.optional(),
});

export const PERMIT_ACTIONS = ['issue', 'renew', 'change_address', 'reject', 'cancel'] as const;
export const permitAction = z.object({
  action: z.enum(PERMIT_ACTIONS),
  version,
  number: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{4,30}$/, 'capital letters, digits and -')
    .optional(),
  validFrom: day.optional(),
  validTo: day.optional(),
  houseId: z.uuid().optional(),
  reason: text(500).min(1).optional(),
});

export const permitListQuery = z.object({
  q: text(100).optional(),
  status: z.enum(['applied', 'issued', 'rejected', 'expired', 'cancelled']).optional(),
  expiringWithinDays: z.coerce.number().int().min(0).max(366).optional(),
  orgId: z.uuid().optional(),
  personId: z.uuid().optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export const permitExportQuery = permitListQuery.omit({ limit: true, cursor: true }).extend(exportFormat);

// ---- organisations ----

export const ORG_KINDS = ['enterprise', 'shop', 'social_org', 'public_institution', 'other'] as const;

const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, c) => {
    const err = socialCreditCodeError(v);
    if (err) c.addIssue({ code: 'custom', message: err });
  });

const point = z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) });

export const organizationCreate = z.object({
  name: text(100).min(1, 'required'),
  kind: z.enum(ORG_KINDS),
  creditCode: creditCode.optional(),
  legalRep: text(50).optional(),
  phone: phone.optional(),
  address: text(200).min(1, 'required'),
  location: point.optional(),
  safetyContactName: text(50).optional(),
  safetyContactPhone: phone.optional(),
  safetyContactPersonId: z.uuid().optional(),
  note: text(1000).optional(),
});

export const organizationUpdate = z.object({
  version,
  name: text(100).min(1, 'required').optional(),
  kind: z.enum(ORG_KINDS).optional(),
  creditCode: creditCode.nullable().optional(),
  legalRep: text(50).nullable().optional(),
  phone: phone.nullable().optional(),
  address: text(200).min(1, 'required').optional(),
  location: point.nullable().optional(),
  safetyContactName: text(50).nullable().optional(),
  safetyContactPhone: phone.nullable().optional(),
  safetyContactPersonId: z.uuid().nullable().optional(),
  status: z.enum(['active', 'closed']).optional(),
  note: text(1000).nullable().optional(),
});

export const organizationListQuery = z.object({
  q: text(100).optional(),
  kind: z.enum(ORG_KINDS).optional(),
  status: z.enum(['active', 'closed']).optional(),
  orgId: z.uuid().optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export const organizationExportQuery = organizationListQuery
  .omit({ limit: true, cursor: true })
  .extend(exportFormat);

export const employeeBody = z.object({
  personId: z.uuid(),
  position: text(50).optional(),
  fromDate: day,
});
export const endEmploymentBody = z.object({ toDate: day });

/** What each permit action carries (the workflow runner validates with these; 400 names the field). */
const pa = permitAction.shape;
export const PERMIT_ACTION_INPUTS = {
  issue: z.object({ number: pa.number, validFrom: pa.validFrom, validTo: pa.validTo }),
  renew: z.object({ validTo: pa.validTo }),
  change_address: z.object({ houseId: pa.houseId }),
  reject: z.object({ reason: pa.reason.unwrap() }),
  cancel: z.object({ reason: pa.reason.unwrap() }),
  expire: z.object({}),
} as const;

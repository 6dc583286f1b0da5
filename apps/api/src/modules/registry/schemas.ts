import { z } from 'zod';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import { exportFormat } from '../../core/xlsx.ts';
import { REASON_LANGS } from './import-reasons.ts';

const optText = (max: number) => z.string().max(max).nullish();
const uuid = z.uuid({ message: 'must be a UUID' });
const day = z.iso.date({ message: 'YYYY-MM-DD' });

/** Shapes only: the meaning (ID checksum, phone, who may use which document) is checked in person-input.ts. */
export const personCreate = z.object({
  name: z.string().max(100),
  idType: z.enum(['citizen_id', 'passport', 'other']).optional(),
  idNumber: z.string().max(40),
  residenceType: z.string().max(20),
  phone: optText(30),
  sex: z.enum(['male', 'female']).nullish(),
  birthDate: z.string().max(10).nullish(),
  ethnicity: optText(40),
  nationality: optText(80),
  householdAddress: optText(400),
  address: optText(400),
  tags: z.array(z.string().max(40)).max(30).optional(),
  note: optText(2000),
  gridId: uuid.nullish(),
});

export const personUpdate = personCreate
  .omit({ idType: true, idNumber: true })
  .partial()
  .extend({ version: z.number().int().min(1) });

const csvList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : v.split(',')).filter(Boolean)));

const pageNo = z.coerce.number().int().min(1).max(10_000).optional();
const pageSize = z.coerce.number().int().min(1).max(200).optional();

export const personFilters = z.object({
  q: z.string().trim().max(100).optional(),
  residenceType: z.enum(['registered', 'floating', 'overseas']).optional(),
  tags: csvList,
  orgId: uuid.optional(),
  gridId: uuid.optional(),
  sex: z.enum(['male', 'female']).optional(),
  ageMin: z.coerce.number().int().min(0).max(150).optional(),
  ageMax: z.coerce.number().int().min(0).max(150).optional(),
});

export const personListQuery = personFilters.extend({
  limit: limitSchema,
  cursor: cursorSchema,
  page: pageNo,
  pageSize,
});

export const personExportQuery = personFilters.extend({
  ...exportFormat,
  /** Only for holders of person.sensitive.read; the export is then audited with its filters. */
  unmasked: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

export const tagCreate = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits and _'),
  name: z.string().trim().min(1).max(20),
  nameEn: z.string().trim().max(40).nullish(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
});
export const tagUpdate = z.object({
  name: z.string().trim().min(1).max(20).optional(),
  nameEn: z.string().trim().max(40).nullish(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  disabled: z.boolean().optional(),
});
export const tagParams = z.object({ code: z.string().max(40) });

export const HOUSE_USES = ['self_occupied', 'rental', 'vacant', 'commercial', 'dormitory'] as const;

export const houseCreate = z.object({
  address: z.string().trim().min(1).max(200),
  building: optText(20),
  unit: optText(20),
  room: optText(20),
  use: z.enum(HOUSE_USES),
  area: z.number().min(0).max(100_000).nullish(),
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  ownerName: optText(50),
  ownerPhone: optText(30),
  ownerPersonId: uuid.nullish(),
  note: optText(1000),
});
export const houseUpdate = houseCreate.partial().extend({ version: z.number().int().min(1) });

export const houseFilters = z.object({
  q: z.string().trim().max(100).optional(),
  use: z.enum(HOUSE_USES).optional(),
  orgId: uuid.optional(),
  gridId: uuid.optional(),
});
export const houseListQuery = houseFilters.extend({
  limit: limitSchema,
  cursor: cursorSchema,
  page: pageNo,
  pageSize,
});
export const houseExportQuery = houseFilters.extend(exportFormat);

export const moveIn = z.object({
  personId: uuid,
  relation: z.enum(['owner', 'family', 'tenant', 'other']),
  fromDate: day,
});
export const moveOut = z.object({ toDate: day });

export const numberPattern = z.object({
  pattern: z
    .string()
    .trim()
    .min(6)
    .max(80)
    .refine((p) => /\{seq(:\d)?\}/.test(p), 'must contain {seq} or {seq:N}'),
});

/** `lang` picks the language of the reason column: Chinese (the office's) unless English is asked for. */
export const importErrorsQuery = z.object({ ...exportFormat, lang: z.enum(REASON_LANGS).default('zh') });

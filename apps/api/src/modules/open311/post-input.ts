import { o311Error } from './respond.ts';
import type { AttributeDef } from './services-service.ts';

/** A form body after parsing: repeated fields become lists, `attribute[code]` and `attribute[code][]` a map. */
export interface RawPost {
  fields: Record<string, string>;
  attributes: Record<string, string | string[]>;
}

const ATTR = /^attribute\[([^\]]+)\](\[\])?$/;

function addAttribute(out: RawPost['attributes'], code: string, value: string, list: boolean) {
  const prev = out[code];
  if (prev === undefined) out[code] = list ? [value] : value;
  else out[code] = [...(Array.isArray(prev) ? prev : [prev]), value];
}

/** From application/x-www-form-urlencoded text. */
export function parseForm(body: string): RawPost {
  const out: RawPost = { fields: {}, attributes: {} };
  for (const [k, v] of new URLSearchParams(body)) {
    const m = ATTR.exec(k);
    if (m) addAttribute(out.attributes, m[1]!, v, !!m[2]);
    else if (!(k in out.fields)) out.fields[k] = v;
  }
  return out;
}

/** From a JSON object (accepted as a convenience): scalars as text, `attribute` as an object or bracket keys. */
export function parseJsonBody(body: unknown): RawPost {
  const out: RawPost = { fields: {}, attributes: {} };
  if (!body || typeof body !== 'object' || Array.isArray(body)) return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === 'attribute' && v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [code, av] of Object.entries(v as Record<string, unknown>)) {
        if (Array.isArray(av)) for (const x of av) addAttribute(out.attributes, code, String(x), true);
        else if (av !== null && av !== undefined) addAttribute(out.attributes, code, String(av), false);
      }
      continue;
    }
    const m = ATTR.exec(k);
    if (m) {
      for (const x of Array.isArray(v) ? v : [v]) addAttribute(out.attributes, m[1]!, String(x), !!m[2]);
    } else if (v !== null && v !== undefined && typeof v !== 'object') out.fields[k] = String(v);
  }
  return out;
}

/** Sizes the spec names (description: 4,000 characters) and ours for the rest. */
const MAX = {
  service_code: 50,
  description: 4000,
  address_string: 300,
  address_id: 100,
  email: 200,
  device_id: 100,
  account_id: 100,
  first_name: 50,
  last_name: 50,
  phone: 30,
  media_url: 1000,
  jurisdiction_id: 50,
  attribute: 1000,
} as const;
const MAX_ATTRIBUTES = 50;

export interface PostInput {
  serviceCode: string;
  jurisdictionId: string | null;
  lat: number | null;
  lng: number | null;
  addressString: string | null;
  description: string;
  email: string | null;
  deviceId: string | null;
  accountId: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  mediaUrl: string | null;
}

const bad = (field: string, why: string) => o311Error(400, `${field}: ${why}`);

function text(fields: Record<string, string>, key: keyof typeof MAX): string | null {
  const v = fields[key]?.trim();
  if (!v) return null;
  if (v.length > MAX[key]) throw bad(key, `longer than ${MAX[key]} characters`);
  return v;
}

function coordinate(raw: string, field: 'lat' | 'long', limit: number): number {
  if (!/^[+-]?\d{1,3}(\.\d+)?$/.test(raw.trim())) throw bad(field, 'must be a decimal number (WGS84)');
  const n = Number(raw);
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw bad(field, `must be between -${limit} and ${limit}`);
  return n;
}

/** The standard fields: required ones present, every value within its size and shape; 400 names the field. */
export function readPost(raw: RawPost): PostInput {
  const f = raw.fields;
  const serviceCode = text(f, 'service_code');
  if (!serviceCode) throw bad('service_code', 'required');
  const latRaw = f.lat?.trim() ?? '';
  const lngRaw = f.long?.trim() ?? '';
  if (!!latRaw !== !!lngRaw) throw bad(latRaw ? 'long' : 'lat', 'lat and long are sent together');
  const lat = latRaw ? coordinate(latRaw, 'lat', 90) : null;
  const lng = lngRaw ? coordinate(lngRaw, 'long', 180) : null;
  const addressString = text(f, 'address_string');
  const addressId = text(f, 'address_id');
  if (lat === null && !addressString) {
    throw addressId
      ? bad(
          'address_id',
          'this jurisdiction has no address repository to look it up; send lat/long or address_string',
        )
      : bad('lat', 'a location is required: lat and long, or address_string');
  }
  const email = text(f, 'email');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw bad('email', 'not an email address');
  const phone = text(f, 'phone');
  if (phone && !/^[+\d][\d\s()-]{3,29}$/.test(phone)) throw bad('phone', 'not a phone number');
  const mediaUrl = text(f, 'media_url');
  if (mediaUrl) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(mediaUrl).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw bad('media_url', 'must be an http(s) URL');
  }
  return {
    serviceCode,
    jurisdictionId: text(f, 'jurisdiction_id'),
    lat,
    lng,
    addressString,
    description: text(f, 'description') ?? '',
    email,
    deviceId: text(f, 'device_id'),
    accountId: text(f, 'account_id'),
    firstName: text(f, 'first_name'),
    lastName: text(f, 'last_name'),
    phone,
    mediaUrl,
  };
}

const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A W3C datetime with its time zone, as the spec wants for every date in and out; null when absent. */
export function w3cDate(value: string | undefined, field: string): Date | null {
  if (value === undefined || value === '') return null;
  const d = new Date(value);
  if (!W3C.test(value) || Number.isNaN(d.getTime()))
    throw bad(field, 'must be a W3C datetime with a time zone, e.g. 2026-11-01T00:00:00+08:00');
  return d;
}

/** Checks the answers against the service definition; unknown codes are refused so typos do not vanish. */
export function readAttributes(raw: RawPost['attributes'], defs: AttributeDef[]) {
  const codes = Object.keys(raw);
  if (codes.length > MAX_ATTRIBUTES) throw bad('attribute', `at most ${MAX_ATTRIBUTES} attributes`);
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const out: Record<string, string | number | string[]> = {};
  for (const code of codes) {
    if (!byCode.has(code)) throw bad(`attribute[${code}]`, 'this service has no such attribute');
  }
  for (const d of defs) {
    const field = `attribute[${d.code}]`;
    const v = raw[d.code];
    const values = v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => x.trim()).filter(Boolean);
    if (!values.length) {
      if (d.required) throw bad(field, 'required');
      continue;
    }
    if (values.some((x) => x.length > MAX.attribute))
      throw bad(field, `longer than ${MAX.attribute} characters`);
    const keys = new Set(d.values.map((x) => x.key));
    switch (d.datatype) {
      case 'multivaluelist':
        if (values.some((x) => !keys.has(x)))
          throw bad(field, `each value must be one of ${[...keys].join(', ')}`);
        out[d.code] = [...new Set(values)];
        break;
      case 'singlevaluelist':
        if (values.length > 1 || !keys.has(values[0]!))
          throw bad(field, `must be one of ${[...keys].join(', ')}`);
        out[d.code] = values[0]!;
        break;
      case 'number': {
        if (values.length > 1 || !/^[+-]?\d+(\.\d+)?$/.test(values[0]!)) throw bad(field, 'must be a number');
        out[d.code] = Number(values[0]);
        break;
      }
      case 'datetime':
        if (values.length > 1) throw bad(field, 'one value only');
        out[d.code] = w3cDate(values[0], field)!.toISOString();
        break;
      default:
        if (values.length > 1) throw bad(field, 'one value only');
        out[d.code] = values[0]!;
    }
  }
  return out;
}

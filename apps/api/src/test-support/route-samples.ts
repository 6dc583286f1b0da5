import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * Request bodies generated from a route's declared zod schema, for the route matrix: a plausible valid one (so
 * a scope check behind the validation is reached) and one wrong in its first required field (so the 400 is seen
 * to name that field).
 */
type Json = {
  type?: string | string[];
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Json[];
  oneOf?: Json[];
  allOf?: Json[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  minItems?: number;
  pattern?: string;
  default?: unknown;
};

export function jsonSchemaOf(schema: unknown): Json | null {
  if (!(schema instanceof z.ZodType)) return null;
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  } catch {
    return null;
  }
}

const firstType = (s: Json) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** A value that satisfies the declared shape (not every refinement: those routes are listed as gaps). */
export function sampleOf(s: Json | undefined, key = ''): unknown {
  if (!s) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sampleOf(alt.find((a) => firstType(a) !== 'null') ?? alt[0], key);
  if (s.allOf) return sampleOf(s.allOf[0], key);
  switch (firstType(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {}))
        if (s.required?.includes(k) || k === 'version') out[k] = sampleOf(v, k);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleOf(s.items, key));
    case 'integer':
    case 'number':
      return key === 'version' ? 1 : Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'string': {
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date-time') return '2026-03-02T01:00:00.000Z';
      if (s.format === 'date') return '2026-03-02';
      if (s.pattern) {
        for (const v of ['2026-03-02', '2026-03', '13912345678', 'a1'])
          if (new RegExp(s.pattern).test(v)) return v;
      }
      const len = Math.max(s.minLength ?? 1, 1);
      return '测试'
        .repeat(len)
        .slice(0, Math.max(len, 2))
        .slice(0, s.maxLength ?? 100);
    }
    default:
      return null;
  }
}

/** A value of the wrong JSON type for `s`. */
function wrongFor(s: Json): unknown {
  const alt = s.anyOf ?? s.oneOf;
  const t = alt ? firstType(alt.find((a) => firstType(a) !== 'null') ?? alt[0]!) : firstType(s);
  if (t === 'string' || s.enum) return { not: 'a string' };
  return 'not-the-right-type';
}

/** `{ field, body }` with the first required field of an object body given the wrong type, or null. */
export function badBodyOf(s: Json | null): { field: string; body: Record<string, unknown> } | null {
  if (!s || firstType(s) !== 'object' || !s.properties) return null;
  const field = s.required?.[0] ?? Object.keys(s.properties)[0];
  if (!field) return null;
  const valid = (sampleOf(s) ?? {}) as Record<string, unknown>;
  return { field, body: { ...valid, [field]: wrongFor(s.properties[field]!) } };
}

/** The path of the first free-text string field of an object body (no format, enum or pattern), or null. */
function textField(s: Json | undefined, base = '', depth = 0): string | null {
  if (!s || depth > 3) return null;
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return textField(alt.find((a) => firstType(a) !== 'null') ?? alt[0], base, depth);
  if (firstType(s) === 'string' && !s.enum && !s.format && !s.pattern && s.const === undefined) return base;
  if (firstType(s) !== 'object' || !s.properties) return null;
  for (const [k, v] of Object.entries(s.properties)) {
    const hit = textField(v, base ? `${base}.${k}` : k, depth + 1);
    if (hit) return hit;
  }
  return null;
}

function setPath(body: Record<string, unknown>, dotted: string, value: unknown) {
  const keys = dotted.split('.');
  let at = body;
  for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
  at[keys[keys.length - 1]!] = value;
}

/**
 * `{ field, body }`: a valid body whose first free-text field holds a NUL byte (which PostgreSQL cannot store),
 * or null when the body takes no free text.
 */
export function nulBodyOf(s: Json | null): { field: string; body: Record<string, unknown> } | null {
  if (!s || firstType(s) !== 'object') return null;
  const field = textField(s);
  if (!field) return null;
  const body = structuredClone((sampleOf(s) ?? {}) as Record<string, unknown>);
  setPath(body, field, '测试\u0000文本');
  return { field, body };
}

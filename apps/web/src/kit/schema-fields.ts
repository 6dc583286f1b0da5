import type { z } from 'zod';

/**
 * The form an action's input schema asks for, read from the shared zod object (packages/shared): each key a
 * field, its widget from its type, required unless the schema lets it be left out. The API validates with the
 * same schema, so the dialog cannot ask for less than the server will accept.
 */
export type FieldKind =
  | 'text' // a short string
  | 'textarea' // a long string (over 200 characters allowed)
  | 'enum' // one of the schema's options
  | 'boolean' // yes or no, answered explicitly
  | 'datetime' // a moment (an ISO date-time string or a coerced date)
  | 'date' // a calendar day (an ISO date string, YYYY-MM-DD)
  | 'number' // a number within the schema's bounds (days, an amount); whole when the schema says int
  | 'org' // a uuid: a unit of the org tree unless the page says otherwise
  | 'orgs' // a list of uuids
  | 'attachments'; // a list of uploaded file ids

export interface SchemaField {
  key: string;
  kind: FieldKind;
  required: boolean;
  options?: readonly string[];
  max?: number;
  min?: number;
  /** A number the schema takes only whole (`z.number().int()`). */
  integer?: boolean;
}

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; format?: string };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional/nullable/default wrappers, and whether the key may be left out. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let inner = schema;
  let optional = false;
  for (;;) {
    const def = defOf(inner);
    if (!def.innerType || !['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(def.type))
      return { inner, optional };
    if (def.type !== 'nullable' && def.type !== 'readonly') optional = true;
    inner = def.innerType;
  }
}

function kindOf(key: string, inner: z.ZodType): Omit<SchemaField, 'key' | 'required'> | null {
  const def = defOf(inner);
  switch (def.type) {
    case 'string': {
      if (def.format === 'uuid' || def.format === 'guid') return { kind: 'org' };
      if (def.format === 'datetime') return { kind: 'datetime' };
      if (def.format === 'date') return { kind: 'date' };
      const max = (inner as z.ZodString).maxLength ?? undefined;
      return { kind: max !== undefined && max <= 200 ? 'text' : 'textarea', max };
    }
    case 'date':
      return { kind: 'datetime' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'number': {
      const n = inner as z.ZodNumber;
      // An unbounded number reports ±Infinity: no bound to give the input.
      const bound = (v: number | null) => (v !== null && Number.isFinite(v) ? v : undefined);
      return {
        kind: 'number',
        ...(bound(n.minValue) !== undefined ? { min: bound(n.minValue) } : {}),
        ...(bound(n.maxValue) !== undefined ? { max: bound(n.maxValue) } : {}),
        ...(n.isInt ? { integer: true } : {}),
      };
    }
    case 'enum':
      return { kind: 'enum', options: (inner as z.ZodEnum).options as readonly string[] };
    case 'array': {
      const element = def.element && defOf(unwrap(def.element).inner);
      if (element?.type !== 'string' || (element.format !== 'uuid' && element.format !== 'guid')) return null;
      return { kind: /attachment/i.test(key) ? 'attachments' : 'orgs' };
    }
    default:
      return null;
  }
}

/**
 * The fields of an action schema in declaration order. Keys the dialog fills itself (`version`, `action`) are
 * left out; a type no widget serves makes the call throw, so a new schema cannot silently lose a field.
 */
export function fieldsOf(
  schema: z.ZodObject,
  skip: readonly string[] = ['version', 'action'],
): SchemaField[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([key]) => !skip.includes(key))
    .map(([key, field]) => {
      const { inner, optional } = unwrap(field);
      const kind = kindOf(key, inner);
      if (!kind) throw new Error(`fieldsOf: no widget for "${key}" (${defOf(inner).type})`);
      return { key, required: !optional, ...kind };
    });
}

import { XMLBuilder } from 'fast-xml-parser';

/**
 * The GeoReport v2 documents in XML. Arrays become a wrapper element holding one element per
 * item, named by ITEM_NAMES (`services` → `service`), which is how the spec nests its lists.
 */
export const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

export type XmlValue = string | number | boolean | Date | null | undefined | XmlValue[] | XmlObject;
export interface XmlObject {
  [name: string]: XmlValue;
}

// Characters XML 1.0 cannot carry at all, even escaped: C0 controls (but tab, LF, CR), lone surrogates, FFFE/FFFF.
const INVALID =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what must be removed
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

// fast-xml-parser writes and escapes; what it is given is shaped here: the spec's list nesting, ISO times,
// empty elements for nulls, and no character XML 1.0 cannot carry.
const builder = new XMLBuilder({ suppressEmptyNode: true, processEntities: true });

function shape(name: string, value: XmlValue): unknown {
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) throw new Error(`no item element name for the list ${name}`);
    // An empty list is an empty wrapper element; a list of one is still a list of <item>.
    return value.length ? { [item]: value.map((v) => shape(item, v)) } : '';
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(k, v)]));
  return String(value).replace(INVALID, '');
}

/** A whole document: the XML declaration with its UTF-8 encoding (the spec asks for it), then the root. */
export function toXml(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: shape(root, value) }) as string}`;
}

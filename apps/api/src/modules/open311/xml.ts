/**
 * A small XML writer for the GeoReport v2 documents. Arrays become a wrapper element holding one element per
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

export function escapeXml(text: string): string {
  return text.replace(INVALID, '').replace(/[&<>"']/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function element(name: string, value: XmlValue, out: string[]): void {
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === null || value === undefined) {
    out.push(`<${name}/>`);
  } else if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) throw new Error(`no item element name for the list ${name}`);
    out.push(`<${name}>`);
    for (const v of value) element(item, v, out);
    out.push(`</${name}>`);
  } else if (value instanceof Date) {
    out.push(`<${name}>${escapeXml(value.toISOString())}</${name}>`);
  } else if (typeof value === 'object') {
    out.push(`<${name}>`);
    for (const [k, v] of Object.entries(value)) element(k, v, out);
    out.push(`</${name}>`);
  } else {
    out.push(`<${name}>${escapeXml(String(value))}</${name}>`);
  }
}

/** A whole document: the XML declaration with its UTF-8 encoding (the spec asks for it), then the root. */
export function toXml(root: string, value: XmlValue): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  element(root, value, out);
  return out.join('');
}

import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Reads the plain XML documents the APIs write (elements and text) with fast-xml-parser, after its validator
 * has found the document well-formed, into a small tree the tests walk in document order.
 */
export interface XmlElement {
  name: string;
  text: string;
  children: XmlElement[];
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreDeclaration: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
});

type Node = Record<string, unknown>;

function toElement(node: Node): XmlElement {
  const name = Object.keys(node).find((k) => k !== ':@')!;
  const inner = (node[name] as Node[]) ?? [];
  const el: XmlElement = { name, text: '', children: [] };
  for (const n of inner) {
    if ('#text' in n) el.text += String(n['#text']);
    else el.children.push(toElement(n));
  }
  if (el.children.length && el.text.trim()) throw new Error(`mixed content in <${name}>`);
  return el;
}

export function parseXml(doc: string): XmlElement {
  // The GeoReport spec asks for the declaration with its encoding; the parser would accept a document without.
  if (!/^<\?xml version="1\.0" encoding="UTF-8"\?>/.test(doc))
    throw new Error('missing the XML declaration with encoding="UTF-8"');
  const valid = XMLValidator.validate(doc);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const roots = (parser.parse(doc) as Node[]).filter((n) => !('#text' in n));
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return toElement(roots[0]!);
}

/** The first child with this name, or throws: a missing element fails the test loudly. */
export function child(el: XmlElement, name: string): XmlElement {
  const c = el.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${el.name}> has no <${name}>`);
  return c;
}

export const texts = (el: XmlElement) => Object.fromEntries(el.children.map((c) => [c.name, c.text]));

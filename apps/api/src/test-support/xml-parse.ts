/**
 * A strict reader for the plain XML documents the APIs write (elements and text, no attributes or mixed
 * content), so tests check real well-formedness: tags must nest and close, text must not hold a raw `<` or `&`.
 */
export interface XmlElement {
  name: string;
  text: string;
  children: XmlElement[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  if (/<|&(?!(amp|lt|gt|quot|apos);)/.test(raw)) throw new Error(`bad character data: ${raw}`);
  return raw.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);
}

export function parseXml(doc: string): XmlElement {
  const prolog = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n?/.exec(doc);
  if (!prolog) throw new Error('missing the XML declaration with encoding="UTF-8"');
  let i = prolog[0].length;
  const element = (): XmlElement => {
    const open = /^<([A-Za-z_][\w.-]*)(\/?)>/.exec(doc.slice(i));
    if (!open) throw new Error(`expected an element at ${i}: ${doc.slice(i, i + 40)}`);
    i += open[0].length;
    const el: XmlElement = { name: open[1]!, text: '', children: [] };
    if (open[2]) return el;
    let text = '';
    for (;;) {
      const lt = doc.indexOf('<', i);
      if (lt < 0) throw new Error(`unclosed <${el.name}>`);
      text += doc.slice(i, lt);
      i = lt;
      if (doc.startsWith(`</${el.name}>`, i)) {
        i += el.name.length + 3;
        break;
      }
      if (doc.startsWith('</', i)) throw new Error(`mismatched close tag at ${i} inside <${el.name}>`);
      el.children.push(element());
    }
    if (el.children.length && text.trim()) throw new Error(`mixed content in <${el.name}>`);
    el.text = decode(text);
    return el;
  };
  const root = element();
  if (doc.slice(i).trim()) throw new Error('content after the root element');
  return root;
}

/** The first child with this name, or throws: a missing element fails the test loudly. */
export function child(el: XmlElement, name: string): XmlElement {
  const c = el.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${el.name}> has no <${name}>`);
  return c;
}

export const texts = (el: XmlElement) => Object.fromEntries(el.children.map((c) => [c.name, c.text]));

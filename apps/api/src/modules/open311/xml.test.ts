import { describe, expect, it } from 'vitest';
import { parseXml, texts } from '../../test-support/xml-parse.ts';
import { toXml } from './xml.ts';

describe('the GeoReport XML writer', () => {
  it('escapes markup, drops characters XML cannot hold, names list items, writes empty elements for nulls', () => {
    const doc = toXml('service_requests', [
      {
        service_request_id: '1',
        description: 'a <b> & "c" \'d\'\u0001\uFFFF end',
        lat: 31.1,
        media_url: null,
      },
    ]);
    expect(doc.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<service_requests><request>')).toBe(true);
    expect(doc).toContain('<media_url/>');
    const root = parseXml(doc);
    expect(texts(root.children[0]!)).toEqual({
      service_request_id: '1',
      description: 'a <b> & "c" \'d\' end',
      lat: '31.1',
      media_url: '',
    });
  });

  it('refuses a list without a known item name rather than writing a wrong document', () => {
    expect(() => toXml('things', [1])).toThrow(/no item element name/);
  });
});

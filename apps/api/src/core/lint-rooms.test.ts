import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const config = fs.readFileSync(path.join(root, 'eslint.config.js'), 'utf8');
const listed = (name: string) => {
  const body = config.match(new RegExp(`const ${name} = \\[([^\\]]*)\\]`))?.[1] ?? '';
  return [...body.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
};
const RAW = /\.(selectFrom|updateTable|insertInto|deleteFrom)\(/;

describe('the legacy allow-lists of the data-layer lint rule', () => {
  it('only name files that still need the exception, so a file that moves leaves the list', () => {
    const rawQuery = listed('LEGACY_RAW_QUERY');
    expect(rawQuery.length).toBeGreaterThan(10);
    for (const f of rawQuery) expect(RAW.test(fs.readFileSync(path.join(root, f), 'utf8')), f).toBe(true);
    for (const f of listed('LEGACY_ROUTES_DB_IMPORT'))
      expect(fs.readFileSync(path.join(root, f), 'utf8'), f).toMatch(/from '(\.\.\/)+db\//);
  });

  it('does not list the files already on the data layer', () => {
    const rawQuery = listed('LEGACY_RAW_QUERY');
    for (const f of ['notice-service.ts', 'policy-service.ts'])
      expect(rawQuery.some((l) => l.endsWith(`public/${f}`))).toBe(false);
  });
});

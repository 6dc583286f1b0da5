import fs from 'node:fs';
import path from 'node:path';
import { auditActionLabel, auditEntityLabel } from '@civicgrid/shared/audit-labels';
import { describe, expect, it } from 'vitest';
import { WORKFLOWS } from '../workflows.ts';

/** Every audit action code the API writes as a literal, read from its source (tests left out). */
function writtenActions(dir: string, out = new Set<string>()): Set<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) writtenActions(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !p.includes('test-support'))
      // `action: 'x.y'`, also either branch of `action: cond ? 'x.y' : 'x.z'`.
      for (const m of fs.readFileSync(p, 'utf8').matchAll(/\baction: ([^,\n]+)/g))
        for (const c of m[1]!.matchAll(/'([a-z_]+\.[a-z_0-9.]+)'/g)) out.add(c[1]!);
  }
  return out;
}

describe('audit actions in words', () => {
  it('words every record type the API audits', () => {
    const types = new Set<string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !p.includes('test-support'))
          for (const m of fs.readFileSync(p, 'utf8').matchAll(/\bentityType: '([a-z_]+)'/g)) types.add(m[1]!);
      }
    };
    walk(path.resolve(import.meta.dirname, '..'));
    expect([...types].filter((x) => auditEntityLabel(x, 'zh') === x)).toEqual([]);
  });

  it('words every action the API writes, in Chinese and English, so the audit log never shows a bare code', () => {
    const codes = writtenActions(path.resolve(import.meta.dirname, '..'));
    // The engine audits each transition as `<workflow>.<action>` (core/workflow/runner.ts).
    for (const def of WORKFLOWS) for (const t of def.transitions) codes.add(`${def.name}.${t.action}`);
    expect(codes.size).toBeGreaterThan(60);
    const bare = [...codes].filter((c) => auditActionLabel(c, 'zh') === c || auditActionLabel(c, 'en') === c);
    expect(bare, 'add these to packages/shared/src/audit-labels.ts').toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allSweeps, MODULES } from '../modules/index.ts';

const modulesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../modules');

describe('the module manifest', () => {
  it('lists every module folder once, each with its module.ts', () => {
    const folders = fs
      .readdirSync(modulesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    for (const f of folders) expect(fs.existsSync(path.join(modulesDir, f, 'module.ts')), f).toBe(true);
    const names = MODULES.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...folders].sort());
  });

  it('gives every sweep a unique name (its advisory lock key)', () => {
    const config = { session: { idleMs: 1 }, escalateOverdue: false } as never;
    const sweeps = allSweeps(config).map((s) => s.name);
    expect(sweeps.length).toBeGreaterThanOrEqual(8);
    // One deadline sweep runs every workflow's clocks; unanswered referrals come back on their own sweep.
    expect(sweeps).toContain('workflow-deadlines');
    expect(sweeps).toContain('referral-expiry');
    expect(new Set(sweeps).size).toBe(sweeps.length);
  });
});

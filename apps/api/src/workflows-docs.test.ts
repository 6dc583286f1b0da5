import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workflowDoc } from './core/workflow/diagram.ts';
import { WORKFLOWS } from './workflows.ts';

describe('workflow diagrams in docs/workflows', () => {
  for (const def of WORKFLOWS) {
    it(`docs/workflows/${def.name}.md is what the definition draws (run npm run docs:workflows)`, () => {
      const file = new URL(`../../../docs/workflows/${def.name}.md`, import.meta.url);
      expect(readFileSync(file, 'utf8')).toBe(workflowDoc(def));
    });
  }
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { workflowDoc } from './core/workflow/diagram.ts';
import { WORKFLOWS } from './workflows.ts';

/** `npm run docs:workflows`: writes docs/workflows/<name>.md from each definition. */
const dir = new URL('../../../docs/workflows/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const def of WORKFLOWS) {
  writeFileSync(new URL(`${def.name}.md`, dir), workflowDoc(def));
  console.log(`docs/workflows/${def.name}.md`);
}

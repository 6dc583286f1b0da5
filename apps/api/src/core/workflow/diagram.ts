import { targetsOf, type AnyWorkflowDef } from './define.ts';

/** A mermaid state diagram of a workflow, made from its definition (docs/workflows/<name>.md). */
export function mermaidOf(def: AnyWorkflowDef): string {
  const lines = ['stateDiagram-v2'];
  const initial = def.statuses[0];
  if (initial) lines.push(`  [*] --> ${initial}`);
  const edges = new Map<string, string[]>();
  for (const t of def.transitions) {
    for (const from of t.from) {
      for (const to of targetsOf(t.to, from)) {
        const key = `${from} --> ${to}`;
        const label = t.who === 'system' ? `${t.action} (system)` : `${t.action} [${t.who}]`;
        edges.set(key, [...(edges.get(key) ?? []), label]);
      }
    }
  }
  for (const [edge, labels] of edges) lines.push(`  ${edge}: ${labels.join(', ')}`);
  for (const f of def.final) lines.push(`  ${f} --> [*]`);
  for (const [status, clock] of Object.entries(def.clockOf) as [string, string][])
    lines.push(`  note right of ${status}: clock ${clock} (${def.clocks[clock]?.unit ?? '?'})`);
  return lines.join('\n');
}

/** The whole page: heading, how it is made, the diagram, and the transition table. */
export function workflowDoc(def: AnyWorkflowDef): string {
  const rows = def.transitions.map((t) => {
    const to = t.to === 'same' ? '(same)' : typeof t.to === 'string' ? t.to : t.to.join(' / ');
    const fields = Object.keys(t.input.shape).join(', ') || '—';
    return `| ${t.action} | ${t.from.join(', ')} | ${to} | ${t.who} | ${fields} |`;
  });
  return [
    `# Workflow \`${def.name}\``,
    '',
    '<!-- Generated from the workflow definition by `npm run docs:workflows`; a test fails when it is stale. -->',
    '',
    `Statuses: ${def.statuses.join(', ')}. Final: ${def.final.join(', ')}.`,
    '',
    '```mermaid',
    mermaidOf(def),
    '```',
    '',
    '| action | from | to | who | input |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

import { describe, expect, it } from 'vitest';
import { findTransition, targetsOf, type AnyWorkflowDef } from './define.ts';

/** What is wrong with a definition's shape; empty when it is sound. */
export function definitionProblems(def: AnyWorkflowDef): string[] {
  const problems: string[] = [];
  const known = new Set<string>(def.statuses);
  for (const t of def.transitions) {
    for (const s of t.from) if (!known.has(s)) problems.push(`${t.action}: unknown from status ${s}`);
    for (const from of t.from)
      for (const s of targetsOf(t.to, from))
        if (!known.has(s)) problems.push(`${t.action}: unknown target ${s}`);
    if (t.who !== 'system' && !(t.who in def.actors)) problems.push(`${t.action}: unknown actor ${t.who}`);
  }
  for (const s of def.statuses) {
    if (def.final.includes(s)) continue;
    const exits = def.transitions.some(
      (t) => t.from.includes(s) && targetsOf(t.to, s).some((to) => to !== s),
    );
    if (!exits) problems.push(`${s}: a status that is not final has no way out`);
  }
  for (const [s, clock] of Object.entries(def.clockOf) as [string, string][]) {
    if (!def.clocks[clock]) problems.push(`${s}: runs clock ${clock}, which is not declared`);
    if (def.final.includes(s)) problems.push(`${s}: a final status runs a clock`);
    if (!def.onOverdue?.run && !def.onOverdue?.action)
      problems.push(`${s}: runs clock ${clock} but nothing happens when it is overdue`);
  }
  const overdueAction = def.onOverdue?.action;
  if (overdueAction && !def.transitions.some((t) => t.action === overdueAction && t.who === 'system'))
    problems.push(`onOverdue.action ${overdueAction} has no system transition`);
  return problems;
}

/** Every status × action a user can send, and whether the table allows it. */
export function actionMatrix(def: AnyWorkflowDef, actions: readonly string[]) {
  return def.statuses.flatMap((status) =>
    actions.map((action) => ({ status, action, allowed: !!findTransition(def, action, status) })),
  );
}

export interface WorkflowHarness {
  /** A fresh record sitting in `status`, as the test's actor sees it. */
  recordIn(status: string): Promise<{ id: string; version: number }>;
  /** Sends one action by the test's actor. */
  act(id: string, body: Record<string, unknown>): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The record's status now. */
  statusOf(id: string): Promise<string>;
}

/**
 * The tests every workflow gets from its definition: its shape is sound, and against the running API each
 * status refuses (409 ACTION_NOT_ALLOWED with the allowed actions) exactly the actions the table does not
 * lead out of it, while an allowed one is never refused for its status and, when it succeeds, ends in one
 * of its declared targets.
 */
export function describeWorkflow(
  def: AnyWorkflowDef,
  actions: readonly string[],
  harness: () => WorkflowHarness,
) {
  describe(`workflow ${def.name} (generated from its definition)`, () => {
    it('has a sound shape: known statuses and actors, an exit from every open status, an overdue rule for every clock', () => {
      expect(definitionProblems(def)).toEqual([]);
    });
    for (const status of def.statuses) {
      it(`in ${status}: refuses what the table does not allow, and ends allowed actions in a declared target`, async () => {
        const h = harness();
        // A refusal changes nothing, so the refused actions share one record; an allowed one gets its own.
        const shared = await h.recordIn(status);
        for (const { action, allowed } of actionMatrix(def, actions).filter((c) => c.status === status)) {
          const rec = allowed ? await h.recordIn(status) : shared;
          const r = await h.act(rec.id, { action, version: rec.version });
          const code = r.body?.error?.code;
          if (!allowed) {
            expect({ action, status: r.status, code }).toEqual({
              action,
              status: 409,
              code: 'ACTION_NOT_ALLOWED',
            });
            expect(r.body.error.details).toMatchObject({ status });
            expect(Array.isArray(r.body.error.details.allowedActions)).toBe(true);
            continue;
          }
          expect({ action, code }).not.toEqual({ action, code: 'ACTION_NOT_ALLOWED' });
          if (r.status === 200) {
            const t = findTransition(def, action, status)!;
            expect(targetsOf(t.to, status)).toContain(await h.statusOf(rec.id));
          }
        }
      });
    }
  });
}

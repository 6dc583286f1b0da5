/**
 * A state machine declared as data: which action moves which statuses where, who may take it, and what it
 * must carry. Services look transitions up here and never set a status by hand.
 */
export interface Transition<S extends string, A extends string, R extends string> {
  action: A;
  from: readonly S[];
  /** The status after the action; 'same' keeps it (for actions that record, like supervise). */
  to: S | 'same' | 'decided';
  /** Named actor rule; the domain defines what each name means. */
  who: R;
  /** Body fields that must be present and non-empty. */
  requires?: readonly string[];
}

export interface Machine<S extends string, A extends string, R extends string> {
  statuses: readonly S[];
  transitions: readonly Transition<S, A, R>[];
}

export function transitionsFrom<S extends string, A extends string, R extends string>(
  m: Machine<S, A, R>,
  status: S,
) {
  return m.transitions.filter((t) => t.from.includes(status));
}

export function findTransition<S extends string, A extends string, R extends string>(
  m: Machine<S, A, R>,
  action: A,
  status: S,
) {
  return m.transitions.find((t) => t.action === action && t.from.includes(status)) ?? null;
}

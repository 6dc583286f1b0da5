import type { NotificationMessage } from '@civicgrid/shared/notifications';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../context.ts';
import type { ClockUnit } from './clocks.ts';

/**
 * A workflow declared as data: statuses, who may act, every transition with its input schema, guard and
 * change, which clock runs in which status and what happens when it warns or runs out. The runner
 * (runner.ts) is the only code that moves a status; a module supplies a definition and its apply functions.
 */

/**
 * What the runner itself needs of a context. A system transition (the deadline sweep) runs with `user: null`
 * and the system scope, so a definition's `load` and its system transitions may use no more than this.
 */
export type WorkflowCtx = Pick<RequestContext, 'db' | 'user' | 'scope' | 'clock' | 'ip' | 'userAgent'>;

export interface WorkflowRecord {
  id: string;
  status: string;
  version: number;
}

/** A named rule: may this user take an action of this kind on this record (facts: what the loader brought). */
export interface ActorRule<C, Row, Facts> {
  may(ctx: C, row: Row, facts: Facts): boolean;
}

export interface ClockRule {
  unit: ClockUnit;
  /** Share of the time after which the clock warns (0.8: yellow at 80 %). */
  warnShare: number;
}

/** What a transition does to the record's clock; the clock row is the truth, the record's columns a copy. */
export type ClockWrite =
  | {
      op: 'start';
      clock: string;
      /** Which limit of the clock runs (a case's step); the record may copy it, the clock row does not. */
      phase?: string;
      startedAt: Date;
      warnAt: Date | null;
      deadline: Date | null;
    }
  /** Stops the clock and keeps what was left (in the clock's unit) for `resume` to give back. */
  | { op: 'pause'; clock: string; remaining: number | null }
  | { op: 'stop'; clock: string }
  /** Written by the deadline sweep only. */
  | { op: 'flags'; clock: string; warned: boolean; overdueNotified: boolean };

/** Who is told, and what: a catalogue kind and its parameters, worded when read (shared notifications.ts). */
export interface Notice {
  users: readonly string[];
  message: NotificationMessage;
}

/** What applying a transition changes, beyond the status and version the runner writes itself. */
export interface Change<S extends string> {
  to: S;
  /** Columns of the record's own table. */
  set?: Record<string, unknown>;
  note?: string | null;
  data?: Record<string, unknown>;
  /** Hide the event from public timelines (system bookkeeping). */
  internal?: boolean;
  clock?: ClockWrite;
  notify?: readonly Notice[];
}

export interface Transition<S extends string, A extends string, R extends string, C, Row> {
  action: A;
  from: readonly S[];
  /** Every status the transition can end in: 'same' keeps the status; a list when the input decides. */
  to: S | 'same' | readonly S[];
  /** An actor rule, or 'system' for a transition only the deadline sweep takes. */
  who: R | 'system';
  /** The action's input, shared with the web (packages/shared): the runner answers 400 naming the field. */
  input: z.ZodObject;
  /** Why the action cannot be taken on this record now ("already evaluated"), or null. Answers 409. */
  guard?: (row: Row) => string | null;
  /** Method syntax on purpose: each transition narrows `input` to its own schema's type. */
  apply(ctx: C, row: Row, input: Record<string, unknown>, now: Date): Promise<Change<S>>;
}

export interface WorkflowDef<
  S extends string = string,
  A extends string = string,
  R extends string = string,
  C extends WorkflowCtx = WorkflowCtx,
  Row extends WorkflowRecord = WorkflowRecord,
  Facts = unknown,
> {
  /** The owner_type of the shared tables ('case', 'permit', …). */
  name: string;
  /** The record's table: the runner does the versioned update on it. */
  table: string;
  statuses: readonly S[];
  final: readonly S[];
  actors: Record<R, ActorRule<C, Row, Facts>>;
  transitions: readonly Transition<S, A, R, C, Row>[];
  clocks: Record<string, ClockRule>;
  /** Which clock runs in which status. */
  clockOf: Partial<Record<S, string>>;
  /** Loads a record inside the caller's scope (undefined: not there or not visible → 404). */
  load(ctx: C, id: string): Promise<Row | undefined>;
  /** What the actor rules need beyond the row (the caller's grids, …). */
  facts(ctx: C, row: Row): Promise<Facts>;
  /** The record's own columns that copy a clock write (lists are indexed on them). */
  mirror?(write: ClockWrite, row: Row): Record<string, unknown>;
  /** Columns every transition also sets, given the row before it and the time (e.g. "was ever late"). */
  always?(row: Row, now: Date): Record<string, unknown>;
  audit: { entityType: string; orgId(row: Row): string | null; label(row: Row): string };
  /** What else the record keeps of a change, in the same transaction (a registry's field history). */
  recorded?(ctx: C, row: Row, change: Change<S>, action: A, now: Date): Promise<void>;
  /** Writes the notifications of a change (kind + params, linked to the record). */
  notify(db: Db, row: Row, notice: Notice, now: Date): Promise<void>;
  /** The clock reached its warning share. */
  onWarn?(ctx: WorkflowCtx, row: Row, now: Date): Promise<void>;
  /** The clock ran out: `run` first, then `action` as a system transition (if one leads from the status). */
  onOverdue?: { run?(ctx: WorkflowCtx, row: Row, now: Date): Promise<void>; action?: A };
}

/** Type-erased, for lists of definitions (the sweep, generated tests, diagrams). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyWorkflowDef = WorkflowDef<string, string, string, any, any, any>;

/** Every status a transition can end in, from a given status. */
export function targetsOf<S extends string>(to: S | 'same' | readonly S[], from: S): readonly S[] {
  if (to === 'same') return [from];
  return typeof to === 'string' ? [to as S] : (to as readonly S[]);
}

export function transitionsFrom<T extends { from: readonly string[] }>(
  def: { transitions: readonly T[] },
  status: string,
): T[] {
  return def.transitions.filter((t) => t.from.includes(status));
}

/** The transition that takes `action` from `status`, for a user (`system` false) or the sweep. */
export function findTransition<T extends { action: string; from: readonly string[]; who: string }>(
  def: { transitions: readonly T[] },
  action: string,
  status: string,
  system = false,
): T | null {
  return (
    def.transitions.find(
      (t) => t.action === action && t.from.includes(status) && (t.who === 'system') === system,
    ) ?? null
  );
}

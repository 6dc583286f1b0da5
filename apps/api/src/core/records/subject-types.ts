import type { ZodType } from 'zod';
import type { Permission } from '@civicgrid/shared/permissions';
import type { SubjectType } from '@civicgrid/shared/records';
import type { SignedInContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import type { Db } from '../../db/client.ts';

/** One registry entry as a picker and a subject list show it: masked by the registry's own presenter. */
export interface SubjectSummary {
  id: string;
  label: string;
  detail: unknown;
}

/**
 * A kind of subject, registered by the module that keeps it (the registry: people, houses, households; places:
 * organisations). The shared parts search and describe through it and never read the registry's tables.
 */
export interface SubjectTypeDef {
  type: SubjectType;
  searchPermission: Permission;
  /** The registry's own search, in the caller's scope. */
  search(ctx: SignedInContext, q: string, limit: number): Promise<SubjectSummary[]>;
  /** Which of these ids the caller may link (in scope), in one query. */
  visibleIds(ctx: SignedInContext, ids: readonly string[]): Promise<Set<string>>;
  /** Masked summaries, unscoped: the caller already sees the record that names them. */
  describe(db: Db, ids: readonly string[]): Promise<Map<string, SubjectSummary>>;
  /** Inline creation from the picker (`POST /api/subjects/<path>`), through the registry's use case. */
  create?: {
    path: string;
    permission: Permission;
    body: ZodType;
    run(ctx: SignedInContext, body: unknown): Promise<SubjectSummary>;
  };
}

const TYPES = new Map<string, SubjectTypeDef>();

export function registerSubjectType(def: SubjectTypeDef) {
  TYPES.set(def.type, def);
}

export function registeredSubjectTypes(): SubjectTypeDef[] {
  return [...TYPES.values()];
}

export function subjectType(type: string, field = 'subjectType'): SubjectTypeDef {
  const def = TYPES.get(type);
  if (!def) throw badRequest(field, `one of ${[...TYPES.keys()].join(', ')}`);
  return def;
}

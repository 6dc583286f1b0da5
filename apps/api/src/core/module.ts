import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import type { Clock } from './clock.ts';
import type { Db, DbHandle } from '../db/client.ts';
import type { FileStore } from './files.ts';
import type { Sweep } from './sweeps.ts';
import type { AnyWorkflowDef } from './workflow/define.ts';
import type { OwnerType } from './records/owners.ts';
import type { SubjectTypeDef } from './records/subject-types.ts';

/** What the app hands every module when it registers its routes. */
export interface ModuleDeps {
  config: Config;
  db: DbHandle;
  /** The one store for every upload (staff attachments, portal photos, Open311 media). */
  files: FileStore;
  version: string;
  /** The app's clock (a fake one in tests), for what a route does outside a request's context. */
  clock: Clock;
}

/**
 * One module's declaration: app.ts, server.ts and the seeds loop over `MODULES` (modules/index.ts) instead of
 * naming modules. The kit's registries (workflows, exports, indicators, task kinds, nav entries) are declared
 * here too, so a module is added in one place; their element types belong to the pieces that read them.
 */
export interface ModuleDef {
  name: string;
  /** A Fastify plugin with the module's routes; each route declares its permission (the route guard refuses to boot otherwise). */
  routes?: (deps: ModuleDeps) => FastifyPluginAsync;
  /** Scheduled work, run under the advisory lock by core/sweeps.ts. */
  sweeps?: (deps: { config: Config }) => readonly Sweep[];
  seeds?: {
    /** Idempotent reference data written on every start (catalogues, calendars). */
    base?: (db: Db) => Promise<void>;
    /** The module's part of the demo district, inside the one demo transaction, in MODULES order. */
    demo?: (tx: Db, now: Date) => Promise<unknown>;
  };
  /** Workflow definitions whose clocks the one deadline sweep runs (core/workflow/sweep.ts). */
  workflows?: (deps: { config: Config }) => readonly AnyWorkflowDef[];
  /** Record types that own shared parts (subjects, referrals, classes): cases, later petitions … */
  recordOwners?: readonly OwnerType[];
  /** Registry types a record can name as a subject (person, house, organisation …). */
  subjectTypes?: readonly SubjectTypeDef[];
  /**
   * Adds the module's entries to core's registries: kinds of task in 我的待办 (core/tasks), indicators
   * (core/indicators) and document owners (core/documents). Called by the app and by the demo seed (which
   * computes the demo assessment without an app); calling it twice changes nothing.
   */
  register?: () => void;
  exports?: readonly unknown[];
  nav?: readonly unknown[];
}

export function defineModule<const M extends ModuleDef>(def: M): M {
  return def;
}

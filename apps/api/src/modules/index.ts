import type { Config } from '../config.ts';
import type { ModuleDef } from '../core/module.ts';
import { referralExpirySweep } from '../core/records/referral-sweep.ts';
import type { Sweep } from '../core/sweeps.ts';
import { deadlineSweep } from '../core/workflow/sweep.ts';
import { meetingDecisionSweep } from '../core/meetings/sweeps.ts';
import assessment from './assessment/module.ts';
import audit from './audit/module.ts';
import auth from './auth/module.ts';
import calendar from './calendar/module.ts';
import cases from './cases/module.ts';
import dashboard from './dashboard/module.ts';
import grids from './grids/module.ts';
import mediation from './mediation/module.ts';
import field from './field/module.ts';
import volunteers from './volunteers/module.ts';
import health from './health/module.ts';
import open311 from './open311/module.ts';
import orgs from './orgs/module.ts';
import petitions from './petitions/module.ts';
import places from './places/module.ts';
import publicSide from './public/module.ts';
import registry from './registry/module.ts';
import roles from './roles/module.ts';
import stability from './stability/module.ts';
import warnings from './warnings/module.ts';
import specialPopulations from './special-populations/module.ts';
import users from './users/module.ts';

/**
 * Every module, in dependency order: routes register, base seeds run and the demo district loads in this order
 * (people before rentals, cases before the dashboard's figures). A new module adds one line here, after the
 * modules it reads from, and declares everything else in its own `module.ts` (see core/module.ts).
 */
export const MODULES: readonly ModuleDef[] = [
  health,
  auth,
  orgs,
  users,
  roles,
  audit,
  grids,
  calendar,
  cases,
  registry,
  places,
  publicSide,
  open311,
  petitions,
  dashboard,
  assessment,
  // 大调解 reads registry people and organisations as parties.
  mediation,
  // 网格走访巡查: the field PWA's visits and patrols.
  field,
  // 群防群治 reads registry people as volunteers.
  volunteers,
  // 维稳 reads petitions, disputes and cases (links, warning rules).
  stability,
  warnings,
  // 特殊人群 reads registry people as the subjects of its files.
  specialPopulations,
];

/**
 * Every scheduled job the server runs: each module's own sweeps, one deadline sweep over every module's
 * workflow clocks, and the expiry of unanswered referrals (the shared record parts).
 */
export function allSweeps(config: Pick<Config, 'session' | 'escalateOverdue'>): Sweep[] {
  const c = config as Config;
  return [
    ...MODULES.flatMap((m) => m.sweeps?.({ config: c }) ?? []),
    deadlineSweep(MODULES.flatMap((m) => m.workflows?.({ config: c }) ?? [])),
    referralExpirySweep,
    meetingDecisionSweep,
  ];
}

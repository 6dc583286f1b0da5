import { defineModule } from '../../core/module.ts';
import { seedDemoSpecialPopulations } from './demo-seed.ts';
import { specialPersonOwner } from './record-owner.ts';
import { specialPopulationRoutes } from './routes.ts';
import { CORRECTIONS_WORKFLOW } from './workflow.ts';

/** 特殊人群: community corrections, released persons, drug users, severe mental disorders, youth (modules.md §4.3). */
export default defineModule({
  name: 'special-populations',
  routes: () => specialPopulationRoutes,
  workflows: () => [CORRECTIONS_WORKFLOW],
  recordOwners: [specialPersonOwner],
  seeds: { demo: (tx, now) => seedDemoSpecialPopulations(tx, now) },
});

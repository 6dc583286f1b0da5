import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../core/module.ts';
import { registerContactTaskKind } from './caseload.ts';
import { specialContactRoutes } from './contact-routes.ts';
import { contactRhythmSweep } from './contact-sweep.ts';
import { seedDemoSpecialPopulations } from './demo-seed.ts';
import { registerSpecialIndicators } from './indicators.ts';
import { specialPersonOwner } from './record-owner.ts';
import { specialPopulationRoutes } from './routes.ts';
import { registerLostContactSource } from './warning-source.ts';
import { CORRECTIONS_WORKFLOW } from './workflow.ts';

async function routes(app: FastifyInstance) {
  await specialPopulationRoutes(app);
  await specialContactRoutes(app);
}

/** 特殊人群: community corrections, released persons, drug users, severe mental disorders, youth (modules.md §4.3). */
export default defineModule({
  name: 'special-populations',
  routes: () => routes,
  workflows: () => [CORRECTIONS_WORKFLOW],
  sweeps: () => [contactRhythmSweep],
  recordOwners: [specialPersonOwner],
  register: () => {
    registerContactTaskKind();
    registerSpecialIndicators();
    registerLostContactSource();
  },
  seeds: { demo: (tx, now) => seedDemoSpecialPopulations(tx, now) },
});

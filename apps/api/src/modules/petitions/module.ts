import { defineModule } from '../../core/module.ts';
import { seedDemoPetitions } from './demo-seed.ts';
import { seedDemoPetitionWork } from './demo-seed-work.ts';
import { registerPetitionIndicators } from './indicators.ts';
import { petitionOwner, registerPetitionDocumentOwner } from './record-owner.ts';
import { petitionRoutes } from './routes.ts';
import { petitionReturnRoutes } from './routes-return.ts';
import { agentRoutes } from './routes-agents.ts';
import { leaderCaseBoardRoutes } from './routes-cases.ts';
import { leaderCaseRoutes, receptionRoutes } from './routes-reception.ts';
import { registerPetitionWorkIndicators } from './work-indicators.ts';
import { registerPetitionZeroIndicators } from './zero-indicators.ts';
import { registerPetitionTaskKinds } from './task-kinds.ts';
import { PETITION_WORKFLOW } from './workflow.ts';

export default defineModule({
  name: 'petitions',
  routes:
    ({ config }) =>
    async (app) => {
      // One plugin, several route files (each under 300 lines): called in place, not encapsulated.
      await petitionReturnRoutes(app);
      await receptionRoutes(config.publicLimits)(app);
      await leaderCaseRoutes(app);
      await leaderCaseBoardRoutes(app);
      await agentRoutes(app);
      await petitionRoutes(app);
    },
  // The legal clocks run on the one deadline sweep over every module's workflows.
  workflows: () => [PETITION_WORKFLOW],
  recordOwners: [petitionOwner],
  register: () => {
    registerPetitionTaskKinds();
    registerPetitionIndicators();
    registerPetitionZeroIndicators();
    registerPetitionWorkIndicators();
    registerPetitionDocumentOwner();
  },
  seeds: {
    demo: async (tx, now) => {
      await seedDemoPetitions(tx, now);
      await seedDemoPetitionWork(tx, now);
    },
  },
});

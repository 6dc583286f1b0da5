import { defineModule } from '../../core/module.ts';
import { seedDemoMediation } from './demo-seed.ts';
import { registerMediationIndicators } from './indicators.ts';
import { disputeOwner, registerDisputeDocumentOwner } from './record-owner.ts';
import { mediationRoutes } from './routes.ts';
import { seedDemoStars } from './rating-demo-seed.ts';
import { ratingDraftSweep } from './rating-sweep.ts';
import { registerMediationTaskKinds } from './task-kinds.ts';
import { DISPUTE_WORKFLOW } from './workflow.ts';

/** 大调解: bodies, mediators and disputes (modules.md §4.1). */
export default defineModule({
  name: 'mediation',
  routes: () => mediationRoutes,
  workflows: () => [DISPUTE_WORKFLOW],
  recordOwners: [disputeOwner],
  register: () => {
    registerMediationTaskKinds();
    registerMediationIndicators();
    registerDisputeDocumentOwner();
  },
  seeds: {
    demo: async (tx, now) => ({ ...(await seedDemoMediation(tx, now)), stars: await seedDemoStars(tx, now) }),
  },
  sweeps: () => [ratingDraftSweep],
});

import { defineModule } from '../../core/module.ts';
import { seedDemoMediation } from './demo-seed.ts';
import { seedDemoMediationMeetings } from './meeting-demo-seed.ts';
import { mediationMeetingRoutes, registerMediationMeetings } from './meeting-space.ts';
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
  routes: () => async (app) => {
    await app.register(mediationRoutes);
    await app.register(mediationMeetingRoutes);
  },
  workflows: () => [DISPUTE_WORKFLOW],
  recordOwners: [disputeOwner],
  register: () => {
    registerMediationTaskKinds();
    registerMediationIndicators();
    registerDisputeDocumentOwner();
    registerMediationMeetings();
  },
  seeds: {
    demo: async (tx, now) => {
      await seedDemoMediation(tx, now);
      await seedDemoMediationMeetings(tx, now);
    },
  },
  seeds: {
    demo: async (tx, now) => ({ ...(await seedDemoMediation(tx, now)), stars: await seedDemoStars(tx, now) }),
  },
  sweeps: () => [ratingDraftSweep],
});

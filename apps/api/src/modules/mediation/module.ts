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
import { lateReturnsSweep } from '../../core/returns/sweep.ts';
import { registerScreeningReturns, SCREENING_RETURNS } from './screening-returns.ts';
import { seedDemoScreening } from './screening-demo-seed.ts';

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
    registerScreeningReturns();
  },
  seeds: {
    demo: async (tx, now) => {
      const disputes = await seedDemoMediation(tx, now);
      await seedDemoMediationMeetings(tx, now);
      await seedDemoScreening(tx, now);
      return { ...disputes, stars: await seedDemoStars(tx, now) };
    },
  },
  // Quarterly star drafts; 矛盾纠纷排查 returns (core/returns): late returns are swept and their units told once.
  sweeps: () => [ratingDraftSweep, lateReturnsSweep(SCREENING_RETURNS)],
});

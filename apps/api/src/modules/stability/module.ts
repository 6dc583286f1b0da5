import { defineModule } from '../../core/module.ts';
import { seedDemoRisks } from './demo-seed.ts';
import { seedDemoStabilityMeetings } from './meeting-demo-seed.ts';
import { registerStabilityMeetings, stabilityMeetingRoutes } from './meeting-space.ts';
import { registerRiskIndicators } from './indicators.ts';
import { riskOwner } from './record-owner.ts';
import { stabilityRoutes } from './routes.ts';
import { registerRiskTaskKinds } from './task-kinds.ts';
import { RISK_WORKFLOW } from './workflow.ts';
import { lateReturnsSweep } from '../../core/returns/sweep.ts';
import { registerStabilityReturns, STABILITY_RETURNS } from './info-returns.ts';
import { seedDemoStabilityReturns } from './returns-demo-seed.ts';

export default defineModule({
  name: 'stability',
  routes: () => async (app) => {
    await app.register(stabilityRoutes);
    await app.register(stabilityMeetingRoutes);
  },
  // The deadline clock of assigned factors runs on the one deadline sweep.
  workflows: () => [RISK_WORKFLOW],
  recordOwners: [riskOwner],
  register: () => {
    registerRiskTaskKinds();
    registerRiskIndicators();
    registerStabilityMeetings();
    registerStabilityReturns();
  },
  seeds: {
    demo: async (tx, now) => {
      await seedDemoRisks(tx, now);
      await seedDemoStabilityMeetings(tx, now);
      await seedDemoStabilityReturns(tx, now);
    },
  },
  // 维稳信息报送 (core/returns): late returns are swept and their units told once.
  sweeps: () => [lateReturnsSweep(STABILITY_RETURNS)],
});

import { defineModule } from '../../core/module.ts';
import { registerWarningIndicators } from './indicators.ts';
import { warningRoutes } from './routes.ts';
import { warningOwner } from './meeting-owner.ts';
import { registerBuiltInWarningSources } from './rules.ts';
import { warningEscalationSweep, warningRulesSweep } from './sweeps.ts';
import { registerWarningTaskKinds } from './task-kinds.ts';

/**
 * 预警 (modules.md §4.4): rules over cases, petitions and risk factors raise one warning per cluster; every target
 * unit acknowledges within its level's limit or the warning goes up a level. Other modules add rules with
 * `registerWarningSource` (sources.ts).
 */
export default defineModule({
  name: 'warnings',
  routes: () => warningRoutes,
  // 维稳 meetings put warnings on their agendas through the kit's record owners.
  recordOwners: [warningOwner],
  sweeps: () => [warningRulesSweep, warningEscalationSweep],
  register: () => {
    registerBuiltInWarningSources();
    registerWarningTaskKinds();
    registerWarningIndicators();
  },
});

import { defineModule } from '../../core/module.ts';
import { seedDemoField } from './demo-seed.ts';
import { registerFieldIndicators } from './indicators.ts';
import { fieldRoutes } from './routes.ts';
import { alarmOverdueSweep, workLogReminderSweep } from './sweeps.ts';
import { registerFieldTaskKinds } from './task-kinds.ts';
import { wubifangSweep } from './wubifang.ts';

/** 网格走访巡查 (modules.md §4.5): visits, patrols, duty, work logs, 一键通 and 五必访 from the field PWA. */
export default defineModule({
  name: 'field',
  routes: () => fieldRoutes,
  sweeps: () => [workLogReminderSweep, alarmOverdueSweep, wubifangSweep],
  register: () => {
    registerFieldIndicators();
    registerFieldTaskKinds();
  },
  seeds: { demo: (tx, now) => seedDemoField(tx, now) },
});

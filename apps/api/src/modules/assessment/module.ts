import { defineModule } from '../../core/module.ts';
import { seedDemoAssessment } from './demo-seed.ts';
import { assessmentRoutes } from './routes.ts';
import { monthlyReportSweep } from './sweeps.ts';

export default defineModule({
  name: 'assessment',
  routes: () => assessmentRoutes,
  sweeps: () => [monthlyReportSweep],
  seeds: { demo: seedDemoAssessment },
});

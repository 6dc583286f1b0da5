import { defineModule } from '../../core/module.ts';
import { seedDemoCommand } from './demo-seed.ts';
import { dashboardRoutes } from './routes.ts';
import { rollupStatsSweep } from './sweeps.ts';

export default defineModule({
  name: 'dashboard',
  routes: () => dashboardRoutes,
  sweeps: () => [rollupStatsSweep],
  seeds: { demo: seedDemoCommand },
});

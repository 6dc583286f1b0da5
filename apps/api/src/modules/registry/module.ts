import { defineModule } from '../../core/module.ts';
import { seedDemoRegistry } from './demo-seed.ts';
import { registryRoutes } from './routes.ts';

export default defineModule({
  name: 'registry',
  routes: () => registryRoutes,
  seeds: { demo: seedDemoRegistry },
});

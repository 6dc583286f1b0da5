import { defineModule } from '../../core/module.ts';
import { seedDemoPlaces } from './demo-seed.ts';
import { placesRoutes } from './routes.ts';
import { permitExpirySweep } from './sweeps.ts';

export default defineModule({
  name: 'places',
  routes: () => placesRoutes,
  sweeps: () => [permitExpirySweep],
  seeds: { demo: (tx, now) => seedDemoPlaces(tx, now) },
});

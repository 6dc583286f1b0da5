import { defineModule } from '../../core/module.ts';
import { seedDemoPlaces } from './demo-seed.ts';
import { placesRoutes } from './routes.ts';
import { permitExpirySweep } from './sweeps.ts';
import { PERMIT_WORKFLOW } from './permit-workflow.ts';
import { organizationSubjects } from './subject-type.ts';

export default defineModule({
  name: 'places',
  routes: () => placesRoutes,
  sweeps: () => [permitExpirySweep],
  // Permits have no clock rows (validity is a date the permit sweep checks); declared for the docs and tests.
  workflows: () => [PERMIT_WORKFLOW],
  subjectTypes: [organizationSubjects],
  seeds: { demo: (tx, now) => seedDemoPlaces(tx, now) },
});

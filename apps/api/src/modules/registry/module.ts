import { defineModule } from '../../core/module.ts';
import { seedDemoRegistry } from './demo-seed.ts';
import { registryRoutes } from './routes.ts';
import { householdSubjects, houseSubjects, personSubjects } from './subject-types.ts';

export default defineModule({
  name: 'registry',
  routes: ({ config }) => registryRoutes({ importLeaseMs: config.importLeaseMs }),
  seeds: { demo: seedDemoRegistry },
  subjectTypes: [personSubjects, houseSubjects, householdSubjects],
});

import { defineModule } from '../../core/module.ts';
import { seedDemoRegistry } from './demo-seed.ts';
import { registryRoutes } from './routes.ts';
import { subjectRequestRoutes } from './subject-request-routes.ts';
import { householdSubjects, houseSubjects, personSubjects } from './subject-types.ts';

export default defineModule({
  name: 'registry',
  routes:
    ({ config }) =>
    async (app) => {
      await registryRoutes({ importLeaseMs: config.importLeaseMs })(app);
      await subjectRequestRoutes(app);
    },
  seeds: { demo: seedDemoRegistry },
  subjectTypes: [personSubjects, houseSubjects, householdSubjects],
});

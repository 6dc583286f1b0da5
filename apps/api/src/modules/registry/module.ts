import { defineModule } from '../../core/module.ts';
import { seedDemoRegistry } from './demo-seed.ts';
import { seedDemoSubjectRequests } from './subject-request-demo-seed.ts';
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
  seeds: {
    demo: async (tx, now) => {
      await seedDemoRegistry(tx);
      await seedDemoSubjectRequests(tx, now);
    },
  },
  subjectTypes: [personSubjects, houseSubjects, householdSubjects],
});

import { defineModule } from '../../core/module.ts';
import { seedDemoCases } from '../../db/seeds/demo-cases.ts';
import { linkCategoryDepartments, seedCategories } from './category-seed.ts';
import { logSms } from './notify.ts';
import { caseRoutes } from './routes.ts';
import { caseSlaSweep } from './sweeps.ts';

export default defineModule({
  name: 'cases',
  routes: ({ files, config }) => caseRoutes({ files, uploadMaxBytes: config.uploadMaxBytes }),
  sweeps: ({ config }) => [caseSlaSweep({ escalateOverdue: config.escalateOverdue, sms: logSms })],
  seeds: {
    base: seedCategories,
    demo: async (tx, now) => {
      await linkCategoryDepartments(tx);
      await seedDemoCases(tx, now);
    },
  },
});

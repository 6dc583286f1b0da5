import { defineModule } from '../../core/module.ts';
import { seedDemoCases } from '../../db/seeds/demo-cases.ts';
import { linkCategoryDepartments, seedCategories } from './category-seed.ts';
import { logSms } from './notify.ts';
import { caseRoutes } from './routes.ts';
import { caseOwner } from './record-owner.ts';
import { registerCaseDocumentOwner } from './document-owner.ts';
import { registerCaseIndicators } from './indicators.ts';
import { registerCoHandlingIndicators } from './assignments/cohandling-indicators.ts';
import { registerFirstReceiverIndicators } from './first-receiver-indicators.ts';
import { registerCaseTaskKinds } from './task-kinds.ts';
import { caseWorkflow } from './workflow.ts';
import { ASSIGNMENT_WORKFLOW } from './assignments/assignment-workflow.ts';
import { registerReturnVisitIndicators } from './return-visit/indicators.ts';
import { registerCallbackTaskKind } from './return-visit/task-kind.ts';

export default defineModule({
  name: 'cases',
  routes: ({ files, config }) => caseRoutes({ files, uploadMaxBytes: config.uploadMaxBytes }),
  // The case clocks are run by the one deadline sweep over every module's workflows (server.ts).
  workflows: ({ config }) => [
    caseWorkflow({ escalateOverdue: config.escalateOverdue, sms: logSms }),
    ASSIGNMENT_WORKFLOW,
  ],
  recordOwners: [caseOwner],
  register: () => {
    registerCaseTaskKinds();
    registerCaseIndicators();
    registerCoHandlingIndicators();
    registerFirstReceiverIndicators();
    registerReturnVisitIndicators();
    registerCallbackTaskKind();
    registerCaseDocumentOwner();
  },
  seeds: {
    base: seedCategories,
    demo: async (tx, now) => {
      await linkCategoryDepartments(tx);
      await seedDemoCases(tx, now);
    },
  },
});

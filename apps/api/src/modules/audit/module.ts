import { defineModule } from '../../core/module.ts';
import { auditRoutes } from './routes.ts';

export default defineModule({ name: 'audit', routes: () => auditRoutes });

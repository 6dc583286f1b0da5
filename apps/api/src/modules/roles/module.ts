import { defineModule } from '../../core/module.ts';
import { roleRoutes } from './routes.ts';

export default defineModule({ name: 'roles', routes: () => roleRoutes });

import { defineModule } from '../../core/module.ts';
import { userRoutes } from './routes.ts';

export default defineModule({ name: 'users', routes: () => userRoutes });

import { defineModule } from '../../core/module.ts';
import { orgRoutes } from './routes.ts';

export default defineModule({ name: 'orgs', routes: () => orgRoutes });

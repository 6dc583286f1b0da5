import { defineModule } from '../../core/module.ts';
import { gridRoutes } from './routes.ts';

export default defineModule({ name: 'grids', routes: () => gridRoutes });

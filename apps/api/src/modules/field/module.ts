import { defineModule } from '../../core/module.ts';
import { registerFieldIndicators } from './indicators.ts';
import { fieldRoutes } from './routes.ts';

/** 网格走访巡查 (modules.md §4.5): visits and patrols from the field PWA, with their indicators. */
export default defineModule({
  name: 'field',
  routes: () => fieldRoutes,
  register: () => {
    registerFieldIndicators();
  },
});

import { defineModule } from '../../core/module.ts';
import { seedCalendar } from './calendar-provider.ts';
import { calendarRoutes } from './routes.ts';

export default defineModule({
  name: 'calendar',
  routes: () => calendarRoutes,
  seeds: { base: (db) => seedCalendar(db) },
});

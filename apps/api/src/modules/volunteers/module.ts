import { defineModule } from '../../core/module.ts';
import { seedDemoVolunteers } from './demo-seed.ts';
import { registerVolunteerIndicators } from './indicators.ts';
import { volunteerRoutes } from './routes.ts';
import { understaffedSweep } from './sweeps.ts';
import { registerVolunteerTaskKinds } from './task-kinds.ts';

/** 群防群治: volunteers, teams, posts, the roster and sign-ins (modules.md §4.6). */
export default defineModule({
  name: 'volunteers',
  routes: () => volunteerRoutes,
  sweeps: () => [understaffedSweep],
  register: () => {
    registerVolunteerTaskKinds();
    registerVolunteerIndicators();
  },
  seeds: { demo: (tx, now) => seedDemoVolunteers(tx, now) },
});

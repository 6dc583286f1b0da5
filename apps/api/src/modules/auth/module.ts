import { defineModule } from '../../core/module.ts';
import { expiredSessionsSweep } from '../../core/sweeps.ts';
import { rateLimitSweep } from '../../core/rate-limit.ts';
import { deniedSummarySweep } from '../../core/denied-audit.ts';
import { authRoutes } from './routes.ts';

export default defineModule({
  name: 'auth',
  routes: ({ config }) =>
    authRoutes({ lockout: config.lockout, session: config.session, cookieSecure: config.cookieSecure }),
  // Sessions and the sign-in rate limits are the auth module's housekeeping.
  sweeps: ({ config }) => [expiredSessionsSweep(config.session.idleMs), rateLimitSweep, deniedSummarySweep()],
});

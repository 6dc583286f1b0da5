import { defineModule } from '../../core/module.ts';
import { publicRejectionsSweep } from './abuse.ts';
import { seedDemoPublic } from './demo-seed.ts';
import { publicRoutes } from './routes.ts';

export default defineModule({
  name: 'public',
  routes: ({ files, config }) =>
    publicRoutes({ files, uploadMaxBytes: config.uploadMaxBytes, limits: config.publicLimits }),
  sweeps: () => [publicRejectionsSweep],
  seeds: { demo: seedDemoPublic },
});

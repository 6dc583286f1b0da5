import { defineModule } from '../../core/module.ts';
import { seedDemoOpen311 } from './demo-seed.ts';
import { open311Routes } from './routes.ts';
import { open311RejectionsSweep } from './sweeps.ts';

export default defineModule({
  name: 'open311',
  routes: ({ files, config, db, clock }) =>
    open311Routes({ files, db: db.db, clock, limits: config.open311 }),
  sweeps: () => [open311RejectionsSweep],
  seeds: { demo: seedDemoOpen311 },
});

import { defineModule } from '../../core/module.ts';
import { healthRoutes } from './routes.ts';

export default defineModule({
  name: 'health',
  routes: ({ db, version, config }) => healthRoutes({ db: db.db, kind: db.kind, version, map: config.map }),
});

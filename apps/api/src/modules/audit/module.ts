import { defineModule } from '../../core/module.ts';
import { auditRoutes } from './routes.ts';
import { auditChainSweep } from '../../core/audit-chain.ts';

export default defineModule({ name: 'audit', routes: () => auditRoutes, sweeps: () => [auditChainSweep] });

import type { FastifyInstance } from 'fastify';
import type { FileStore } from '../../core/files.ts';
import type { PublicLimits } from './abuse.ts';
import { portalRoutes } from './portal-routes.ts';
import { noticeRoutes } from './notice-routes.ts';
import { policyRoutes } from './policy-routes.ts';

export interface PublicDeps {
  files: FileStore;
  uploadMaxBytes: number;
  limits: PublicLimits;
}

/** The public side: the portal API (no session) and the staff routes for notices and the policy library. */
export function publicRoutes(deps: PublicDeps) {
  return async (fastify: FastifyInstance) => {
    await fastify.register(portalRoutes(deps));
    await fastify.register(noticeRoutes);
    await fastify.register(policyRoutes(deps));
  };
}

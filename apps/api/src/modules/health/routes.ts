import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db, DbKind } from '../../db/client.ts';

export function healthRoutes(deps: {
  db: Db;
  kind: DbKind;
  version: string;
  map: { tileUrl: string | null; attribution: string; gcj02: boolean };
}) {
  return async (app: FastifyInstance) => {
    app.get(
      '/api/health',
      { config: { public: true }, schema: { tags: ['health'] } },
      async (_req, reply) => {
        try {
          await sql`SELECT 1`.execute(deps.db);
          return { status: 'ok', db: deps.kind, version: deps.version };
        } catch {
          return reply.status(503).send({ status: 'unavailable', db: deps.kind, version: deps.version });
        }
      },
    );
    // What the web app needs before sign-in: the map's tile source (none means a plain background).
    app.get('/api/config/public', { config: { public: true }, schema: { tags: ['health'] } }, () => ({
      version: deps.version,
      map: deps.map,
    }));
  };
}

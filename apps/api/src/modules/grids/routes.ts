import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CENTRE_TYPES, GRID_ROLES } from '@civicgrid/shared/grids';
import { boolQuery, idParams, signedIn, typed } from '../../core/http.ts';
import { setCentre, listCentres } from './centre-service.ts';
import { gridDetail } from './detail-service.ts';
import * as grids from './service.ts';
import * as staff from './staff-service.ts';
import * as zones from './zone-service.ts';

const tags = ['grids'];
const date = z.iso.date({ message: 'a date YYYY-MM-DD' });
const version = z.number().int().min(1);
const zoneBody = z.object({
  name: z.string().trim().min(1, 'required').max(60),
  ownerUserId: z.uuid(),
  orgId: z.uuid().optional(),
  memberOrgIds: z.array(z.uuid()).max(500),
});

export async function gridRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get(
    '/api/grids',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        querystring: z.object({
          format: z.enum(['geojson']).default('geojson'),
          level: z.enum(['grid', 'community', 'street', 'district']).default('grid'),
        }),
      },
    },
    (req) => grids.featureCollection(signedIn(req), req.query.level, false),
  );
  app.get(
    '/api/grids/export',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        querystring: z.object({ level: z.enum(['grid', 'community', 'street']).default('grid') }),
      },
    },
    async (req, reply) => {
      const fc = await grids.featureCollection(signedIn(req), req.query.level, true);
      reply.header('content-type', 'application/geo+json; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${req.query.level}s.geojson"`);
      return JSON.stringify(fc);
    },
  );
  app.post(
    '/api/grids/import',
    {
      config: { permission: 'grid.manage' },
      bodyLimit: 50 * 1024 * 1024,
      schema: { tags, body: z.unknown() },
    },
    (req) => grids.importGrids(signedIn(req), req.body),
  );
  app.get(
    '/api/grids/locate',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        querystring: z.object({
          lng: z.coerce.number().min(-180).max(180),
          lat: z.coerce.number().min(-90).max(90),
        }),
      },
    },
    (req) => grids.locate(signedIn(req), req.query.lng, req.query.lat),
  );
  app.get(
    '/api/grids/:id',
    { config: { permission: 'org.read' }, schema: { tags, params: idParams } },
    (req) => gridDetail(signedIn(req), req.params.id),
  );
  app.put(
    '/api/grids/:id/geometry',
    {
      config: { permission: 'grid.manage' },
      schema: { tags, params: idParams, body: z.object({ geometry: z.unknown(), version }) },
    },
    (req) => grids.setGeometry(signedIn(req), req.params.id, req.body.geometry, req.body.version),
  );

  app.get('/api/grids/staff-counts', { config: { permission: 'org.read' }, schema: { tags } }, (req) =>
    staff.staffCounts(signedIn(req)),
  );
  app.get(
    '/api/grid-staff',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        querystring: z.object({
          gridId: z.uuid().optional(),
          userId: z.uuid().optional(),
          gridRole: z.enum(GRID_ROLES).optional(),
          includeEnded: boolQuery,
        }),
      },
    },
    (req) => staff.listStaff(signedIn(req), req.query),
  );
  app.post(
    '/api/grids/:id/staff',
    {
      config: { permission: 'grid.manage' },
      schema: {
        tags,
        params: idParams,
        body: z.object({ userId: z.uuid(), gridRole: z.enum(GRID_ROLES), fromDate: date.optional() }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await staff.assignStaff(signedIn(req), req.params.id, req.body)),
  );
  app.post(
    '/api/grid-staff/:id/end',
    {
      config: { permission: 'grid.manage' },
      schema: { tags, params: idParams, body: z.object({ toDate: date.optional() }) },
    },
    (req) => staff.endStaff(signedIn(req), req.params.id, req.body.toDate),
  );

  app.get(
    '/api/zones',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        querystring: z.object({ ownerUserId: z.uuid().optional(), orgId: z.uuid().optional() }),
      },
    },
    (req) => zones.listZones(signedIn(req), req.query),
  );
  app.post(
    '/api/zones',
    { config: { permission: 'grid.manage' }, schema: { tags, body: zoneBody } },
    async (req, reply) => reply.status(201).send(await zones.createZone(signedIn(req), req.body)),
  );
  app.patch(
    '/api/zones/:id',
    {
      config: { permission: 'grid.manage' },
      schema: { tags, params: idParams, body: zoneBody.omit({ orgId: true }).partial().extend({ version }) },
    },
    (req) => zones.updateZone(signedIn(req), req.params.id, req.body),
  );
  app.delete(
    '/api/zones/:id',
    { config: { permission: 'grid.manage' }, schema: { tags, params: idParams } },
    async (req, reply) => {
      await zones.deleteZone(signedIn(req), req.params.id);
      return reply.status(204).send();
    },
  );

  app.get('/api/centres', { config: { permission: 'org.read' }, schema: { tags } }, (req) =>
    listCentres(signedIn(req)),
  );
  app.post(
    '/api/orgs/:id/centre',
    {
      config: { permission: 'org.manage' },
      schema: {
        tags,
        params: idParams,
        body: z.object({ centreType: z.enum(CENTRE_TYPES).nullable(), version }),
      },
    },
    (req) => setCentre(signedIn(req), req.params.id, req.body.centreType, req.body.version),
  );
}

import type { FastifyInstance } from 'fastify';
import { allPages } from '../../core/csv.ts';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { sendExport } from '../../core/xlsx.ts';
import type { SignedInContext } from '../../core/context.ts';
import { addEmployee, endEmployment } from './organization-employment.ts';
import {
  createOrganization,
  getOrganization,
  listOrganizations,
  revealOrganization,
  updateOrganization,
} from './organizations.ts';
import { personPlaces } from './person-links.ts';
import { applyPermit, getPermit, listPermits, permitAction } from './permits.ts';
import { criteriaSet, putCriteria } from './rental-criteria.ts';
import { addInspection } from './rental-inspection.ts';
import { checkIn, checkOut } from './rental-tenancy.ts';
import { createRental, getRental, listRentals, revealRental, updateRental } from './rentals.ts';
import { auditReveal } from './common.ts';
import { hasPermission } from '../../core/context.ts';
import { forbidden } from '../../core/errors.ts';
import * as s from './schemas.ts';

const read = { permission: 'registry.read' } as const;
const manage = { permission: 'registry.manage' } as const;

const sensitive = { permission: 'person.sensitive.read' } as const;

/** `unmasked=true` exports clear values: only for holders of person.sensitive.read, audited once with the filters. */
async function exportMode(ctx: SignedInContext, entityType: string, query: { unmasked: boolean }) {
  if (!query.unmasked) return false;
  if (!hasPermission(ctx, 'person.sensitive.read'))
    throw forbidden('unmasked export needs person.sensitive.read');
  const { unmasked: _u, ...filters } = query as Record<string, unknown>;
  await auditReveal(ctx, {
    entityType,
    summary: `exported the ${entityType} list with clear phones and ID numbers`,
    after: filters,
  });
  return true;
}

export async function placesRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);

  // ---- rentals (出租房屋) ----
  const rt = ['rentals'];
  app.get('/api/rentals', { config: read, schema: { tags: rt, querystring: s.rentalListQuery } }, (req) =>
    listRentals(signedIn(req), req.query),
  );
  app.get(
    '/api/rentals/export',
    { config: read, schema: { tags: rt, querystring: s.rentalExportQuery } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const unmasked = await exportMode(ctx, 'rental', req.query);
      const pages = allPages(
        (cursor) => listRentals(ctx, { ...req.query, limit: 200, cursor }, { unmasked }),
        (r) => [
          r.houseNumber,
          r.address,
          r.gridName,
          r.landlordName,
          r.landlordPhone,
          r.registrationNumber,
          r.registeredOn,
          r.status,
          r.starRating,
          r.hasHazard ? 'yes' : 'no',
          r.tenantCount,
        ],
      );
      return sendExport(
        reply,
        req.query.format,
        'rentals',
        [
          'house number',
          'address',
          'grid',
          'landlord',
          'landlord phone',
          'registration',
          'registered on',
          'status',
          'stars',
          'hazard',
          'tenants',
        ],
        pages,
      );
    },
  );
  app.post(
    '/api/rentals',
    { config: manage, schema: { tags: rt, body: s.rentalCreate } },
    async (req, reply) => reply.status(201).send(await createRental(signedIn(req), req.body)),
  );
  app.get('/api/rentals/:id', { config: read, schema: { tags: rt, params: idParams } }, (req) =>
    getRental(signedIn(req), req.params.id),
  );
  app.post('/api/rentals/:id/reveal', { config: sensitive, schema: { tags: rt, params: idParams } }, (req) =>
    revealRental(signedIn(req), req.params.id),
  );
  app.patch(
    '/api/rentals/:id',
    { config: manage, schema: { tags: rt, params: idParams, body: s.rentalUpdate } },
    (req) => updateRental(signedIn(req), req.params.id, req.body),
  );
  app.post(
    '/api/rentals/:id/tenants',
    { config: manage, schema: { tags: rt, params: idParams, body: s.checkInBody } },
    async (req, reply) => reply.status(201).send(await checkIn(signedIn(req), req.params.id, req.body)),
  );
  app.post(
    '/api/tenancies/:id/check-out',
    { config: manage, schema: { tags: rt, params: idParams, body: s.checkOutBody } },
    (req) => checkOut(signedIn(req), req.params.id, req.body),
  );
  app.post(
    '/api/rentals/:id/inspections',
    { config: manage, schema: { tags: rt, params: idParams, body: s.inspectionBody } },
    async (req, reply) => reply.status(201).send(await addInspection(signedIn(req), req.params.id, req.body)),
  );
  app.get('/api/rental-criteria', { config: read, schema: { tags: rt } }, (req) => criteriaSet(req.ctx.db));
  app.put('/api/rental-criteria', { config: manage, schema: { tags: rt, body: s.criteriaBody } }, (req) =>
    putCriteria(signedIn(req), req.body),
  );

  // ---- residence permits (居住证) ----
  const pt = ['permits'];
  app.get('/api/permits', { config: read, schema: { tags: pt, querystring: s.permitListQuery } }, (req) =>
    listPermits(signedIn(req), req.query),
  );
  app.get(
    '/api/permits/export',
    { config: read, schema: { tags: pt, querystring: s.permitExportQuery } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const unmasked = await exportMode(ctx, 'permit', req.query);
      const pages = allPages(
        (cursor) => listPermits(ctx, { ...req.query, limit: 200, cursor }, { unmasked }),
        (p) => [
          p.number,
          p.personName,
          p.idNumber,
          p.status,
          p.address,
          p.gridName,
          p.appliedOn,
          p.validFrom,
          p.validTo,
        ],
      );
      return sendExport(
        reply,
        req.query.format,
        'permits',
        [
          'number',
          'holder',
          'ID number',
          'status',
          'address',
          'grid',
          'applied on',
          'valid from',
          'valid to',
        ],
        pages,
      );
    },
  );
  app.post(
    '/api/permits',
    { config: manage, schema: { tags: pt, body: s.permitApply } },
    async (req, reply) => reply.status(201).send(await applyPermit(signedIn(req), req.body)),
  );
  app.get('/api/permits/:id', { config: read, schema: { tags: pt, params: idParams } }, (req) =>
    getPermit(signedIn(req), req.params.id),
  );
  app.post(
    '/api/permits/:id/actions',
    { config: manage, schema: { tags: pt, params: idParams, body: s.permitAction } },
    (req) => permitAction(signedIn(req), req.params.id, req.body),
  );

  // ---- organisations (单位) ----
  const ot = ['organizations'];
  app.get(
    '/api/organizations',
    { config: read, schema: { tags: ot, querystring: s.organizationListQuery } },
    (req) => listOrganizations(signedIn(req), req.query),
  );
  app.get(
    '/api/organizations/export',
    { config: read, schema: { tags: ot, querystring: s.organizationExportQuery } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const unmasked = await exportMode(ctx, 'organization', req.query);
      const pages = allPages(
        (cursor) => listOrganizations(ctx, { ...req.query, limit: 200, cursor }, { unmasked }),
        (o) => [
          o.name,
          o.kind,
          o.creditCode,
          o.legalRep,
          o.phone,
          o.address,
          o.gridName,
          o.safetyContactName,
          o.safetyContactPhone,
          o.employeeCount,
          o.status,
        ],
      );
      return sendExport(
        reply,
        req.query.format,
        'organizations',
        [
          'name',
          'kind',
          'credit code',
          'legal representative',
          'phone',
          'address',
          'grid',
          'safety contact',
          'safety contact phone',
          'employees',
          'status',
        ],
        pages,
      );
    },
  );
  app.post(
    '/api/organizations',
    { config: manage, schema: { tags: ot, body: s.organizationCreate } },
    async (req, reply) => reply.status(201).send(await createOrganization(signedIn(req), req.body)),
  );
  app.get('/api/organizations/:id', { config: read, schema: { tags: ot, params: idParams } }, (req) =>
    getOrganization(signedIn(req), req.params.id),
  );
  app.post(
    '/api/organizations/:id/reveal',
    { config: sensitive, schema: { tags: ot, params: idParams } },
    (req) => revealOrganization(signedIn(req), req.params.id),
  );
  app.patch(
    '/api/organizations/:id',
    { config: manage, schema: { tags: ot, params: idParams, body: s.organizationUpdate } },
    (req) => updateOrganization(signedIn(req), req.params.id, req.body),
  );
  app.post(
    '/api/organizations/:id/employees',
    { config: manage, schema: { tags: ot, params: idParams, body: s.employeeBody } },
    async (req, reply) => reply.status(201).send(await addEmployee(signedIn(req), req.params.id, req.body)),
  );
  app.post(
    '/api/employments/:id/end',
    { config: manage, schema: { tags: ot, params: idParams, body: s.endEmploymentBody } },
    (req) => endEmployment(signedIn(req), req.params.id, req.body),
  );

  // ---- a person's links, for the person page ----
  app.get(
    '/api/persons/:id/places',
    { config: read, schema: { tags: ['persons'], params: idParams } },
    (req) => personPlaces(signedIn(req), req.params.id),
  );
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit } from '../../core/audit.ts';
import { hasPermission } from '../../core/context.ts';
import { allPages } from '../../core/csv.ts';
import { AppError, forbidden } from '../../core/errors.ts';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import { sendExport } from '../../core/xlsx.ts';
import type { Db } from '../../db/client.ts';
import { personTemplate } from './import-format.ts';
import {
  createImportJob,
  getImport,
  importErrorPages,
  startCommit,
  startValidation,
} from './import-service.ts';
import {
  createHouse,
  getHouse,
  gridHouseholds,
  houseHistory,
  listHouses,
  moveIn,
  moveOut,
  updateHouse,
} from './house-service.ts';
import { readPattern, writePattern } from './house-number.ts';
import { maskIdentity } from '../../core/person-mask.ts';
import { beforePersonSearch } from './person-search-guard.ts';
import {
  createPerson,
  getPerson,
  listPersonRows,
  listPersons,
  personHistory,
  revealPerson,
  updatePerson,
} from './person-service.ts';
import { createTag, listTags, updateTag } from './tag-service.ts';
import * as s from './schemas.ts';
import { assertCleanPart } from '../../core/text-input.ts';

const tags = ['registry'];
const IMPORT_MAX_BYTES = 100 * 1024 * 1024;

export interface RegistryDeps {
  /** IMPORT_LEASE_SECONDS: a committing import without progress for this long may be resumed. */
  importLeaseMs: number;
}

export const registryRoutes = (deps: RegistryDeps) => async (fastify: FastifyInstance) => {
  const app = typed(fastify);
  const read = { permission: 'registry.read' } as const;
  const manage = { permission: 'registry.manage' } as const;

  // ---- people
  app.get('/api/persons', { config: read, schema: { tags, querystring: s.personListQuery } }, (req) =>
    listPersons(signedIn(req), req.query),
  );
  app.get(
    '/api/persons/export',
    { config: read, schema: { tags, querystring: s.personExportQuery } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const { format, unmasked, ...filters } = req.query;
      if (unmasked) {
        if (!hasPermission(ctx, 'person.sensitive.read'))
          throw forbidden('unmasked export needs person.sensitive.read');
        await audit(ctx, {
          action: 'person.sensitive_export',
          entityType: 'person',
          summary: 'exported the person list with clear ID numbers and phones',
          after: filters,
        });
      }
      await beforePersonSearch(ctx, filters.q);
      const tagNames = new Map((await listTags(ctx)).map((t) => [t.code, t.name]));
      // The masked export shows what every masked view shows (core/person-mask.ts), birth year included.
      const view = (p: Awaited<ReturnType<typeof listPersonRows>>['items'][number]) =>
        unmasked ? { ...p, birth: p.birthDate } : { ...maskIdentity(p), birth: maskIdentity(p).birthYear };
      const pages = allPages(
        (cursor) => listPersonRows(ctx, { ...filters, limit: 200, cursor }),
        (row) => {
          const p = view(row);
          return [
            p.name,
            p.idType,
            p.idNumber,
            p.sex,
            p.birth,
            p.phone ?? '',
            p.residenceType,
            p.ethnicity,
            p.tags.map((t) => tagNames.get(t) ?? t).join('；'),
            p.gridName,
            p.address,
            p.householdAddress,
            p.createdAt,
          ];
        },
      );
      return sendExport(
        reply,
        format,
        'persons',
        [
          'name',
          'idType',
          'idNumber',
          'sex',
          unmasked ? 'birthDate' : 'birthYear',
          'phone',
          'residenceType',
          'ethnicity',
          'tags',
          'grid',
          'address',
          'householdAddress',
          'created (UTC)',
        ],
        pages,
      );
    },
  );
  app.post('/api/persons', { config: manage, schema: { tags, body: s.personCreate } }, async (req, reply) =>
    reply.status(201).send(await createPerson(signedIn(req), req.body)),
  );
  app.get('/api/persons/:id', { config: read, schema: { tags, params: idParams } }, (req) =>
    getPerson(signedIn(req), req.params.id),
  );
  app.patch(
    '/api/persons/:id',
    { config: manage, schema: { tags, params: idParams, body: s.personUpdate } },
    (req) => updatePerson(signedIn(req), req.params.id, req.body),
  );
  app.get('/api/persons/:id/history', { config: read, schema: { tags, params: idParams } }, (req) =>
    personHistory(signedIn(req), req.params.id),
  );
  app.post(
    '/api/persons/:id/reveal',
    { config: { permission: 'person.sensitive.read' }, schema: { tags, params: idParams } },
    (req) => revealPerson(signedIn(req), req.params.id),
  );

  app.get('/api/person-tags', { config: read, schema: { tags } }, (req) => listTags(signedIn(req)));
  app.post('/api/person-tags', { config: manage, schema: { tags, body: s.tagCreate } }, async (req, reply) =>
    reply.status(201).send(await createTag(signedIn(req), req.body)),
  );
  app.patch(
    '/api/person-tags/:code',
    { config: manage, schema: { tags, params: s.tagParams, body: s.tagUpdate } },
    (req) => updateTag(signedIn(req), req.params.code, req.body),
  );

  // ---- houses
  app.get('/api/houses', { config: read, schema: { tags, querystring: s.houseListQuery } }, (req) =>
    listHouses(signedIn(req), req.query),
  );
  app.get(
    '/api/houses/export',
    { config: read, schema: { tags, querystring: s.houseExportQuery } },
    (req, reply) => {
      const ctx = signedIn(req);
      const { format, ...filters } = req.query;
      const pages = allPages(
        (cursor) => listHouses(ctx, { ...filters, limit: 200, cursor }),
        (h) => [
          h.houseNumber,
          h.address,
          h.building,
          h.unit,
          h.room,
          h.use,
          h.area,
          h.gridName,
          h.communityName,
          h.ownerName,
          h.ownerPhone,
          h.residentCount,
          h.lng,
          h.lat,
        ],
      );
      return sendExport(
        reply,
        format,
        'houses',
        [
          'houseNumber',
          'address',
          'building',
          'unit',
          'room',
          'use',
          'area',
          'grid',
          'community',
          'owner',
          'ownerPhone',
          'residents',
          'lng',
          'lat',
        ],
        pages,
      );
    },
  );
  app.get('/api/houses/number-pattern', { config: read, schema: { tags } }, async (req) => ({
    pattern: await readPattern(signedIn(req).db as Db),
  }));
  app.put(
    '/api/houses/number-pattern',
    { config: { permission: 'org.manage' }, schema: { tags, body: s.numberPattern } },
    async (req) => {
      const ctx = signedIn(req);
      const before = await readPattern(ctx.db as Db);
      await writePattern(ctx.db as Db, req.body.pattern);
      await audit(ctx, {
        action: 'house.number_pattern',
        entityType: 'app_meta',
        summary: 'changed the house number pattern',
        before: { pattern: before },
        after: req.body,
      });
      return req.body;
    },
  );
  app.post('/api/houses', { config: manage, schema: { tags, body: s.houseCreate } }, async (req, reply) =>
    reply.status(201).send(await createHouse(signedIn(req), req.body)),
  );
  app.get('/api/houses/:id', { config: read, schema: { tags, params: idParams } }, (req) =>
    getHouse(signedIn(req), req.params.id),
  );
  app.patch(
    '/api/houses/:id',
    { config: manage, schema: { tags, params: idParams, body: s.houseUpdate } },
    (req) => updateHouse(signedIn(req), req.params.id, req.body),
  );
  app.get('/api/houses/:id/history', { config: read, schema: { tags, params: idParams } }, (req) =>
    houseHistory(signedIn(req), req.params.id),
  );
  app.post(
    '/api/houses/:id/residents',
    { config: manage, schema: { tags, params: idParams, body: s.moveIn } },
    async (req, reply) => reply.status(201).send(await moveIn(signedIn(req), req.params.id, req.body)),
  );
  app.post(
    '/api/residences/:id/end',
    { config: manage, schema: { tags, params: idParams, body: s.moveOut } },
    (req) => moveOut(signedIn(req), req.params.id, req.body),
  );
  app.get(
    '/api/grids/:id/households',
    {
      config: read,
      schema: { tags, params: idParams, querystring: z.object({ limit: limitSchema, cursor: cursorSchema }) },
    },
    (req) => gridHouseholds(signedIn(req), req.params.id, req.query),
  );

  // ---- bulk import
  app.get(
    '/api/imports/templates/persons.xlsx',
    { config: manage, schema: { tags } },
    async (_req, reply) => {
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header(
        'content-disposition',
        `attachment; filename="persons-template.xlsx"; filename*=UTF-8''${encodeURIComponent('实有人口导入模板.xlsx')}`,
      );
      return reply.send(await personTemplate());
    },
  );
  app.post(
    '/api/imports/persons',
    { config: manage, schema: { tags, consumes: ['multipart/form-data'] } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const required = () =>
        new AppError('VALIDATION_FAILED', 400, 'file: send multipart/form-data with an .xlsx or .csv file', {
          fields: [{ path: 'file', message: 'required' }],
        });
      if (!req.isMultipart()) throw required();
      const part = await req.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });
      if (!part) throw required();
      assertCleanPart(part);
      const ext = path.extname(part.filename).toLowerCase();
      const kind = ext === '.xlsx' ? 'xlsx' : ext === '.csv' || ext === '.txt' ? 'csv' : null;
      if (!kind) {
        part.file.resume();
        throw new AppError('VALIDATION_FAILED', 400, 'file: an .xlsx or .csv file', {
          fields: [{ path: 'file', message: 'an .xlsx or .csv file' }],
        });
      }
      // The upload goes to a temporary file first, so the request ends at once and the check streams from disk.
      const tmp = path.join(os.tmpdir(), `cg-import-${randomUUID()}${ext}`);
      await pipeline(part.file, fs.createWriteStream(tmp));
      if (part.file.truncated) {
        fs.rmSync(tmp, { force: true });
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          413,
          `the file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`,
        );
      }
      const id = await createImportJob(ctx, part.filename);
      startValidation(
        ctx.db as Db,
        ctx.clock,
        { id, scope: ctx.scope, orgPath: ctx.user.orgPath },
        tmp,
        kind,
      );
      return reply.status(202).send({ id, status: 'validating' });
    },
  );
  app.get('/api/imports/:id', { config: manage, schema: { tags, params: idParams } }, (req) =>
    getImport(signedIn(req), req.params.id),
  );
  app.get(
    '/api/imports/:id/errors',
    { config: manage, schema: { tags, params: idParams, querystring: s.importErrorsQuery } },
    async (req, reply) => {
      const { header, pages } = await importErrorPages(signedIn(req), req.params.id, req.query.lang);
      return sendExport(reply, req.query.format, 'import-errors', header, pages);
    },
  );
  app.post(
    '/api/imports/:id/commit',
    { config: manage, schema: { tags, params: idParams } },
    async (req, reply) =>
      reply
        .status(202)
        .send(await startCommit(signedIn(req), req.params.id, { leaseMs: deps.importLeaseMs })),
  );
};

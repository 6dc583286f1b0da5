import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { auditDenial } from './denied-audit.ts';
import { AppError, isUniqueViolation, type FieldError } from './errors.ts';

function fieldPath(instancePath: string | undefined, context: string | undefined): string {
  const p = (instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  if (context === 'querystring' || context === 'params' || context === 'headers') return p || context;
  return p || 'body';
}

/** PostgreSQL's "invalid byte sequence" (22021) and "unsupported Unicode escape" in jsonb (22P05). */
const isRefusedText = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '22021' || code === '22P05';
};

/** One shape for every error; nothing internal (stack, SQL, driver text) ever reaches the client. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler(async (err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      // A refusal on a sensitive record is audited (rate-limited); a failure to write it must not change the answer.
      await auditDenial(request, err).catch((e: unknown) =>
        request.log.error({ err: e }, 'could not audit a refused request'),
      );
      const { fields, ...rest } = err.details ?? {};
      return reply.status(err.status).send({
        error: {
          code: err.code,
          message: err.message,
          ...(fields ? { fields } : {}),
          ...(Object.keys(rest).length ? { details: rest } : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const context = (err as { validationContext?: string }).validationContext;
      const fields: FieldError[] = err.validation.map((v) => ({
        path: fieldPath(v.instancePath, context),
        message: v.message ?? 'invalid',
      }));
      return reply.status(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: fields.map((f) => `${f.path}: ${f.message}`).join('; '),
          fields,
        },
      });
    }
    if (isRefusedText(err)) {
      // The text guard (core/text-input.ts) names the field first; this is the net under it.
      return reply.status(400).send({
        error: { code: 'VALIDATION_FAILED', message: 'a text value holds a character that cannot be stored' },
      });
    }
    if (isUniqueViolation(err)) {
      return reply
        .status(409)
        .send({ error: { code: 'DUPLICATE', message: 'a record with the same key exists' } });
    }
    const fe = err as FastifyError;
    const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, body too large, bad content type) carry safe messages.
      return reply.status(status).send({ error: { code: fe.code ?? 'BAD_REQUEST', message: fe.message } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: 'internal error; it has been logged' } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url}` } });
  });
}

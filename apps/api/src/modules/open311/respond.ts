import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.ts';
import { toXml, type XmlValue } from './xml.ts';

export type Format = 'json' | 'xml';

/** `requests.xml`, `requests/2026…001.json`: the format is the resource's extension; JSON when there is none. */
export function formatOf(url: string): Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.xml') ? 'xml' : 'json';
}

/** Splits `<id>.<format>` from a path parameter; anything but .json/.xml is no resource of ours. */
export function splitFile(file: string, what: string): { id: string; format: Format } {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  if (!m) throw new AppError('NOT_FOUND', 404, `${what} must end in .json or .xml`);
  return { id: m[1]!, format: m[2] as Format };
}

/** JSON as the value itself; XML under the spec's root element, UTF-8 declared in the header and the prolog. */
export function send(reply: FastifyReply, format: Format, root: string, value: XmlValue, status = 200) {
  reply.status(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(root, value));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
}

export const o311Error = (status: number, description: string) =>
  new AppError('OPEN311', status, description);

/** GeoReport errors: `[{code, description}]` or `<errors><error>…`, the HTTP status repeated as the code. */
export function installOpen311Errors(
  app: FastifyInstance,
  onError: (request: FastifyRequest, status: number, description: string) => Promise<void>,
) {
  app.setErrorHandler(async (err: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    const format = formatOf(request.url);
    let status: number;
    let description: string;
    if (err instanceof AppError) {
      status = err.status;
      description = err.message;
      const retryAfter = err.details?.retryAfter;
      if (status === 429 && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      description = err.validation
        .map((v) => `${v.instancePath.replace(/^\//, '') || 'request'}: ${v.message ?? 'invalid'}`)
        .join('; ');
    } else {
      const code = (err as FastifyError).statusCode;
      status = typeof code === 'number' && code >= 400 && code < 500 ? code : 500;
      description = status === 500 ? 'internal error; it has been logged' : err.message;
      if (status === 500) request.log.error({ err }, 'unhandled error in Open311');
    }
    await onError(request, status, description);
    return send(reply, format, 'errors', [{ code: status, description }], status);
  });
}

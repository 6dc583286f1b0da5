import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/**
 * Text PostgreSQL refuses: NUL (text and jsonb cannot hold it, the driver answers 22021/22P05) and unpaired UTF-16
 * surrogates (not Unicode; the driver's UTF-8 encoder turns them into U+FFFD, storing something the sender did
 * not send). Checked once for every request instead of in every schema, so no field can forget it.
 */
// eslint-disable-next-line no-control-regex
const BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const BAD_TEXT_MESSAGE = 'contains a character that cannot be stored (NUL or an unpaired surrogate)';

/** Deep enough for every body we accept; deeper nesting is refused by the schemas anyway. */
const MAX_DEPTH = 12;

const join = (base: string, key: string) => (base ? `${base}.${key}` : key);

/** The path of the first string (value or key) with a bad character, or null when all text is clean. */
export function findBadText(value: unknown, base = '', depth = 0): string | null {
  if (typeof value === 'string') return BAD.test(value) ? base || 'body' : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  if (Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findBadText(value[i], join(base, String(i)), depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (BAD.test(k)) return join(base, k.replace(BAD, '?'));
    const hit = findBadText(v, join(base, k), depth + 1);
    if (hit) return hit;
  }
  return null;
}

export const badText = (path: string) =>
  new AppError('VALIDATION_FAILED', 400, `${path}: ${BAD_TEXT_MESSAGE}`, {
    fields: [{ path, message: BAD_TEXT_MESSAGE, code: 'TEXT_BAD_CHARACTER' }],
  });

/** Throws the 400 naming the field when `value` holds bad text. */
export function assertCleanText(value: unknown, base = ''): void {
  const hit = findBadText(value, base);
  if (hit) throw badText(hit);
}

/** A form body kept as text (Open311) is checked as the fields it decodes to. */
function bodyText(req: FastifyRequest): unknown {
  const type = String(req.headers['content-type'] ?? '');
  if (typeof req.body === 'string' && type.startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(req.body));
  return req.body;
}

/**
 * Multipart parts are read inside the handler, after the hooks: the routes that take uploads pass the part here
 * (its filename and any text fields sent beside the file).
 */
export function assertCleanPart(part: {
  filename?: string;
  fields?: Record<string, unknown>;
  file?: { readableEnded?: boolean; resume(): unknown };
}): void {
  const texts: Record<string, unknown> = { 'file.filename': part.filename };
  for (const [name, f] of Object.entries(part.fields ?? {})) {
    const values = (Array.isArray(f) ? f : [f]) as { type?: string; value?: unknown }[];
    texts[name] = values.filter((v) => v?.type === 'field').map((v) => v.value);
  }
  const hit = findBadText(texts);
  if (!hit) return;
  // An unread file would hold the request open: drain it before answering.
  if (part.file && !part.file.readableEnded) part.file.resume();
  throw badText(hit.replace(/\.\d+$/, ''));
}

/** Before any schema runs, so a NUL is answered 400 naming its field, never a driver error and a 500. */
export function installTextInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    assertCleanText(req.params);
    assertCleanText(req.query);
    assertCleanText(bodyText(req));
  });
}

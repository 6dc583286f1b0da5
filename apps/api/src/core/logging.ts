import type { FastifyServerOptions } from 'fastify';

/**
 * What the server log may never hold (PIPL art. 51, 等保 8.1.4.3): ID numbers, phones, search text, keys and
 * session secrets. Fastify logs each request's URL, and errors with their messages; both pass through here, by
 * rule rather than route by route, so a new search parameter or a new route is covered without anyone
 * remembering it.
 */

/** Query parameters whose whole value is personal or secret, whatever it looks like. */
const SENSITIVE_PARAMS = new Set([
  'q',
  'search',
  'keyword',
  'name',
  'phone',
  'mobile',
  'idnumber',
  'id_number',
  'idtail',
  'email',
  'first_name',
  'last_name',
  'account_id',
  'device_id',
  'api_key',
  'apikey',
  'key',
  'token',
  'password',
  'secret',
  'code',
  'trackingnumber',
]);

// An 18-character citizen ID (17 digits and a digit or X), an 11-digit mainland mobile (with or without +86), wherever they stand.
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const PHONE = /(?<!\d)(?:\+?86)?1\d{10}(?!\d)/g;
const MASK = '[redacted]';

/** Masks ID-number-shaped and phone-shaped runs in any text (messages, paths, values). */
export function maskText(s: string): string {
  return s.replace(ID_NUMBER, MASK).replace(PHONE, MASK);
}

/** The URL as it may be logged: sensitive query values replaced, the rest masked by shape. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return maskText(url);
  const path = maskText(url.slice(0, q));
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return maskText(pair);
      const rawName = pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // A malformed escape: judge the name as sent.
      }
      // `attribute[x]`, `filter[phone]`: the last bracketed or plain word decides.
      const word = (/([A-Za-z_]+)\]?$/.exec(name)?.[1] ?? name).toLowerCase();
      if (SENSITIVE_PARAMS.has(word)) return `${rawName}=${MASK}`;
      let value = pair.slice(eq + 1);
      try {
        value = decodeURIComponent(value.replace(/\+/g, ' '));
      } catch {
        // Keep the raw text; it is masked by shape below.
      }
      return `${maskText(rawName)}=${maskText(value) === value ? pair.slice(eq + 1) : MASK}`;
    });
  return `${path}?${parts.join('&')}`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

interface LoggedError {
  [k: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

function serializeErr(err: Error): LoggedError {
  const e = err as Error & Record<string, unknown>;
  const out: LoggedError = {
    type: e.name,
    message: maskText(String(e.message ?? '')),
    stack: maskText(String(e.stack ?? '')),
  };
  // Driver errors carry the offending row in `detail`/`where`; shapes are masked, the rest kept for debugging.
  for (const k of ['code', 'detail', 'where', 'constraint', 'table', 'column', 'statusCode']) {
    const v = e[k];
    if (typeof v === 'string') out[k] = maskText(v);
    else if (typeof v === 'number') out[k] = v;
  }
  return out;
}

/** Headers and bodies are never logged by the serializers; these paths catch anyone who logs them by hand. */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'req.headers["idempotency-key"]',
  'req.body',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
  'body',
  'password',
  '*.password',
  'csrfToken',
  '*.csrfToken',
];

/** Fastify's logger options: level, redaction, serializers; a stream when a test captures the output. */
export function loggerOptions(
  level: string,
  stream?: NodeJS.WritableStream,
): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: MASK },
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: redactUrl(req.url ?? ''),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
      err: serializeErr,
    },
    ...(stream ? { stream } : {}),
  };
}

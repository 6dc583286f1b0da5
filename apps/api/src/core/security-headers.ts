import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/**
 * The browser-side rules of 等保 8.1.4: nothing may frame the app (clickjacking), scripts come only from this
 * origin, MIME types are not sniffed, the full URL (case ids, search terms) does not leak as a referrer, and no
 * answer of the API is kept in a browser or proxy cache unless a route says it is public.
 *
 * - `style-src 'unsafe-inline'`: antd 6 writes its theme as <style> elements at run time (CSS-in-JS) and
 *   Leaflet/MapLibre position tiles and markers with inline style attributes; scripts stay 'self' only.
 * - `img-src`/`connect-src` add the configured map tile server; `worker-src blob:` is MapLibre's worker.
 * - HSTS only when the request came over TLS (directly or via a trusted proxy) or COOKIE_SECURE=true: a
 *   plain-HTTP intranet install must not be told to refuse HTTP for a year.
 */
export async function installSecurityHeaders(
  app: FastifyInstance,
  opts: { tileUrl: string | null; cookieSecure: boolean | 'auto' },
) {
  const tileOrigin =
    opts.tileUrl && /^https?:\/\//.test(opts.tileUrl)
      ? new URL(opts.tileUrl.replace(/[{}]/g, '')).origin
      : null;
  const extra = tileOrigin ? [tileOrigin] : [];
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:', ...extra],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'", ...extra],
        'worker-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const tls = opts.cookieSecure === true || (opts.cookieSecure === 'auto' && req.protocol === 'https');
    if (tls) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    const url = req.url;
    if ((url.startsWith('/api/') || url.startsWith('/open311/')) && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';

let t: TestApp;
let proxied: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  proxied = await createTestApp({ env: { TRUST_PROXY: 'true' } });
});
afterAll(async () => {
  await t.close();
  await proxied.close();
});

describe('security headers', () => {
  it('every answer carries a CSP that forbids framing, nosniff and a Referrer-Policy', async () => {
    for (const url of ['/api/health', '/api/auth/me', '/api/no-such-route']) {
      const r = await t.request({ method: 'GET', url });
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("object-src 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
  });

  it('sends HSTS only behind TLS', async () => {
    const plain = await t.request({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const viaProxy = await proxied.request({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(viaProxy.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    const spoofed = await t.request({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    // Without TRUST_PROXY the header is a client's claim, not TLS.
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers of the API with personal data are not stored by browsers or proxies', async () => {
    const a = await t.login('leader');
    for (const url of ['/api/auth/me', '/api/users?limit=5', '/api/cases?limit=5', '/api/audit?limit=1']) {
      const r = await a.get(url);
      expect(r.headers['cache-control'], url).toBe('no-store');
    }
    const denied = await t.request({ method: 'GET', url: '/api/users' });
    expect(denied.status).toBe(401);
    expect(denied.headers['cache-control']).toBe('no-store');
    const login = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: 'Wrong-password-1' },
    });
    expect(login.headers['cache-control']).toBe('no-store');
    // A route that declares its answer public (grid outlines for the portal map) keeps its own rule.
    const grids = await t.request({ method: 'GET', url: '/api/public/grids' });
    expect(grids.headers['cache-control']).toBe('public, max-age=300');
  });
});

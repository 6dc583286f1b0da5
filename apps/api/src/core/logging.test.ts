import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../test-support/test-app.ts';
import { DEMO_OPEN311_KEY } from '../modules/open311/demo-seed.ts';
import { loggerOptions, maskText, redactUrl } from './logging.ts';

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});

let t: TestApp;
let admin: Agent;

// Shapes of real values, made up: an 18-character ID number, a mobile, and the name searched for.
const ID = '11010119900307123X';
const PHONE = '13912345678';
const NAME = '张三丰';

beforeAll(async () => {
  t = await createTestApp({ logStream: sink });
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('the server log keeps no personal data or secrets', () => {
  it('searches by ID number, phone and name, an api_key in the URL and session headers leave no trace', async () => {
    lines.length = 0;
    await admin.get(`/api/persons?q=${ID}`);
    await admin.get(`/api/persons?q=${PHONE}&sex=male`);
    await admin.get(`/api/persons?q=${encodeURIComponent(NAME)}`);
    await admin.get(`/api/persons/export?q=${ID.slice(0, 14)}&format=csv`);
    await admin.get(`/api/cases?q=${PHONE}`);
    await admin.get(`/api/cases?tag=${ID}`); // an unknown parameter: masked by its shape
    await admin.get(`/api/nowhere/${ID}`); // in the path
    await t.request({ method: 'GET', url: `/open311/v2/requests.json?api_key=${DEMO_OPEN311_KEY}` });
    await t.request({
      method: 'POST',
      url: `/open311/v2/requests.json?api_key=${DEMO_OPEN311_KEY}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `service_code=nope&phone=${PHONE}&description=x`,
    });
    const log = lines.join('');
    // The log is written (so the test can fail): each request left its line with the route's path.
    expect(log).toContain('/api/persons?q=[redacted]');
    expect(log).toContain('/open311/v2/requests.json?api_key=[redacted]');
    expect(log).toContain('/api/nowhere/[redacted]');
    for (const secret of [
      ID,
      ID.slice(0, 14),
      PHONE,
      NAME,
      encodeURIComponent(NAME),
      DEMO_OPEN311_KEY,
      admin.csrf,
      admin.cookie.split('=')[1]!,
    ])
      expect(log, `log holds ${secret}`).not.toContain(secret);
  });

  it('a headers or body object logged by hand is censored by path', () => {
    const out: string[] = [];
    const stream = new Writable({
      write(c, _e, done) {
        out.push(String(c));
        done();
      },
    });
    // The same options the app gives Fastify, on a bare pino (what Fastify builds from them).
    return import('pino').then(({ default: pino }) => {
      const opts = loggerOptions('info') as Record<string, unknown>;
      const log = pino(opts, stream);
      log.info({ req: { headers: { cookie: 'cg_session=s3cret', authorization: 'Bearer t0ken' } } }, 'x');
      log.info({ headers: { 'x-csrf-token': 'csrf-v4lue' }, body: { idNumber: ID } }, 'y');
      log.error({ err: new Error(`duplicate key value (id_number)=(${ID}) phone ${PHONE}`) }, 'z');
      const text = out.join('');
      for (const secret of ['s3cret', 't0ken', 'csrf-v4lue', ID, PHONE]) expect(text).not.toContain(secret);
      expect(text).toContain('duplicate key value');
    });
  });

  it('masks by rule: sensitive names whole, ID and phone shapes anywhere, the rest kept', () => {
    expect(redactUrl(`/a?format=csv&q=abc&api_key=k1&attribute[phone]=1`)).toBe(
      '/a?format=csv&q=[redacted]&api_key=[redacted]&attribute[phone]=[redacted]',
    );
    expect(redactUrl(`/a/${ID.toLowerCase()}?x=${PHONE}&limit=20`)).toBe(
      '/a/[redacted]?x=[redacted]&limit=20',
    );
    expect(maskText(`call 8613912345678 or ${PHONE}`)).toBe('call [redacted] or [redacted]');
    expect(maskText('order 20261202002002')).toBe('order 20261202002002');
  });
});

/**
 * Bad-input fuzz: random bodies, params and query strings on every API route, and random args for
 * every mutator. Every answer is a 4xx with a catalogue code (never a 5xx), and nothing is written.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorCode } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { MUTATORS } from '../../shared/mutators';
import { Client, createTestApp, type TestApp } from '../test/app';

let t: TestApp;
let desk: Client;
let clientId: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true, shapeLongPollMs: 200 });
  desk = new Client(t.app);
  await desk.signInTo('owner@lumen.test');
  clientId = newId('devices');
  await desk.post('/api/devices', { clientId });
});
afterAll(async () => {
  await t?.close();
});

/** Row counts of the tables a request could write: equal before and after means no partial write. */
async function writeFingerprint(): Promise<string> {
  const { rows } = await t.db.pool.query(
    `SELECT (SELECT count(*) FROM booking_orders) || ':' || (SELECT count(*) FROM fulfillment_assignments) || ':' ||
            (SELECT count(*) FROM payment_intent_tenders) || ':' || (SELECT count(*) FROM notes) || ':' ||
            (SELECT count(*) FROM devices) || ':' || (SELECT count(*) FROM stripe_webhook_events) AS f`,
  );
  return rows[0].f;
}

const junk = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string(),
  fc.constant(null),
  fc.record({ clientId: fc.string(), mutations: fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }) }),
);

describe('bad-input fuzz', () => {
  it('every route answers random input with a 4xx and a code, never a 5xx, writing nothing', async () => {
    const routes = t.app.routeList.filter(
      (r) =>
        r.url.startsWith('/api/') && !r.url.startsWith('/api/auth/') && r.method !== 'HEAD' && r.url !== '/api/health',
    );
    const before = await writeFingerprint();
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), junk, fc.string({ maxLength: 40 }), async (route, body, param) => {
        const method = (Array.isArray(route.method) ? route.method[0] : route.method) as 'GET' | 'POST';
        const url = route.url.replace(/:[a-zA-Z]+/g, encodeURIComponent(param) || 'x').replace('*', 'x');
        const res = await desk.request(
          method,
          `${url}?offset=${encodeURIComponent(param)}`,
          method === 'GET' ? undefined : body,
        );
        const code = String(res.headers['content-type'] ?? '').includes('json') ? res.json()?.code : undefined;
        const fine =
          res.statusCode < 500 && (res.statusCode < 400 || isErrorCode(code) || route.url.startsWith('/api/shapes'));
        if (!fine) failures.push(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }),
      { numRuns: 300 },
    );
    expect(failures).toEqual([]);
    // Device registration may legitimately create a device for a well-formed new id; nothing else.
    expect((await writeFingerprint()).split(':').slice(0, 4)).toEqual(before.split(':').slice(0, 4));
  });

  it('every mutator answers random args with a rejection code, never a crash, writing nothing', async () => {
    const names = [...MUTATORS.keys()];
    const before = await writeFingerprint();
    let id = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.anything({ maxDepth: 3 }), async (name, args) => {
        const res = await desk.post('/api/commits', { clientId, mutations: [{ id: ++id, name, args }] });
        // Args that do not survive JSON (undefined) or carry `__proto__` keys (refused by the JSON
        // parser against prototype poisoning) make the request itself invalid: a 400, also fine.
        if (res.statusCode === 400) {
          expect(['validation_failed', 'bad_request']).toContain(res.json().code);
          return;
        }
        expect(res.statusCode).toBe(200);
        const result = res.json().results[0];
        expect(result.status).toBe('rejected');
        expect(isErrorCode(result.error.code)).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(await writeFingerprint()).toBe(before);
  });
});

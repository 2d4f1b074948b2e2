/**
 * The generic cross-tenant test: every API route, called by a biz-A member with ids of biz B's
 * rows, answers exactly like a missing row (404 `not_found`) and changes nothing. Routes declare
 * how they take ids (routes/tenancy-probe.ts); a route without a declaration fails this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { Client, createTestApp, type TestApp } from '../test/app';

let t: TestApp;
let bizB: string;
beforeAll(async () => {
  t = await createTestApp();
  // Give biz B a row of every kind a route can name (devices are not seeded).
  const bright = new Client(t.app);
  bizB = await bright.signInTo('owner@brightline.test');
  await bright.post('/api/devices', { clientId: newId('devices'), label: 'Van tablet' });
  await t.db.pool.query(
    "INSERT INTO membership_plans (id, biz_id, name, slug, status) VALUES ($1, $2, 'Service plan', 'service-plan', 'active')",
    [newId('membership_plans'), bizB],
  );
});
afterAll(async () => {
  await t?.close();
});

async function fingerprint(table: string): Promise<string> {
  const { rows } = await t.db.pool.query(
    `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x.id), '')) AS h FROM ${table} x WHERE biz_id = $1`,
    [bizB],
  );
  return rows[0].h;
}

describe('cross-tenant access', () => {
  it('every API route declares how it names tenant rows', () => {
    const undeclared = t.app.routeList
      .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && r.config?.tenancy === undefined)
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('answers every route named with another biz’s id as not_found, changing nothing', async () => {
    const a = new Client(t.app);
    await a.signInTo('owner@lumen.test');
    let probed = 0;
    for (const route of t.app.routeList) {
      const probe = route.config?.tenancy;
      if (!probe || typeof probe === 'string' || route.method === 'HEAD') continue;
      const { rows } = await t.db.pool.query(`SELECT id FROM ${probe.table} WHERE biz_id = $1 LIMIT 1`, [bizB]);
      expect(rows.length, `biz B has a ${probe.table} row`).toBe(1);
      const foreignId: string = rows[0].id;
      const missingId = newId(probe.table);
      const call = (id: string) => {
        const url = probe.param ? route.url.replace(`:${probe.param}`, id) : route.url;
        const body = probe.body ? { [probe.body]: id } : {};
        const method = (Array.isArray(route.method) ? route.method[0] : route.method) as 'GET' | 'POST' | 'DELETE';
        return a.request(method, url, method === 'GET' ? undefined : body);
      };
      const before = await fingerprint(probe.table);
      const foreign = await call(foreignId);
      expect(foreign.statusCode, `${route.method} ${route.url}`).toBe(404);
      if (!probe.creates) {
        const missing = await call(missingId);
        expect(foreign.json(), `${route.method} ${route.url}`).toEqual(missing.json());
      }
      expect(foreign.json().code).toBe('not_found');
      expect(await fingerprint(probe.table), `${route.method} ${route.url} changed biz B`).toBe(before);
      probed++;
    }
    expect(probed).toBeGreaterThanOrEqual(2);
  });
});

describe('bad input', () => {
  it('refuses unknown fields, wrong types, missing fields and huge bodies with clear codes', async () => {
    const c = new Client(t.app);
    await c.signInTo('desk@lumen.test');
    const count = async () => (await t.db.pool.query('SELECT count(*)::int AS n FROM devices')).rows[0].n as number;
    const before = await count();
    const unknown = await c.post('/api/devices', { clientId: newId('devices'), admin: true });
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'validation_failed']);
    const wrongType = await c.post('/api/devices', { clientId: 42 });
    expect([wrongType.statusCode, wrongType.json().code]).toEqual([400, 'validation_failed']);
    const missing = await c.post('/api/devices', {});
    expect([missing.statusCode, missing.json().code]).toEqual([400, 'validation_failed']);
    const huge = await c.post('/api/devices', { clientId: newId('devices'), label: 'x'.repeat(2 * 1024 * 1024) });
    expect([huge.statusCode, huge.json().code]).toEqual([413, 'body_too_large']);
    const notJson = await c.request('POST', '/api/devices', '{"clientId":', { 'content-type': 'application/json' });
    expect([notJson.statusCode, notJson.json().code]).toEqual([400, 'bad_request']);
    expect(await count()).toBe(before);
  });

  it('refuses every role an action it lacks', async () => {
    for (const email of ['desk@lumen.test', 'tech@brightline.test', 'desk@brightline.test']) {
      const c = new Client(t.app);
      await c.signInTo(email);
      const res = await c.get('/api/devices');
      expect([email, res.statusCode, res.json().code]).toEqual([email, 403, 'forbidden']);
    }
    for (const email of ['owner@lumen.test', 'manager@lumen.test', 'owner@brightline.test']) {
      const c = new Client(t.app);
      await c.signInTo(email);
      expect((await c.get('/api/devices')).statusCode).toBe(200);
    }
  });
});

/** `GET /api/availability/explain`: the engine's explanation over the server's rows, optionally persisted. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { Client, createTestApp, type TestApp } from '../test/app';

let t: TestApp;
let version: string;
let foreignVersion: string;
let desk: Client;

beforeAll(async () => {
  t = await createTestApp();
  const one = async (sql: string) => (await t.db.pool.query(sql)).rows[0].id as string;
  version = await one(
    "SELECT v.id FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Private session'",
  );
  foreignVersion = await one(
    "SELECT v.id FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Boiler service'",
  );
  desk = new Client(t.app);
  await desk.signInTo('desk@lumen.test');
});
afterAll(async () => {
  await t?.close();
});

function soon(days: number, hourUtc: number) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
}

const url = (v: string, at: string, extra = '') =>
  `/api/availability/explain?offerVersionId=${v}&at=${encodeURIComponent(at)}${extra}`;

describe('GET /api/availability/explain', () => {
  it('explains an open time and a closed one (night), and persists a resolution run on request', async () => {
    const open = (await desk.get(url(version, soon(9, 18)))).json();
    expect(open.explanation).toMatchObject({ available: true, at: soon(9, 18) });
    expect(open.runId).toBeNull();

    const night = await desk.get(url(version, soon(9, 7), '&persist=1'));
    expect(night.statusCode).toBe(200);
    const body = night.json();
    expect(body.explanation.available).toBe(false);
    expect(body.explanation.reasons.some((r: { code: string; blocking: boolean }) => r.blocking)).toBe(true);
    expect(body.runId).toMatch(/^\w+_/);
    const run = await t.db.pool.query(
      'SELECT status, calendar_id, decision_trace, window_start_at, runtime_ms FROM availability_resolution_runs WHERE id = $1',
      [body.runId],
    );
    expect(run.rows[0]).toMatchObject({ status: 'unavailable', calendar_id: body.explanation.calendarId });
    expect(run.rows[0].window_start_at.toISOString()).toBe(soon(9, 7));
    expect(run.rows[0].decision_trace).toEqual(body.explanation.reasons);
    expect(run.rows[0].runtime_ms).toBeGreaterThanOrEqual(0);
  });

  it('answers another biz’s offer exactly like a missing one, and refuses bad input and roles', async () => {
    const foreign = await desk.get(url(foreignVersion, soon(9, 18), '&persist=1'));
    const missing = await desk.get(url(newId('offer_versions'), soon(9, 18), '&persist=1'));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    const runs = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM availability_resolution_runs r JOIN bizes b ON b.id = r.biz_id WHERE b.slug = $1',
      ['brightline-hvac'],
    );
    expect(runs.rows[0].n).toBe(0);
    expect((await desk.get(url(version, 'tomorrow'))).json().code).toBe('validation_failed');
    expect((await desk.get(`/api/availability/explain?offerVersionId=${version}`)).json().code).toBe(
      'validation_failed',
    );
    const tech = new Client(t.app);
    await tech.signInTo('tech@brightline.test');
    expect((await tech.get(url(foreignVersion, soon(9, 18)))).statusCode).toBe(403);
  });
});

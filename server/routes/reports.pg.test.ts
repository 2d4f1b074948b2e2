/**
 * `GET /api/reports/dashboard`: who may ask, what it validates, tenancy (another biz's venue = missing),
 * and the field-job figures following a technician's work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { dashboardCsv, lastDays } from '../../shared/reports/dashboard';
import { Client, createTestApp, type TestApp } from '../test/app';
import { finishJob, nextUntouchedJob, techDevice } from '../test/field-job';

let t: TestApp;
let manager: Client;
let lumen: string;
let brightline: string;

beforeAll(async () => {
  t = await createTestApp();
  manager = new Client(t.app);
  lumen = await manager.signInTo('manager@lumen.test');
  brightline = (await t.db.pool.query("SELECT id FROM bizes WHERE slug = 'brightline-hvac'")).rows[0].id;
});
afterAll(async () => {
  await t?.close();
});

const url = (q: Record<string, string>) => `/api/reports/dashboard?${new URLSearchParams(q)}`;

describe('GET /api/reports/dashboard', () => {
  it('answers a manager with zero-filled days and the figures of the range', async () => {
    const res = await manager.get(url({ from: '2020-01-01', to: '2020-01-03' }));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.days.map((d: { day: string }) => d.day)).toEqual(['2020-01-01', '2020-01-02', '2020-01-03']);
    expect(body.totals).toMatchObject({ bookings: 0, noShowRatePct: null, conflictsResolved: 0 });
    expect(body.range.timeZone).toBe('America/New_York');
    expect(body.range.start).toBe('2020-01-01T05:00:00.000Z');
  });

  it('refuses roles without reports and signed-out callers', async () => {
    const desk = new Client(t.app);
    await desk.signInTo('desk@lumen.test');
    const res = await desk.get(url({ from: '2020-01-01', to: '2020-01-02' }));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    const anon = await new Client(t.app).get(url({ from: '2020-01-01', to: '2020-01-02' }));
    expect(anon.statusCode).toBe(401);
  });

  it('validates the range and the venue id', async () => {
    const cases: Record<string, string>[] = [
      { from: '2020-01-05', to: '2020-01-01' },
      { from: '2020-13-01', to: '2020-12-01' },
      { from: '2020-01-01', to: '2022-01-01' },
      { from: '2020-01-01' },
      { from: '2020-01-01', to: '2020-01-02', locationId: 'not-an-id' },
      { from: '2020-01-01', to: '2020-01-02', extra: '1' },
    ];
    for (const q of cases) {
      const res = await manager.get(url(q));
      expect(res.statusCode, JSON.stringify(q)).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
  });

  it("answers another biz's venue exactly like a missing one", async () => {
    const other = (await t.db.pool.query('SELECT id FROM locations WHERE biz_id = $1 LIMIT 1', [brightline])).rows[0]
      .id;
    const foreign = await manager.get(url({ from: '2020-01-01', to: '2020-01-02', locationId: other }));
    const missing = await manager.get(url({ from: '2020-01-01', to: '2020-01-02', locationId: newId('locations') }));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    const own = (await t.db.pool.query('SELECT id FROM locations WHERE biz_id = $1 LIMIT 1', [lumen])).rows[0].id;
    expect((await manager.get(url({ from: '2020-01-01', to: '2020-01-02', locationId: own }))).statusCode).toBe(200);
  });
});

describe('field jobs on the dashboard', () => {
  it('count a job the technician completes, its time on the clock and its photo, for the owner', async () => {
    const owner = new Client(t.app);
    await owner.signInTo('owner@brightline.test');
    const range = lastDays('Europe/London', 14);
    const report = async (q: Record<string, string> = {}) => {
      const res = await owner.get(url({ ...range, ...q }));
      expect(res.statusCode, res.body).toBe(200);
      return res.json().totals;
    };
    const before = await report();
    // The seeded history: completed jobs, none timed on the clock, no photos yet.
    expect(before.jobsCompleted).toBeGreaterThan(5);
    expect(before).toMatchObject({ avgTimeOnJobMin: null, timedJobs: 0, photosUploaded: 0 });

    const tech = await techDevice(t);
    const unit = await nextUntouchedJob(t, tech);
    await finishJob(t, tech, unit, new Date(Date.now() - 60_000), 45);
    const after = await report();
    expect(after).toMatchObject({
      jobsCompleted: before.jobsCompleted + 1,
      avgTimeOnJobMin: 45,
      timedJobs: 1,
      photosUploaded: 1,
    });
    const csv = dashboardCsv((await owner.get(url(range))).json());
    expect(csv.trim().split('\n').at(-1)?.split(',').slice(-5)).toEqual([
      String(after.jobsCompleted),
      String(after.jobsInProgress),
      '45',
      '1',
      '1',
    ]);

    // Per venue: the depot has them all; the Lumen manager sees none of Brightline's.
    const depot = (await t.db.pool.query('SELECT id FROM locations WHERE biz_id = $1', [brightline])).rows;
    expect(depot).toHaveLength(1);
    expect(await report({ locationId: depot[0].id })).toMatchObject({
      jobsCompleted: after.jobsCompleted,
      photosUploaded: 1,
    });
    const theirs = (await manager.get(url(range))).json().totals;
    expect(theirs).toMatchObject({ jobsCompleted: 0, jobsInProgress: 0, photosUploaded: 0 });
  });
});

/**
 * The dashboard's figures computed on a manager's device (real PGlite synced through the real shape
 * service and overlay views) equal the server's `GET /api/reports/dashboard`, for the whole biz and
 * per venue, including a conflict resolved and a booking made after the first sync, and (Brightline's
 * owner) a field job a technician completes with clock time and a photo after the first sync.
 */
import { PGlite } from '@electric-sql/pglite';
import { electricSync } from '@electric-sql/pglite-sync';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../server/test/app';
import { finishJob, nextUntouchedJob, techDevice } from '../../../../server/test/field-job';
import { newId } from '../../../../shared/ids';
import type { SqlTx } from '../../../../shared/mutators/types';
import { type DashboardReport, dashboardParams, runDashboard } from '../../../../shared/reports/dashboard';
import { BIZ_SHAPES } from '../../../../shared/shapes';
import { LocalStore, type SyncedPGlite } from '../../db/store';

let t: TestApp;
let manager: { c: Client; store: LocalStore; bizId: string };
let desk: { c: Client; clientId: string };
let tz: string;
let seq = 0;

async function signedDevice(email: string) {
  const c = new Client(t.app);
  const bizId = await c.signInTo(email);
  const clientId = newId('devices');
  await c.post('/api/devices', { clientId });
  return { c, bizId, clientId };
}

/** A manager-level device with the biz's shapes synced into a real PGlite, through the real shape service. */
async function syncedDevice(email: string) {
  const m = await signedDevice(email);
  const me = (await m.c.get('/api/me')).json();
  const fetchThrough: typeof fetch = async (input, init) => {
    if (init?.method === 'POST') {
      const res = await m.c.post(new URL(String(input)).pathname, JSON.parse(String(init.body)));
      return new Response(res.body, { status: res.statusCode, headers: res.headers as Record<string, string> });
    }
    return m.c.fetch(input, init);
  };
  const pg = (await PGlite.create('memory://', { extensions: { sync: electricSync() } })) as unknown as SyncedPGlite;
  const store = new LocalStore({
    pg,
    actor: { userId: me.user.id, bizId: m.bizId, memberId: '', role: me.role, deviceId: m.clientId },
    baseUrl: 'http://localhost',
    fetch: fetchThrough,
    shapes: BIZ_SHAPES,
    multiplex: true,
  });
  await store.init();
  await store.startSync();
  for (let i = 0; !store.state.initialSyncDone; i++) {
    if (i > 600) throw new Error('initial sync did not finish');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { c: m.c, store, bizId: m.bizId };
}

beforeAll(async () => {
  t = await createTestApp({ demo: true, shapeLongPollMs: 300 });
  desk = await signedDevice('desk@lumen.test');
  manager = await syncedDevice('manager@lumen.test');
  tz = (await t.db.pool.query('SELECT timezone FROM bizes WHERE id = $1', [manager.bizId])).rows[0].timezone;
});
afterAll(async () => {
  manager?.store.stop();
  await manager?.store.pg.close();
  await t?.close();
});

async function commit(name: string, args: unknown) {
  const res = (
    await desk.c.post('/api/commits', { clientId: desk.clientId, mutations: [{ id: ++seq, name, args }] })
  ).json().results[0];
  return { ...(res as { status: string; error?: { code: string } }), mutationId: seq };
}

const range = (fromDays: number, toDays: number) => {
  const today = Temporal.Now.plainDateISO(tz);
  return { from: today.add({ days: fromDays }).toString(), to: today.add({ days: toDays }).toString() };
};

async function server(q: Record<string, string>, who = manager): Promise<DashboardReport> {
  const res = await who.c.get(`/api/reports/dashboard?${new URLSearchParams(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function device(
  q: { from: string; to: string; locationId?: string },
  who = manager,
  timeZone = tz,
): Promise<DashboardReport> {
  // Through JSON like the server's answer, so Dates and numbers compare as the wire shows them.
  const report = await runDashboard(who.store.pg as unknown as SqlTx, dashboardParams(who.bizId, timeZone, q));
  return JSON.parse(JSON.stringify(report));
}

describe('dashboard figures: device = server', () => {
  it('are equal for the whole biz, per venue and after new activity, and are not trivially empty', async () => {
    // Activity after the first sync: a checked-in booking, a rejected duplicate resolved by the desk.
    const { rows } = await t.db.pool.query(
      `SELECT id FROM booking_orders WHERE biz_id = $1 AND status = 'confirmed' AND confirmed_start_at > now()
       ORDER BY confirmed_start_at, id LIMIT 1`,
      [manager.bizId],
    );
    const checkIn = () =>
      commit('bookings.checkIn', { id: rows[0].id, checkpointId: newId('fulfillment_checkpoints'), method: 'button' });
    expect((await checkIn()).status).toBe('applied');
    const dup = await checkIn();
    expect(dup.error?.code).toBe('already_checked_in');
    expect(
      (await commit('conflicts.resolve', { mutationId: dup.mutationId, action: 'discard', reason: 'Duplicate' }))
        .status,
    ).toBe('applied');
    // The manager's device receives the resolution (its audit shape is pinned to conflicts.resolve).
    await expect
      .poll(
        async () =>
          (await manager.store.pg.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0]!.n,
        { timeout: 20_000 },
      )
      .toBe(1);
    await expect
      .poll(
        async () =>
          (
            await manager.store.pg.query<{ status: string }>('SELECT status FROM booking_orders WHERE id = $1', [
              rows[0].id,
            ])
          ).rows[0]?.status,
        { timeout: 20_000 },
      )
      .toBe('checked_in');

    const all = range(-14, 14);
    const s = await server(all);
    expect(s.totals.bookings).toBeGreaterThan(100);
    expect(s.totals.checkedIn).toBeGreaterThan(10);
    expect(s.totals.noShowRatePct).not.toBeNull();
    expect(s.totals.conflictsResolved).toBe(1);
    expect(s.conflicts).toEqual([{ action: 'discard', resolved: 1 }]);
    expect(s.revenue.length).toBeGreaterThan(0);
    expect(s.queues.length).toBeGreaterThan(0);
    expect(s.days).toHaveLength(29);
    const studio = s.utilization.find((u) => u.openMin !== null && u.bookedMin > 0);
    expect(studio?.pct).toBeGreaterThan(0);
    expect(await device(all)).toEqual(s);

    const venues = await t.db.pool.query('SELECT id FROM locations WHERE biz_id = $1 ORDER BY name', [manager.bizId]);
    expect(venues.rows.length).toBe(2);
    for (const v of venues.rows) {
      const q = { ...range(-7, 0), locationId: v.id as string };
      const sv = await server(q);
      expect(sv.totals.bookings).toBeGreaterThan(0);
      expect(sv.totals.bookings).toBeLessThan(s.totals.bookings);
      expect(await device(q)).toEqual(sv);
    }
    // A single day in the future: bookings but no outcomes yet.
    const tomorrow = range(1, 1);
    const st = await server(tomorrow);
    expect(st.totals.noShowRatePct).toBeNull();
    expect(await device(tomorrow)).toEqual(st);
  });
});

describe('field jobs: device = server', () => {
  it('are equal after a technician completes a job with clock time and a photo', async () => {
    const owner = await syncedDevice('owner@brightline.test');
    try {
      const ownerTz = (await t.db.pool.query('SELECT timezone FROM bizes WHERE id = $1', [owner.bizId])).rows[0]
        .timezone as string;
      const today = Temporal.Now.plainDateISO(ownerTz);
      const q = { from: today.subtract({ days: 13 }).toString(), to: today.toString() };
      const before = await server(q, owner);
      expect(await device(q, owner, ownerTz)).toEqual(before);
      // The photos shape carries metadata only: the image stays on the server.
      const cols = await owner.store.pg.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'fulfillment_photos_synced'`,
      );
      expect(cols.rows.map((c) => c.column_name)).not.toContain('data');

      const tech = await techDevice(t);
      const unit = await nextUntouchedJob(t, tech);
      await finishJob(t, tech, unit, new Date(Date.now() - 60_000), 30);
      await expect
        .poll(
          async () =>
            (
              await owner.store.pg.query<{ n: number }>(
                `SELECT (SELECT count(*) FROM fulfillment_units WHERE id = $1 AND status = 'completed')::int
                      + (SELECT count(*) FROM fulfillment_photos WHERE fulfillment_unit_id = $1)::int AS n`,
                [unit],
              )
            ).rows[0]!.n,
          { timeout: 20_000 },
        )
        .toBe(2);
      const after = await server(q, owner);
      expect(after.totals).toMatchObject({
        jobsCompleted: before.totals.jobsCompleted + 1,
        avgTimeOnJobMin: 30,
        timedJobs: 1,
        photosUploaded: before.totals.photosUploaded + 1,
      });
      expect(after.days.reduce((n, d) => n + d.jobsCompleted, 0)).toBe(after.totals.jobsCompleted);
      expect(await device(q, owner, ownerTz)).toEqual(after);
      const depot = (await t.db.pool.query('SELECT id FROM locations WHERE biz_id = $1', [owner.bizId])).rows[0].id;
      const perVenue = { ...q, locationId: depot as string };
      expect(await device(perVenue, owner, ownerTz)).toEqual(await server(perVenue, owner));
    } finally {
      owner.store.stop();
      await owner.store.pg.close();
    }
  });
});

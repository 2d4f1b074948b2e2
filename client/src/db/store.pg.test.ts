/**
 * The local-first store end to end in Node: real PGlite (with pglite-sync) on each "device", the
 * real server (embedded Postgres, shape service, commit endpoint) reached through app.inject.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../server/test/app';
import { newId } from '../../../shared/ids';
import { device, untilSynced } from './test-device';

let t: TestApp;
let fx: { version: string; room: string };
const dirs: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ demo: true, shapeLongPollMs: 300 });
  const one = async (sql: string) => (await t.db.pool.query(sql)).rows[0].id as string;
  fx = {
    version: await one(
      "SELECT v.id FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Private session'",
    ),
    room: await one("SELECT id FROM resources WHERE name = 'Private Room'"),
  };
});
afterAll(async () => {
  await t?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function bookingArgs(startsAt: string) {
  return {
    id: newId('booking_orders'),
    bookingCode: `OF-${Math.random().toString(36).slice(2, 7).toUpperCase()}`,
    offerVersionId: fx.version,
    startsAt,
    lineId: newId('booking_order_lines'),
    unitId: newId('fulfillment_units'),
    resources: [{ resourceId: fx.room, role: 'room', assignmentId: newId('fulfillment_assignments') }],
    customerName: 'Offline Walk-in',
  };
}

describe('local-first store', () => {
  it('syncs the biz, books offline, survives a restart, and applies once when back online', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pglite-'));
    dirs.push(dir);
    const a = await device(t, 'desk@lumen.test', { dataDir: dir });
    await untilSynced(a.store);
    const serverCount = (
      await t.db.pool.query('SELECT count(*)::int AS n FROM booking_orders WHERE biz_id = $1', [a.bizId])
    ).rows[0].n;
    const local = await a.store.pg.query<{ n: number }>('SELECT count(*)::int AS n FROM booking_orders');
    expect(local.rows[0]!.n).toBe(serverCount);

    a.net.up = false;
    a.store.setOnline(false); // the browser's `offline` event
    const args = bookingArgs('2033-05-05T14:00:00Z');
    await a.store.mutate('bookings.create', args);
    const seen = await a.store.pg.query('SELECT customer_name FROM booking_orders WHERE id = $1', [args.id]);
    expect(seen.rows).toEqual([{ customer_name: 'Offline Walk-in' }]);
    expect(a.store.state.pending).toBe(1);

    // "Reload": close the database and open it again from disk, still offline.
    a.store.stop();
    await a.store.pg.close();
    const reopened = await a.open({ dataDir: dir });
    expect(reopened.state.pending).toBe(1);
    expect((await reopened.pg.query('SELECT 1 FROM booking_orders WHERE id = $1', [args.id])).rows).toHaveLength(1);

    a.net.up = true;
    await reopened.startSync();
    await reopened.push();
    const rows = await t.db.pool.query('SELECT count(*)::int AS n FROM booking_orders WHERE id = $1', [args.id]);
    expect(rows.rows[0].n).toBe(1);
    const audit = await t.db.pool.query(
      "SELECT offline FROM audit_events WHERE device_id = $1 AND mutation_name = 'bookings.create'",
      [a.clientId],
    );
    expect(audit.rows).toEqual([{ offline: true }]);

    // The txid arrives through sync; the overlay row is dropped and the synced row takes over.
    await expect
      .poll(async () => (await reopened.pg.query('SELECT status FROM outbox')).rows, { timeout: 15_000 })
      .toEqual([{ status: 'confirmed' }]);
    const overlay = await reopened.pg.query('SELECT count(*)::int AS n FROM booking_orders_local');
    expect(overlay.rows[0]).toEqual({ n: 0 });
    expect((await reopened.pg.query('SELECT 1 FROM booking_orders_synced WHERE id = $1', [args.id])).rows).toHaveLength(
      1,
    );

    // A second device sees it.
    const b = await device(t, 'manager@lumen.test');
    await untilSynced(b.store);
    expect((await b.store.pg.query('SELECT 1 FROM booking_orders WHERE id = $1', [args.id])).rows).toHaveLength(1);
    reopened.stop();
    b.store.stop();
  });

  it('keeps a rejected booking in the inbox, rejects its dependant, and applies everything else', async () => {
    const a = await device(t, 'desk@lumen.test');
    const b = await device(t, 'desk@lumen.test');
    await Promise.all([untilSynced(a.store), untilSynced(b.store)]);
    a.net.up = false;
    b.net.up = false;
    const contested = '2033-06-06T15:00:00Z';
    const mine = bookingArgs(contested);
    await a.store.mutate('bookings.create', mine);
    await a.store.mutate('bookings.checkIn', { id: mine.id, checkpointId: newId('fulfillment_checkpoints') });
    const other = bookingArgs('2033-06-06T18:00:00Z');
    await a.store.mutate('bookings.create', other);
    const winner = bookingArgs(contested);
    await b.store.mutate('bookings.create', winner);

    // Device B reaches the server first and wins the slot.
    b.net.up = true;
    await b.store.push();
    a.net.up = true;
    await a.store.push();

    const inbox = await a.store.inbox();
    expect(inbox.map((r) => [r.name, r.error?.code])).toEqual([
      ['bookings.create', 'slot_unavailable'],
      ['bookings.checkIn', 'depends_on_rejected'],
    ]);
    expect(a.store.state.rejected).toBe(2);
    expect((await t.db.pool.query('SELECT 1 FROM booking_orders WHERE id = $1', [other.id])).rows).toHaveLength(1);
    // The loser is gone from the local view (the overlay was rebuilt without it).
    expect((await a.store.pg.query('SELECT 1 FROM booking_orders WHERE id = $1', [mine.id])).rows).toHaveLength(0);
    await a.store.resolve(inbox[0]!.mutation_id, { action: 'discard', reason: 'Customer took another time' });
    expect(a.store.state.rejected).toBe(1);
    // The decision itself reaches the server's audit trail.
    await a.store.push();
    const decision = await t.db.pool.query(
      "SELECT outcome, after FROM audit_events WHERE device_id = $1 AND mutation_name = 'conflicts.resolve'",
      [a.clientId],
    );
    expect(decision.rows).toHaveLength(1);
    expect(decision.rows[0].outcome).toBe('applied');
    expect(decision.rows[0].after.args.reason).toBe('Customer took another time');

    // A manager gives the contested slot to A's customer after all: B's desk sees it in its inbox.
    const rejectedDetails = inbox[0]!.error?.details as { conflictingBookingIds?: string[] };
    expect(rejectedDetails.conflictingBookingIds).toEqual([winner.id]);
    const manager = new Client(t.app);
    await manager.signInTo('manager@lumen.test');
    const managerDevice = newId('devices');
    await manager.post('/api/devices', { clientId: managerDevice });
    const takeOver = await manager.post('/api/commits', {
      clientId: managerDevice,
      mutations: [
        {
          id: 1,
          name: 'bookings.takeOver',
          args: { winnerBookingId: winner.id, reason: 'Long-standing client', booking: bookingArgs(contested) },
        },
      ],
    });
    expect(takeOver.json().results[0].status).toBe('applied');
    await expect
      .poll(async () => (await b.store.takenOver()).map((r) => r.cancel_reason), { timeout: 15_000 })
      .toEqual(['Taken over: Long-standing client']);
    const desk = await device(t, 'desk@lumen.test');
    const refused = await desk.c.post('/api/commits', {
      clientId: desk.clientId,
      mutations: [
        {
          id: 1,
          name: 'bookings.takeOver',
          args: { winnerBookingId: winner.id, reason: 'x', booking: bookingArgs(contested) },
        },
      ],
    });
    expect(refused.json().results[0].error.code).toBe('forbidden');
    desk.store.stop();
    a.store.stop();
    b.store.stop();
  });
});

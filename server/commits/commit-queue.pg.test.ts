/**
 * Group commit across devices on real Postgres: pushes that wait are applied together, and each
 * device is answered, recorded and audited exactly as if it had pushed alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { MutatorActor } from '../../shared/mutators/types';
import { Client, createTestApp, type TestApp } from '../test/app';
import { type PrivateSession, privateBooking, privateSession, registeredDevice } from '../test/bookings';
import { LOCK_STREAMS_CTE, lockStreamsParams, verifyStream } from './audit';
import { CommitQueue } from './commit-queue';
import { applyBatch, type IncomingMutation } from './runner';

let t: TestApp;
let fx: PrivateSession;

beforeAll(async () => {
  t = await createTestApp();
  fx = await privateSession(t.db.pool);
});
afterAll(async () => {
  await t?.close();
});

/** A registered device of the desk user, as the actor the commit route would build. */
async function deviceActor(): Promise<MutatorActor> {
  const { clientId } = await registeredDevice(t, 'desk@lumen.test');
  const { rows } = await t.db.pool.query(
    `SELECT m.id, m.role, m.user_id, m.biz_id FROM devices d JOIN members m ON m.id = d.member_id WHERE d.id = $1`,
    [clientId],
  );
  const m = rows[0];
  return { userId: m.user_id, bizId: m.biz_id, memberId: m.id, role: m.role, deviceId: clientId };
}

let slot = 0;
/** A far-future 3-hour step per booking, so no two bookings of this file touch. */
const nextSlot = () => new Date(Date.UTC(2033, 0, 1) + slot++ * 3 * 3_600_000).toISOString();

function booking(id: number, startsAt = nextSlot()): IncomingMutation {
  return { id, name: 'bookings.create', args: privateBooking(fx, startsAt, { customerName: 'Queue Customer' }) };
}

async function streamOf(deviceId: string) {
  const { rows } = await t.db.pool.query('SELECT id FROM audit_streams WHERE stream_key = $1', [`device:${deviceId}`]);
  return verifyStream(t.db.pool, rows[0].id);
}

/**
 * One transaction at a time: the first push runs alone at once, everything pushed meanwhile waits and
 * is grouped when it finishes.
 */
const queue = () => new CommitQueue({ pool: t.db.pool }, 1);

describe('CommitQueue', () => {
  it('applies waiting pushes of several devices together, each answered and audited as if alone', async () => {
    const q = queue();
    const devices = await Promise.all(Array.from({ length: 8 }, deviceActor));
    const pushes = devices.map(() => [booking(1), booking(2)]);
    const answers = await Promise.all(devices.map((d, i) => q.push(d, pushes[i]!)));

    for (const [i, a] of answers.entries()) {
      expect(a.incomplete).toBe(false);
      expect(a.results.map((r) => [r.id, r.status])).toEqual([
        [1, 'applied'],
        [2, 'applied'],
      ]);
      expect(await streamOf(devices[i]!.deviceId)).toEqual({ checked: 2, brokenAt: null });
    }
    // The first push ran alone; the seven that waited behind it (14 mutations) shared one transaction.
    const txids = new Set(answers.flatMap((a) => a.results.map((r) => r.txid)));
    expect(txids.size).toBe(2);
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM client_mutations WHERE client_id = ANY($1)',
      [devices.map((d) => d.deviceId)],
    );
    expect(rows[0].n).toBe(16);

    // Retried as a group again, every push gets its stored outcome and nothing is applied twice.
    const again = await Promise.all(devices.map((d, i) => q.push(d, pushes[i]!)));
    expect(again).toEqual(answers);
    const booked = await t.db.pool.query('SELECT count(*)::int AS n FROM booking_orders WHERE id = ANY($1)', [
      pushes.flat().map((m) => (m.args as { id: string }).id),
    ]);
    expect(booked.rows[0].n).toBe(16);
  });

  it('rejects only the refused mutation of a grouped run; the ones after it, of every device, apply', async () => {
    const q = queue();
    const devices = await Promise.all(Array.from({ length: 5 }, deviceActor));
    const taken = nextSlot();
    const first = await q.push(devices[0]!, [booking(1, taken)]);
    expect(first.results[0]?.status).toBe('applied');

    const blocker = q.push(devices[0]!, [booking(2)]);
    // Device 2 asks for the taken slot in the middle of its push; all four wait behind the blocker.
    const later = devices
      .slice(1)
      .map((d, i) => q.push(d, i === 1 ? [booking(1), booking(2, taken), booking(3)] : [booking(1)]));
    expect((await blocker).results[0]?.status).toBe('applied');
    const answers = await Promise.all(later);

    expect(answers.map((a) => a.results.map((r) => r.status))).toEqual([
      ['applied'],
      ['applied', 'rejected', 'applied'],
      ['applied'],
      ['applied'],
    ]);
    expect(answers[1]!.results[1]?.error?.code).toBe('slot_unavailable');
    for (const d of devices.slice(1)) expect((await streamOf(d.deviceId)).brokenAt).toBeNull();
    expect(await streamOf(devices[2]!.deviceId)).toEqual({ checked: 3, brokenAt: null });
  });

  it('refuses a revoked device’s push alone; the devices grouped with it still commit', async () => {
    const q = queue();
    const [manager, ...devices] = await Promise.all(Array.from({ length: 4 }, deviceActor));
    const revoker = new Client(t.app);
    await revoker.signInTo('manager@lumen.test');
    await revoker.post(`/api/devices/${devices[1]!.deviceId}/revoke`);

    const blocker = q.push(manager!, [booking(1)]);
    const pushes = devices.map((d) => q.push(d, [booking(1)]).catch((err: unknown) => err));
    await blocker;
    const [a, refused, c] = await Promise.all(pushes);

    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('device_revoked');
    expect([a, c].map((x) => (x as { results: { status: string }[] }).results[0]?.status)).toEqual([
      'applied',
      'applied',
    ]);
    const { rows } = await t.db.pool.query('SELECT count(*)::int AS n FROM client_mutations WHERE client_id = $1', [
      devices[1]!.deviceId,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('turns pushes away with `unavailable` while too much already waits, and applies what it took', async () => {
    const q = new CommitQueue({ pool: t.db.pool }, 1, 3);
    const devices = await Promise.all(Array.from({ length: 4 }, deviceActor));
    const blocker = q.push(devices[0]!, [booking(1)]);
    const taken = [q.push(devices[1]!, [booking(1), booking(2)]), q.push(devices[2]!, [booking(1)])];
    const refused = await q.push(devices[3]!, [booking(1)]).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect([(refused as AppError).code, (refused as AppError).status]).toEqual(['unavailable', 503]);
    for (const a of [await blocker, ...(await Promise.all(taken))]) {
      expect(a.results.every((r) => r.status === 'applied')).toBe(true);
    }
    // Once the queue has drained, the refused device's retry goes through.
    expect((await q.push(devices[3]!, [booking(1)])).results[0]?.status).toBe('applied');
  });
  it('a device stream created by another transaction while the push waited on it is found and chained', async () => {
    const device = await deviceActor();
    // Another transaction creates the device's stream first and keeps it until it commits.
    const other = await t.db.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `WITH ${LOCK_STREAMS_CTE} SELECT id FROM stream`,
        lockStreamsParams([{ bizId: device.bizId, streamKey: `device:${device.deviceId}` }]),
      );
      const push = applyBatch({ pool: t.db.pool }, device, [booking(1)]);
      await new Promise((r) => setTimeout(r, 200)); // the push is now waiting on that new row
      await other.query('COMMIT');
      const answer = await push;
      expect(answer.results.map((r) => r.status)).toEqual(['applied']);
    } finally {
      other.release();
    }
    expect(await streamOf(device.deviceId)).toEqual({ checked: 1, brokenAt: null });
  });
});

/** The write path on real Postgres: idempotency, ordering, rejections that never block, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { Client, createTestApp, type TestApp } from '../test/app';
import { type PrivateSession, privateBooking, privateSession, registeredDevice } from '../test/bookings';
import { verifyStream } from './audit';

let t: TestApp;
let fx: PrivateSession & { classVersion: string; studio: string; foreignVersion: string };

beforeAll(async () => {
  t = await createTestApp();
  const one = async (sql: string) => (await t.db.pool.query(sql)).rows[0].id as string;
  fx = {
    ...(await privateSession(t.db.pool)),
    classVersion: await one(
      "SELECT v.id FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Yin Yoga drop-in'",
    ),
    studio: await one("SELECT id FROM resources WHERE name = 'Studio B'"),
    foreignVersion: await one(
      "SELECT v.id FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Boiler service'",
    ),
  };
});
afterAll(async () => {
  await t?.close();
});

const device = (email: string) => registeredDevice(t, email);

/** Within the booking horizon (so alternatives exist), at an hour the demo never books (13:00 New York). */
function soon(days: number) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(18, 0, 0, 0);
  return d.toISOString();
}

/** A far-future day so demo bookings never collide; `slot` picks the hour. */
function at(dayOffset: number, hour: number) {
  return new Date(Date.UTC(2031, 0, 1 + dayOffset, hour, 0, 0)).toISOString();
}

const booking = (startsAt: string, opts: Parameters<typeof privateBooking>[2] = {}) =>
  privateBooking(fx, startsAt, opts);

describe('POST /api/commits', () => {
  it('applies a booking once, returns its txid, and answers a retry with the stored outcome', async () => {
    const { c, clientId } = await device('desk@lumen.test');
    const args = booking(at(0, 14));
    const body = {
      clientId,
      mutations: [{ id: 1, name: 'bookings.create', args, deviceTime: new Date().toISOString() }],
    };
    const first = (await c.post('/api/commits', body)).json();
    expect(first.results[0]).toMatchObject({ id: 1, status: 'applied', txid: expect.stringMatching(/^\d+$/) });
    const again = (await c.post('/api/commits', body)).json();
    expect(again.results[0]).toEqual(first.results[0]);
    const { rows } = await t.db.pool.query('SELECT count(*)::int AS n FROM booking_orders WHERE id = $1', [args.id]);
    expect(rows[0].n).toBe(1);
    const changed = await c.post('/api/commits', {
      clientId,
      mutations: [{ id: 1, name: 'bookings.create', args: { ...args, customerName: 'Someone else' } }],
    });
    expect(changed.json().results[0].error.code).toBe('idempotency_conflict');
  });

  it('survives a retry storm: the same batch 20 times at once applies each mutation once', async () => {
    const { c, clientId } = await device('desk@lumen.test');
    const mutations = [0, 1, 2, 3, 4].map((i) => ({
      id: i + 1,
      name: 'bookings.create',
      args: booking(at(1, 8 + i * 2)),
    }));
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => c.post('/api/commits', { clientId, mutations })),
    );
    for (const r of responses)
      expect(r.json().results.map((x: { status: string }) => x.status)).toEqual(Array(5).fill('applied'));
    const ids = mutations.map((m) => m.args.id);
    const { rows } = await t.db.pool.query('SELECT count(*)::int AS n FROM booking_orders WHERE id = ANY($1)', [ids]);
    expect(rows[0].n).toBe(5);
    const audit = await t.db.pool.query('SELECT count(*)::int AS n FROM audit_events WHERE device_id = $1', [clientId]);
    expect(audit.rows[0].n).toBe(5);
  });

  it('rejects one mutation in a queue of 100 without blocking the others, and rejects its dependants', async () => {
    const { c, clientId } = await device('desk@lumen.test');
    const taken = booking(soon(10));
    await c.post('/api/commits', { clientId, mutations: [{ id: 1, name: 'bookings.create', args: taken }] });
    const mutations = [];
    for (let i = 0; i < 99; i++) {
      const day = 3 + Math.floor(i / 8);
      mutations.push({ id: i + 2, name: 'bookings.create', args: booking(at(day, 4 + (i % 8) * 2)) });
    }
    const loser = booking(soon(10));
    mutations.splice(50, 0, { id: 1000, name: 'bookings.create', args: loser });
    mutations.push({
      id: 1001,
      name: 'bookings.checkIn',
      args: { id: loser.id, checkpointId: newId('fulfillment_checkpoints') },
      dependsOn: [1000],
    } as never);
    const res = (await c.post('/api/commits', { clientId, mutations })).json();
    const byId = new Map(res.results.map((r: { id: number }) => [r.id, r]));
    expect(res.results).toHaveLength(101);
    expect(byId.get(1000)).toMatchObject({ status: 'rejected', error: { code: 'slot_unavailable' } });
    // The rejection offers what the desk can do instead, from the availability engine.
    const alt = (byId.get(1000) as { error: { details: { alternatives: { slots: { start: string }[] } } } }).error
      .details.alternatives;
    expect(alt.slots.length).toBeGreaterThan(0);
    expect(alt.slots.every((s) => new Date(s.start).getTime() !== new Date(soon(10)).getTime())).toBe(true);
    expect(byId.get(1001)).toMatchObject({
      status: 'rejected',
      error: { code: 'depends_on_rejected', details: { dependsOn: 1000 } },
    });
    expect(res.results.filter((r: { status: string }) => r.status === 'applied')).toHaveLength(99);
    // Answers come back in the order sent, each once.
    expect(res.results.map((r: { id: number }) => r.id)).toEqual(mutations.map((m) => m.id));
    // Applied mutations share transactions in groups (one commit for many), yet each has its own
    // outcome row and its own audit event, chained without a gap.
    const txids = new Set(
      res.results.filter((r: { status: string }) => r.status === 'applied').map((r: { txid: string }) => r.txid),
    );
    expect(txids.size).toBeLessThan(20);
    const recorded = await t.db.pool.query(
      "SELECT count(*)::int AS n, count(DISTINCT txid)::int AS tx FROM client_mutations WHERE client_id = $1 AND status = 'applied'",
      [clientId],
    );
    expect(recorded.rows[0]).toEqual({ n: 100, tx: txids.size + 1 });
    const stream = await t.db.pool.query(
      'SELECT s.id, s.last_sequence, count(e.id)::int AS events FROM audit_streams s JOIN audit_events e ON e.stream_id = s.id WHERE s.stream_key = $1 GROUP BY s.id',
      [`device:${clientId}`],
    );
    expect(stream.rows[0]).toMatchObject({ events: 102 });
    expect(Number(stream.rows[0].last_sequence)).toBe(102);
    expect(await verifyStream(t.db.pool, stream.rows[0].id)).toEqual({ checked: 102, brokenAt: null });
  });

  it('refuses forged args, wrong roles and malformed values with clear codes, changing nothing and auditing it', async () => {
    const desk = await device('desk@lumen.test');
    const before = (await t.db.pool.query('SELECT count(*)::int AS n FROM booking_orders')).rows[0].n;
    const res = (
      await desk.c.post('/api/commits', {
        clientId: desk.clientId,
        mutations: [
          { id: 1, name: 'bookings.create', args: booking(at(20, 10), { version: fx.foreignVersion }) },
          { id: 2, name: 'bookings.create', args: { ...booking(at(20, 11)), startsAt: 'tomorrow' } },
          { id: 3, name: 'bookings.teleport', args: {} },
          { id: 4, name: 'bookings.create', args: { ...booking(at(20, 12)), bizId: 'biz_x' } },
        ],
      })
    ).json();
    expect(res.results.map((r: { error: { code: string } }) => r.error.code)).toEqual([
      'not_found',
      'validation_failed',
      'unknown_mutation',
      'validation_failed',
    ]);
    const tech = await device('tech@brightline.test');
    const denied = (
      await tech.c.post('/api/commits', {
        clientId: tech.clientId,
        mutations: [{ id: 1, name: 'bookings.create', args: booking(at(20, 13), { version: fx.foreignVersion }) }],
      })
    ).json();
    expect(denied.results[0].error.code).toBe('forbidden');
    expect((await t.db.pool.query('SELECT count(*)::int AS n FROM booking_orders')).rows[0].n).toBe(before);
    const audit = await t.db.pool.query(
      "SELECT error_code FROM audit_events WHERE device_id = ANY($1) AND outcome = 'rejected' ORDER BY server_time",
      [[desk.clientId, tech.clientId]],
    );
    expect(audit.rows.map((r) => r.error_code)).toEqual([
      'not_found',
      'validation_failed',
      'unknown_mutation',
      'validation_failed',
      'forbidden',
    ]);
  });

  it('refuses another device’s or a revoked device’s client id', async () => {
    const a = await device('desk@lumen.test');
    const b = await device('manager@lumen.test');
    const res = await a.c.post('/api/commits', {
      clientId: b.clientId,
      mutations: [{ id: 1, name: 'notes.add', args: {} }],
    });
    expect(res.statusCode).toBe(404);
    await b.c.post(`/api/devices/${a.clientId}/revoke`);
    const revoked = await a.c.post('/api/commits', {
      clientId: a.clientId,
      mutations: [{ id: 1, name: 'notes.add', args: {} }],
    });
    expect([revoked.statusCode, revoked.json().code]).toEqual([401, 'device_revoked']);
  });

  it('keeps an intact hash chain per device that detects tampering', async () => {
    const { c, clientId } = await device('desk@lumen.test');
    const mutations = [0, 1, 2].map((i) => ({ id: i + 1, name: 'bookings.create', args: booking(at(40, 8 + i * 2)) }));
    await c.post('/api/commits', { clientId, mutations });
    const { rows } = await t.db.pool.query('SELECT id FROM audit_streams WHERE stream_key = $1', [
      `device:${clientId}`,
    ]);
    expect(await verifyStream(t.db.pool, rows[0].id)).toEqual({ checked: 3, brokenAt: null });

    // Rewrite history behind the trigger's back (as a superuser could): the next run finds it.
    const manager = new Client(t.app);
    await manager.signInTo('manager@lumen.test');
    const clean = (await manager.post('/api/audit/verify')).json();
    expect(clean.streams.find((s: { streamId: string }) => s.streamId === rows[0].id).status).toBe('valid');
    await t.db.pool.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await t.db.pool.query("UPDATE audit_events SET error_code = 'forged' WHERE stream_id = $1 AND sequence = 2", [
      rows[0].id,
    ]);
    await t.db.pool.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    const broken = (await manager.post('/api/audit/verify')).json();
    expect(broken.streams.find((s: { streamId: string }) => s.streamId === rows[0].id)).toMatchObject({
      status: 'broken',
      brokenAtSequence: 2,
    });
    const runs = await t.db.pool.query(
      'SELECT status FROM audit_integrity_runs WHERE stream_id = $1 ORDER BY started_at',
      [rows[0].id],
    );
    expect(runs.rows.map((r) => r.status)).toEqual(['valid', 'broken']);
    expect((await c.post('/api/audit/verify')).statusCode).toBe(403);
  });
});

describe('offline tenders', () => {
  it('records split cash against a booking’s intent, refuses more than the balance, and marks it paid', async () => {
    const { c, clientId } = await device('desk@lumen.test');
    const intentId = newId('payment_intents');
    const args = { ...booking(at(70, 10)), intentId };
    const tender = (amountMinor: number) => ({
      intentId,
      tenderId: newId('payment_intent_tenders'),
      transactionId: newId('payment_transactions'),
      tenderType: 'cash',
      amountMinor,
    });
    const res = (
      await c.post('/api/commits', {
        clientId,
        mutations: [
          { id: 1, name: 'bookings.create', args },
          { id: 2, name: 'payments.recordTender', args: tender(4000), dependsOn: [1] },
          { id: 3, name: 'payments.recordTender', args: tender(6000), dependsOn: [1] },
          { id: 4, name: 'payments.recordTender', args: tender(9000), dependsOn: [1] },
        ],
      })
    ).json();
    expect(res.results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status)).toEqual([
      'applied',
      'applied',
      'validation_failed',
      'validation_failed',
    ]);
    const state = await t.db.pool.query(
      'SELECT i.amount_minor, i.amount_paid_minor, i.status, b.payment_status FROM payment_intents i JOIN booking_orders b ON b.id = i.booking_order_id WHERE i.id = $1',
      [intentId],
    );
    expect(state.rows[0]).toEqual({
      amount_minor: 9000,
      amount_paid_minor: 4000,
      status: 'partially_paid',
      payment_status: 'partial',
    });
    const rest = (
      await c.post('/api/commits', {
        clientId,
        mutations: [{ id: 5, name: 'payments.recordTender', args: tender(5000) }],
      })
    ).json();
    expect(rest.results[0].status).toBe('applied');
    const after = await t.db.pool.query('SELECT status FROM payment_intents WHERE id = $1', [intentId]);
    expect(after.rows[0].status).toBe('paid');
  });
});

describe('contention on real Postgres', () => {
  it('50 devices at one single-resource slot: exactly one booking', async () => {
    const devices = await Promise.all(Array.from({ length: 50 }, () => device('desk@lumen.test')));
    const start = at(60, 10);
    const results = await Promise.all(
      devices.map(({ c, clientId }) =>
        c.post('/api/commits', { clientId, mutations: [{ id: 1, name: 'bookings.create', args: booking(start) }] }),
      ),
    );
    const statuses = results.map((r) => r.json().results[0]);
    expect(statuses.filter((s) => s.status === 'applied')).toHaveLength(1);
    expect(statuses.filter((s) => s.error?.code === 'slot_unavailable')).toHaveLength(49);
  });

  it('50 devices at a class of capacity 8: exactly 8 seats', async () => {
    await t.db.pool.query('UPDATE offer_versions SET capacity = 8 WHERE id = $1', [fx.classVersion]);
    const devices = await Promise.all(Array.from({ length: 50 }, () => device('desk@lumen.test')));
    const start = at(61, 17);
    const results = await Promise.all(
      devices.map(({ c, clientId }) =>
        c.post('/api/commits', {
          clientId,
          mutations: [
            {
              id: 1,
              name: 'bookings.create',
              args: booking(start, { version: fx.classVersion, resources: [fx.studio, fx.instructor] }),
            },
          ],
        }),
      ),
    );
    const statuses = results.map((r) => r.json().results[0]);
    expect(statuses.filter((s) => s.status === 'applied')).toHaveLength(8);
    expect(statuses.filter((s) => s.error?.code === 'capacity_full')).toHaveLength(42);
  });
});

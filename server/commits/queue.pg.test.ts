/**
 * Walk-in queues on real Postgres through /api/commits: legal and illegal transitions with their
 * queue_events, service-time observations, two desks' offline tickets merging (server re-numbers,
 * ids stay), two desks calling the same next ticket (one wins, the other is offered the next),
 * "call next" assigning a free qualified resource from the availability engine, and predictions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeNow } from '../../shared/availability';
import { loadAvailability } from '../../shared/availability/load';
import { newId } from '../../shared/ids';
import { Client, createTestApp, type TestApp } from '../test/app';

let t: TestApp;
let bizId: string;
let locationId: string;
let room: string;
let privateVersion: string;

beforeAll(async () => {
  t = await createTestApp();
  const one = async (sql: string) => (await t.db.pool.query(sql)).rows[0].id as string;
  bizId = await one("SELECT id FROM bizes WHERE slug = 'lumen-yoga'");
  locationId = await one("SELECT id FROM locations WHERE slug = 'park-slope'");
  room = await one("SELECT id FROM resources WHERE name = 'Private Room'");
  privateVersion = await one(
    "SELECT v.id FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Private session'",
  );
});
afterAll(async () => {
  await t?.close();
});

type Result = {
  status: 'applied' | 'rejected';
  error?: { code: string; message: string; details?: Record<string, unknown> };
};

async function desk(email = 'desk@lumen.test') {
  const c = new Client(t.app);
  await c.signInTo(email);
  const clientId = newId('devices');
  await c.post('/api/devices', { clientId });
  let seq = 0;
  /** Sends a batch (as a desk does when it comes back online); returns the results in order. */
  const push = async (mutations: { name: string; args: Record<string, unknown> }[]) =>
    (
      await c.post('/api/commits', {
        clientId,
        mutations: mutations.map((m) => ({ id: ++seq, ...m, offline: true, deviceTime: new Date().toISOString() })),
      })
    ).json().results as Result[];
  const commit = async (name: string, args: Record<string, unknown>) => (await push([{ name, args }]))[0]!;
  return { clientId, push, commit };
}

async function newQueue(name: string) {
  const id = newId('queues');
  await t.db.pool.query(
    'INSERT INTO queues (id, biz_id, location_id, name, avg_service_min) VALUES ($1, $2, $3, $4, 8)',
    [id, bizId, locationId, name],
  );
  return id;
}

const DAY = '2031-03-03';
const issue = (queueId: string, ticketNumber: number | undefined, customerName: string, deviceTime?: string) => ({
  name: 'queue.issueTicket',
  args: {
    id: newId('queue_tickets'),
    queueId,
    eventId: newId('queue_events'),
    serviceDate: DAY,
    ...(ticketNumber ? { ticketNumber } : {}),
    customerName,
    ...(deviceTime ? { deviceTime } : {}),
  },
});

async function tickets(queueId: string) {
  const { rows } = await t.db.pool.query(
    `SELECT id, ticket_number, status, customer_name, assigned_resource_id FROM queue_tickets
     WHERE queue_id = $1 ORDER BY issued_at, ticket_number`,
    [queueId],
  );
  return rows;
}

describe('queue', () => {
  it('walks a ticket through every state, logging each transition, and refuses illegal ones', async () => {
    const q = await newQueue('Transitions');
    const d = await desk();
    const first = issue(q, 1, 'Ada');
    expect((await d.commit(first.name, first.args)).status).toBe('applied');
    const ticketId = first.args.id;
    const ev = () => newId('queue_events');
    // Completing a waiting ticket is not a legal move.
    const early = await d.commit('queue.complete', {
      ticketId,
      eventId: ev(),
      observationId: newId('service_time_observations'),
    });
    expect(early.error?.code).toBe('invalid_state');
    expect((await d.commit('queue.call', { ticketId, eventId: ev(), resourceId: room })).status).toBe('applied');
    expect((await d.commit('queue.call', { ticketId, eventId: ev() })).status).toBe('applied'); // recall
    expect((await d.commit('queue.startServing', { ticketId, eventId: ev() })).status).toBe('applied');
    expect((await d.commit('queue.leave', { ticketId, eventId: ev() })).error?.code).toBe('invalid_state');
    const done = await d.commit('queue.complete', {
      ticketId,
      eventId: ev(),
      observationId: newId('service_time_observations'),
    });
    expect(done.status).toBe('applied');
    expect((await d.commit('queue.call', { ticketId, eventId: ev() })).error?.code).toBe('invalid_state');
    const events = await t.db.pool.query(
      'SELECT event_type, from_status, to_status, device_id FROM queue_events WHERE ticket_id = $1 ORDER BY occurred_at, created_at',
      [ticketId],
    );
    expect(events.rows.map((e) => [e.event_type, e.from_status, e.to_status])).toEqual([
      ['issued', null, 'waiting'],
      ['called', 'waiting', 'called'],
      ['recalled', 'called', 'called'],
      ['started', 'called', 'serving'],
      ['completed', 'serving', 'done'],
    ]);
    expect(events.rows.every((e) => e.device_id === d.clientId)).toBe(true);
    const obs = await t.db.pool.query(
      'SELECT duration_sec, resource_id FROM service_time_observations WHERE ticket_id = $1',
      [ticketId],
    );
    expect(obs.rows).toHaveLength(1);
    expect(obs.rows[0].duration_sec).toBeGreaterThan(0);
    expect(obs.rows[0].resource_id).toBe(room);

    const gone = issue(q, 2, 'Bo');
    await d.commit(gone.name, gone.args);
    expect((await d.commit('queue.leave', { ticketId: gone.args.id, eventId: ev() })).status).toBe('applied');
    expect((await tickets(q)).map((r) => [r.ticket_number, r.status])).toEqual([
      [1, 'done'],
      [2, 'left'],
    ]);
  });

  it('merges two desks’ offline tickets: numbers are unique, ids are kept, arrival order holds', async () => {
    const q = await newQueue('Merge');
    const a = await desk();
    const b = await desk('manager@lumen.test');
    const t0 = Date.now() - 10 * 60_000;
    const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
    // Both desks were offline and each numbered from what it held: 1, 2 and 1, 2, 3.
    const fromA = [issue(q, 1, 'A-one', at(0)), issue(q, 2, 'A-two', at(2))];
    const fromB = [issue(q, 1, 'B-one', at(1)), issue(q, 2, 'B-two', at(3)), issue(q, 3, 'B-three', at(4))];
    expect((await a.push(fromA)).map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await b.push(fromB)).map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const rows = await tickets(q);
    expect(rows.map((r) => r.customer_name)).toEqual(['A-one', 'B-one', 'A-two', 'B-two', 'B-three']);
    expect(new Set(rows.map((r) => r.ticket_number)).size).toBe(5);
    const byName = new Map(rows.map((r) => [r.customer_name, r]));
    expect(byName.get('A-one')!.ticket_number).toBe(1);
    expect(byName.get('A-two')!.ticket_number).toBe(2);
    // B's numbers were taken by the time it pushed: each re-numbered after the highest, in B's order.
    expect(['B-one', 'B-two', 'B-three'].map((n) => byName.get(n)!.ticket_number)).toEqual([3, 4, 5]);
    for (const m of [...fromA, ...fromB]) expect(byName.get(m.args.customerName)!.id).toBe(m.args.id);
    const renumbered = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM queue_tickets WHERE queue_id = $1 AND metadata ? 'proposedNumber'",
      [q],
    );
    expect(renumbered.rows[0].n).toBe(3);
  });

  it('two desks offline call the same next ticket: one wins, the other is told and offered the following', async () => {
    const q = await newQueue('Call race');
    const a = await desk();
    const b = await desk('manager@lumen.test');
    const issued = [issue(q, 1, 'First'), issue(q, 2, 'Second')];
    await a.push(issued);
    const head = issued[0]!.args.id;
    const call = (d: typeof a) =>
      d.commit('queue.callNext', { queueId: q, serviceDate: DAY, ticketId: head, eventId: newId('queue_events') });
    const [ra, rb] = await Promise.all([call(a), call(b)]);
    expect([ra.status, rb.status].sort()).toEqual(['applied', 'rejected']);
    const lost = ra.status === 'rejected' ? ra : rb;
    expect(lost.error?.code).toBe('invalid_state');
    expect(lost.error?.details).toMatchObject({
      ticketId: head,
      status: 'called',
      next: { ticketId: issued[1]!.args.id, ticketNumber: 2, customerName: 'Second' },
    });
    expect(lost.error?.message).toContain('Next is 2');
    const calls = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM queue_events WHERE ticket_id = $1 AND event_type = 'called'",
      [head],
    );
    expect(calls.rows[0].n).toBe(1);
    // Taking the offer: the losing desk calls the following ticket.
    const loser = ra.status === 'rejected' ? a : b;
    const retry = await loser.commit('queue.callNext', {
      queueId: q,
      serviceDate: DAY,
      ticketId: issued[1]!.args.id,
      eventId: newId('queue_events'),
    });
    expect(retry.status).toBe('applied');
    const none = await loser.commit('queue.callNext', { queueId: q, serviceDate: DAY, eventId: newId('queue_events') });
    expect(none.error?.code).toBe('invalid_state');
  });

  it('call next picks the oldest waiting ticket and the first free qualified resource from the engine', async () => {
    const q = await newQueue('Call next');
    const d = await desk();
    const issued = [issue(q, undefined, 'Early'), issue(q, undefined, 'Later')];
    await d.push(issued);
    const client = await t.db.pool.connect();
    let expected: string | null;
    try {
      const now = new Date();
      const data = await loadAvailability(client, bizId, privateVersion, {
        start: new Date(now.getTime() - 86_400_000),
        end: new Date(now.getTime() + 86_400_000),
      });
      const free = freeNow({ ...data!, now }, now, 0, { durationMin: 1 });
      expected = free.find((r) => r.componentIds.length > 0 && r.freeFromMs <= now.getTime())?.resourceId ?? null;
    } finally {
      client.release();
    }
    const r = await d.commit('queue.callNext', {
      queueId: q,
      serviceDate: DAY,
      eventId: newId('queue_events'),
      offerVersionId: privateVersion,
    });
    expect(r.status).toBe('applied');
    const rows = await tickets(q);
    expect(rows.map((x) => [x.customer_name, x.status])).toEqual([
      ['Early', 'called'],
      ['Later', 'waiting'],
    ]);
    expect(rows[0].assigned_resource_id).toBe(expected);
  });

  it('records an explainable wait prediction from observed service times', async () => {
    const q = await newQueue('Predict');
    const d = await desk();
    const issued = [1, 2, 3, 4].map((n) => issue(q, n, `P${n}`));
    await d.push(issued);
    for (const [i, sec] of [300, 600, 900].entries()) {
      await t.db.pool.query(
        `INSERT INTO service_time_observations (id, biz_id, queue_id, duration_sec, observed_at) VALUES ($1, $2, $3, $4, now() - make_interval(mins => $5))`,
        [newId('service_time_observations'), bizId, q, sec, i],
      );
    }
    const predictionId = newId('wait_time_predictions');
    const r = await d.commit('queue.predict', {
      predictionId,
      queueId: q,
      serviceDate: DAY,
      ticketId: issued[3]!.args.id,
      staffOnShift: 2,
    });
    expect(r.status).toBe('applied');
    const { rows } = await t.db.pool.query('SELECT * FROM wait_time_predictions WHERE id = $1', [predictionId]);
    // 3 ahead × median 10 min ÷ 2 staff = 15 min.
    expect(rows[0]).toMatchObject({ predicted_wait_min: 15, people_ahead: 3, method: 'median_service_time' });
    expect(rows[0].inputs.explanation).toContain('3 people ahead × a median service of 10 min');
  });
});

/**
 * Sync after a connection comes back, on a real device store (PGlite + pglite-sync) against the
 * real server: shapes resume within seconds of the network returning, without hammering it while
 * it is gone, and a mutation touching two tables never shows its pre-mutation figures between the
 * push and the full sync (not even when the shapes lag behind the commit path).
 */
import type { Transaction } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../server/test/app';
import { newId } from '../../../shared/ids';
import { syncedDevice } from './test-device';

let t: TestApp;
let fx: { version: string; room: string; bizId: string };

beforeAll(async () => {
  t = await createTestApp({ demo: true, shapeLongPollMs: 1000 });
  const one = async (sql: string) => (await t.db.pool.query(sql)).rows[0].id as string;
  fx = {
    version: await one(
      "SELECT v.id FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Private session'",
    ),
    room: await one("SELECT id FROM resources WHERE name = 'Private Room'"),
    bizId: await one("SELECT id FROM bizes WHERE slug = 'lumen-yoga'"),
  };
});
afterAll(async () => {
  await t?.close();
});

function bookingArgs(startsAt: string) {
  return {
    id: newId('booking_orders'),
    bookingCode: `RC-${Math.random().toString(36).slice(2, 7).toUpperCase()}`,
    offerVersionId: fx.version,
    startsAt,
    lineId: newId('booking_order_lines'),
    unitId: newId('fulfillment_units'),
    resources: [{ resourceId: fx.room, role: 'room', assignmentId: newId('fulfillment_assignments') }],
    customerName: 'Reconnect Walk-in',
  };
}

/** Another desk committing through the server, as a second browser would. */
async function otherDesk() {
  const c = new Client(t.app);
  await c.signInTo('desk@lumen.test');
  const clientId = newId('devices');
  await c.post('/api/devices', { clientId });
  let next = 1;
  return async (name: string, args: unknown) => {
    const res = await c.post('/api/commits', { clientId, mutations: [{ id: next++, name, args }] });
    expect(res.json().results[0].status, res.body).toBe('applied');
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sync after reconnect', () => {
  it('delivers a change from another device within 3 s of the link returning after 30 s of failures', async () => {
    const { store, net } = await syncedDevice(t, 'desk@lumen.test');
    const commit = await otherDesk();
    net.up = false; // no `offline` event: a dead Wi-Fi link the browser has not noticed
    await sleep(30_000);
    const attemptsWhileDown = net.attempts;
    net.up = true;
    const args = bookingArgs('2034-02-02T15:00:00Z');
    const restoredAt = Date.now();
    await commit('bookings.create', args);
    await expect
      .poll(async () => (await store.pg.query('SELECT 1 FROM booking_orders_synced WHERE id = $1', [args.id])).rows, {
        timeout: 60_000,
        interval: 20,
      })
      .toHaveLength(1);
    const catchUpMs = Date.now() - restoredAt;
    console.info(
      `reconnect: ${attemptsWhileDown} shape attempts in 30 s offline; change arrived after ${catchUpMs} ms`,
    );
    expect(catchUpMs).toBeLessThan(3_000);
    // Paced while down: a few tries a second at most for the whole device, not one per shape.
    expect(attemptsWhileDown).toBeLessThan(60);

    // The browser's `online` event resumes at once, even from a long-poll that never came back.
    net.up = false;
    await sleep(8_000);
    net.up = true;
    const again = bookingArgs('2034-02-03T15:00:00Z');
    const onlineAt = Date.now();
    store.resume();
    await commit('bookings.create', again);
    await expect
      .poll(async () => (await store.pg.query('SELECT 1 FROM booking_orders_synced WHERE id = $1', [again.id])).rows, {
        timeout: 60_000,
        interval: 20,
      })
      .toHaveLength(1);
    console.info(`online event: change arrived after ${Date.now() - onlineAt} ms`);
    expect(Date.now() - onlineAt).toBeLessThan(2_000);
    store.stop();
  }, 120_000);

  it('never shows a cash tender’s pre-mutation figures between the push and the full sync', async () => {
    const { store, net } = await syncedDevice(t, 'desk@lumen.test', { confirmAfterMs: 1_500 });
    const pg = store.pg;
    const { rows } = await t.db.pool.query<{ id: string; amount_minor: number; amount_paid_minor: number }>(
      `SELECT i.id, i.amount_minor, i.amount_paid_minor FROM payment_intents i
        WHERE i.biz_id = $1 AND i.status = 'requires_payment' AND i.amount_minor >= 2000
        ORDER BY i.id LIMIT 1`,
      [fx.bizId],
    );
    const intent = rows[0]!;
    const figures = async (q: Pick<Transaction, 'query'>) =>
      (
        await q.query<{ paid: number; tenders: number }>(
          `SELECT (SELECT amount_paid_minor FROM payment_intents WHERE id = $1) AS paid,
                  (SELECT count(*)::int FROM payment_intent_tenders WHERE payment_intent_id = $1) AS tenders`,
          [intent.id],
        )
      ).rows[0]!;
    await expect.poll(async () => (await figures(pg)).paid, { timeout: 15_000 }).toBe(intent.amount_paid_minor);

    // Every state the screen could ever read: the merged view at the end of each local transaction
    // (sync batches, mutations, overlay rebuilds), plus frequent reads in between.
    const seen: { paid: number; tenders: number; at: string }[] = [];
    const original = pg.transaction.bind(pg);
    pg.transaction = (async (fn: (tx: Transaction) => Promise<unknown>) =>
      original(async (tx) => {
        const result = await fn(tx);
        seen.push({ ...(await figures(tx)), at: 'commit' });
        return result;
      })) as typeof pg.transaction;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        seen.push({ ...(await figures(pg)), at: 'read' });
        await sleep(5);
      }
    })();

    const tender = (amountMinor: number) => ({
      intentId: intent.id,
      tenderId: newId('payment_intent_tenders'),
      transactionId: newId('payment_transactions'),
      tenderType: 'cash',
      amountMinor,
    });
    const settle = () =>
      expect
        .poll(async () => (await pg.query("SELECT count(*)::int AS n FROM outbox WHERE status <> 'confirmed'")).rows, {
          timeout: 30_000,
        })
        .toEqual([{ n: 0 }]);

    // Online: push, then the txid comes back through two shapes.
    await store.mutate('payments.recordTender', tender(300));
    const afterFirst = seen.length;
    await store.push();
    await settle();
    expect(await figures(pg)).toEqual({ paid: intent.amount_paid_minor + 300, tenders: 1 });

    // Shapes lag behind the commit path for longer than the confirmation fallback (the long-poll
    // already on its way is let through first).
    net.shapes = false;
    await sleep(1_500);
    const beforeSecond = seen.length;
    await store.mutate('payments.recordTender', tender(500));
    const afterSecond = seen.length;
    await store.push();
    expect((await pg.query("SELECT status FROM outbox WHERE status = 'applied'")).rows).toHaveLength(1);
    await sleep(4_000);
    net.shapes = true;
    store.resume();
    await settle();
    expect(await figures(pg)).toEqual({ paid: intent.amount_paid_minor + 800, tenders: 2 });
    sampling = false;
    await sampler;

    const stale = [
      ...seen
        .slice(afterFirst, beforeSecond)
        .filter((s) => s.paid !== intent.amount_paid_minor + 300 || s.tenders !== 1),
      ...seen.slice(afterSecond).filter((s) => s.paid !== intent.amount_paid_minor + 800 || s.tenders !== 2),
    ];
    expect(stale).toEqual([]);
    expect(seen.length - afterFirst).toBeGreaterThan(20);
    store.stop();
  }, 120_000);
});

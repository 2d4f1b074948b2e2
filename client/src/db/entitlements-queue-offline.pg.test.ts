/**
 * Entitlements and walk-in queues across two offline devices (real PGlite stores against the real
 * server): the last credit redeemed on both — one applied, the other in the conflict inbox with the
 * choices; and two desks issuing and calling tickets offline, merging into one numbered queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../server/test/app';
import { newId } from '../../../shared/ids';
import type { LocalStore } from './store';
import { syncedDevice } from './test-device';

let t: TestApp;
let bizId: string;
let ownerUserId: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true, shapeLongPollMs: 300 });
  bizId = (await t.db.pool.query("SELECT id FROM bizes WHERE slug = 'lumen-yoga'")).rows[0].id;
  ownerUserId = (
    await t.db.pool.query('SELECT owner_user_id FROM entitlement_wallets WHERE biz_id = $1 ORDER BY id LIMIT 1', [
      bizId,
    ])
  ).rows[0].owner_user_id;
});
afterAll(async () => {
  await t?.close();
});

const device = (email: string) => syncedDevice(t, email);

/** A wallet of the customer holding `credits`, backed by a grant and its ledger row. */
async function walletWith(name: string, credits: number) {
  const id = newId('entitlement_wallets');
  await t.db.pool.query(
    'INSERT INTO entitlement_wallets (id, biz_id, owner_user_id, name, balance) VALUES ($1, $2, $3, $4, $5)',
    [id, bizId, ownerUserId, name, credits],
  );
  if (credits > 0) {
    const grant = newId('entitlement_grants');
    await t.db.pool.query(
      "INSERT INTO entitlement_grants (id, biz_id, wallet_id, grant_type, quantity) VALUES ($1, $2, $3, 'credit', $4)",
      [grant, bizId, id, credits],
    );
    await t.db.pool.query(
      `INSERT INTO entitlement_ledger_entries (id, biz_id, wallet_id, entry_type, quantity, balance_after, grant_id)
       VALUES ($1, $2, $3, 'grant', $4, $4, $5)`,
      [newId('entitlement_ledger_entries'), bizId, id, credits, grant],
    );
  }
  return id;
}

const localBalance = async (store: LocalStore, walletId: string) =>
  Number(
    (await store.pg.query<{ balance: number }>('SELECT balance FROM entitlement_wallets WHERE id = $1', [walletId]))
      .rows[0]?.balance,
  );

describe('offline entitlements and queues', () => {
  it('the last credit redeemed on two offline devices: one applies, the other lands in the inbox with choices', async () => {
    const last = await walletWith('Last credit', 1);
    const spare = await walletWith('Spare pack', 3);
    const a = await device('desk@lumen.test');
    const b = await device('manager@lumen.test');
    await expect.poll(() => localBalance(a.store, last), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => localBalance(b.store, spare), { timeout: 15_000 }).toBe(3);
    a.offline();
    b.offline();
    const redeem = { walletId: last, quantity: 1, at: 'check_in' };
    await a.store.mutate('entitlements.redeem', { ...redeem, ledgerEntryId: newId('entitlement_ledger_entries') });
    await b.store.mutate('entitlements.redeem', { ...redeem, ledgerEntryId: newId('entitlement_ledger_entries') });
    // Each device debited its own copy optimistically.
    expect(await localBalance(a.store, last)).toBe(0);
    expect(await localBalance(b.store, last)).toBe(0);

    a.online();
    await a.store.push();
    b.online();
    await b.store.push();

    const inbox = await b.store.inbox();
    expect(inbox.map((r) => [r.name, r.error?.code])).toEqual([['entitlements.redeem', 'insufficient_credits']]);
    const details = inbox[0]!.error!.details as {
      otherWalletIds: string[];
      choices: { action: string; walletId?: string }[];
    };
    expect(details.otherWalletIds).toContain(spare);
    expect(details.choices.map((c) => c.action)).toContain('charge');
    expect(details.choices.map((c) => c.action)).toContain('cancel');
    expect(details.choices.filter((c) => c.action === 'use_wallet').map((c) => c.walletId)).toContain(spare);
    expect(await a.store.inbox()).toEqual([]);

    // The server never went below zero, and the ledger has exactly one debit.
    const server = await t.db.pool.query(
      `SELECT balance, (SELECT coalesce(sum(quantity), 0)::int FROM entitlement_ledger_entries WHERE wallet_id = $1) AS ledger,
              (SELECT count(*)::int FROM entitlement_ledger_entries WHERE wallet_id = $1 AND entry_type = 'debit') AS debits
       FROM entitlement_wallets WHERE id = $1`,
      [last],
    );
    expect(server.rows[0]).toEqual({ balance: 0, ledger: 0, debits: 1 });
    // B takes the offered choice: redeem from the spare wallet instead.
    await b.store.resolve(inbox[0]!.mutation_id, { action: 'discard', reason: 'Used the spare pack' });
    await b.store.mutate('entitlements.redeem', {
      ...redeem,
      walletId: spare,
      ledgerEntryId: newId('entitlement_ledger_entries'),
    });
    await b.store.push();
    await expect.poll(() => localBalance(a.store, spare), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => localBalance(b.store, last), { timeout: 15_000 }).toBe(0);
    a.store.stop();
    b.store.stop();
  });

  it('two desks issue and call tickets offline and converge on one numbered queue', async () => {
    const queueId = newId('queues');
    const locationId = (await t.db.pool.query("SELECT id FROM locations WHERE slug = 'park-slope'")).rows[0].id;
    await t.db.pool.query('INSERT INTO queues (id, biz_id, location_id, name) VALUES ($1, $2, $3, $4)', [
      queueId,
      bizId,
      locationId,
      'Offline desks',
    ]);
    const day = '2032-02-02';
    const a = await device('desk@lumen.test');
    const b = await device('manager@lumen.test');
    await expect
      .poll(async () => (await a.store.pg.query('SELECT 1 FROM queues WHERE id = $1', [queueId])).rows.length, {
        timeout: 15_000,
      })
      .toBe(1);
    await expect
      .poll(async () => (await b.store.pg.query('SELECT 1 FROM queues WHERE id = $1', [queueId])).rows.length, {
        timeout: 15_000,
      })
      .toBe(1);
    a.offline();
    b.offline();
    const issue = async (d: typeof a, name: string) => {
      const id = newId('queue_tickets');
      await d.store.mutate('queue.issueTicket', {
        id,
        queueId,
        eventId: newId('queue_events'),
        serviceDate: day,
        customerName: name,
        deviceTime: new Date().toISOString(),
      });
      return id;
    };
    const a1 = await issue(a, 'Alice');
    const a2 = await issue(a, 'Amir');
    const b1 = await issue(b, 'Bea');
    const numbers = async (d: typeof a) =>
      (
        await d.store.pg.query<{ customer_name: string; ticket_number: number; status: string }>(
          'SELECT customer_name, ticket_number, status FROM queue_tickets WHERE queue_id = $1 ORDER BY ticket_number',
          [queueId],
        )
      ).rows.map((r) => [r.customer_name, Number(r.ticket_number), r.status]);
    // Offline, each desk numbers from what it holds: both have a ticket 1.
    expect(await numbers(a)).toEqual([
      ['Alice', 1, 'waiting'],
      ['Amir', 2, 'waiting'],
    ]);
    expect(await numbers(b)).toEqual([['Bea', 1, 'waiting']]);
    // Both desks call the head of their own queue.
    await a.store.mutate('queue.callNext', { queueId, serviceDate: day, ticketId: a1, eventId: newId('queue_events') });
    await b.store.mutate('queue.callNext', { queueId, serviceDate: day, ticketId: b1, eventId: newId('queue_events') });

    a.online();
    await a.store.push();
    b.online();
    await b.store.push();
    expect(await a.store.inbox()).toEqual([]);
    expect(await b.store.inbox()).toEqual([]);
    const expected = [
      ['Alice', 1, 'called'],
      ['Amir', 2, 'waiting'],
      ['Bea', 3, 'called'],
    ];
    await expect.poll(() => numbers(a), { timeout: 15_000 }).toEqual(expected);
    await expect.poll(() => numbers(b), { timeout: 15_000 }).toEqual(expected);
    const ids = await t.db.pool.query('SELECT id FROM queue_tickets WHERE queue_id = $1 ORDER BY ticket_number', [
      queueId,
    ]);
    expect(ids.rows.map((r) => r.id)).toEqual([a1, a2, b1]);

    // Now both desks, offline again, call the same next ticket (Amir): one wins, the other is told.
    a.offline();
    b.offline();
    for (const d of [a, b]) {
      await d.store.mutate('queue.callNext', {
        queueId,
        serviceDate: day,
        ticketId: a2,
        eventId: newId('queue_events'),
      });
    }
    a.online();
    await a.store.push();
    b.online();
    await b.store.push();
    const lost = await b.store.inbox();
    expect(lost.map((r) => [r.name, r.error?.code])).toEqual([['queue.callNext', 'invalid_state']]);
    expect(lost[0]!.error!.details).toMatchObject({ ticketId: a2, status: 'called', next: null });
    a.store.stop();
    b.store.stop();
  });
});

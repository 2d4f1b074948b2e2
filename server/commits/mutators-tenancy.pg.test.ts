/**
 * The cross-tenant walk over mutators: every registered mutator, pushed by a biz-A device with
 * ids of biz B's rows, is rejected as `not_found` (exactly like a missing id) and changes nothing.
 * A mutator without a sample here fails the test, so new mutators cannot skip the check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IdTable, newId } from '../../shared/ids';
import { MUTATORS } from '../../shared/mutators';
import { Client, createTestApp, type TestApp } from '../test/app';

let t: TestApp;
let foreign: (table: IdTable) => string;
let bizB: string;
let ownWallet: string;

beforeAll(async () => {
  t = await createTestApp();
  bizB = (await t.db.pool.query("SELECT id FROM bizes WHERE slug = 'brightline-hvac'")).rows[0].id;
  const ids = new Map<string, string>();
  for (const table of [
    'booking_orders',
    'offer_versions',
    'resources',
    'fulfillment_units',
    'fulfillment_checkpoints',
    'payment_intents',
    'entitlement_wallets',
    'queues',
    'queue_tickets',
    'booking_holds',
  ]) {
    const { rows } = await t.db.pool
      .query(`SELECT id FROM ${table} WHERE biz_id = $1 LIMIT 1`, [bizB])
      .catch(() => ({ rows: [] }));
    if (rows[0]) ids.set(table, rows[0].id);
  }
  ownWallet = (
    await t.db.pool.query(
      "SELECT w.id FROM entitlement_wallets w JOIN bizes b ON b.id = w.biz_id WHERE b.slug = 'lumen-yoga' LIMIT 1",
    )
  ).rows[0].id;
  const plan = newId('membership_plans');
  await t.db.pool.query(
    "INSERT INTO membership_plans (id, biz_id, name, slug, status, entitlement_quantity_per_cycle) VALUES ($1, $2, 'Their pack', 'their-pack', 'active', 5)",
    [plan, bizB],
  );
  ids.set('membership_plans', plan);
  // Rows biz B really has of every kind a mutator can name (the demo seeds some only for biz A).
  const loc = (await t.db.pool.query('SELECT id FROM locations WHERE biz_id = $1 LIMIT 1', [bizB])).rows[0].id;
  const made = {
    wallet: newId('entitlement_wallets'),
    queue: newId('queues'),
    ticket: newId('queue_tickets'),
    debit: newId('entitlement_ledger_entries'),
  };
  await t.db.pool.query("INSERT INTO entitlement_wallets (id, biz_id, name, balance) VALUES ($1, $2, 'theirs', 5)", [
    made.wallet,
    bizB,
  ]);
  await t.db.pool.query("INSERT INTO queues (id, biz_id, location_id, name) VALUES ($1, $2, $3, 'theirs')", [
    made.queue,
    bizB,
    loc,
  ]);
  await t.db.pool.query(
    "INSERT INTO queue_tickets (id, biz_id, queue_id, service_date, ticket_number) VALUES ($1, $2, $3, '2030-01-01', 1)",
    [made.ticket, bizB, made.queue],
  );
  await t.db.pool.query(
    "INSERT INTO entitlement_ledger_entries (id, biz_id, wallet_id, entry_type, quantity, balance_after) VALUES ($1, $2, $3, 'debit', -1, 4)",
    [made.debit, bizB, made.wallet],
  );
  ids.set('entitlement_wallets', made.wallet);
  ids.set('queues', made.queue);
  ids.set('queue_tickets', made.ticket);
  ids.set('entitlement_ledger_entries', made.debit);
  foreign = (table) => ids.get(table) ?? newId(table);
});
afterAll(async () => {
  await t?.close();
});

/** Args naming biz B's rows, per mutator; fresh ids for rows the mutation would create. */
const SAMPLES: Record<string, () => Record<string, unknown>> = {
  'bookings.create': () => ({
    id: newId('booking_orders'),
    bookingCode: 'X-FOREIGN',
    offerVersionId: foreign('offer_versions'),
    startsAt: '2035-01-01T10:00:00Z',
    lineId: newId('booking_order_lines'),
    unitId: newId('fulfillment_units'),
    resources: [{ resourceId: foreign('resources'), role: 'x', assignmentId: newId('fulfillment_assignments') }],
    customerName: 'Mallory',
  }),
  'bookings.cancel': () => ({ id: foreign('booking_orders'), reason: 'mischief' }),
  'bookings.checkIn': () => ({ id: foreign('booking_orders'), checkpointId: newId('fulfillment_checkpoints') }),
  'bookings.noShow': () => ({ id: foreign('booking_orders') }),
  'bookings.reschedule': () => ({ id: foreign('booking_orders'), startsAt: '2035-02-01T10:00:00Z' }),
  'holds.place': () => ({
    id: newId('booking_holds'),
    offerVersionId: foreign('offer_versions'),
    startsAt: '2035-02-01T10:00:00Z',
    endsAt: '2035-02-01T11:00:00Z',
    expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    resources: [{ resourceId: foreign('resources') }],
  }),
  'holds.release': () => ({ id: foreign('booking_holds') }),
  'holds.convert': () => ({ id: foreign('booking_holds'), booking: SAMPLES['bookings.create']!() }),
  'entitlements.grant': () => ({
    walletId: foreign('entitlement_wallets'),
    grantId: newId('entitlement_grants'),
    ledgerEntryId: newId('entitlement_ledger_entries'),
    source: 'purchase',
    quantity: 5,
  }),
  'entitlements.sellPlan': () => ({
    planId: foreign('membership_plans'),
    walletId: newId('entitlement_wallets'),
    grantId: newId('entitlement_grants'),
    ledgerEntryId: newId('entitlement_ledger_entries'),
    intentId: newId('payment_intents'),
    holderName: 'Mallory',
  }),
  'entitlements.redeem': () => ({
    walletId: foreign('entitlement_wallets'),
    ledgerEntryId: newId('entitlement_ledger_entries'),
  }),
  'entitlements.refund': () => ({
    debitEntryId: foreign('entitlement_ledger_entries'),
    ledgerEntryId: newId('entitlement_ledger_entries'),
  }),
  'entitlements.transfer': () => ({
    transferId: newId('entitlement_transfers'),
    fromWalletId: foreign('entitlement_wallets'),
    toWalletId: ownWallet,
    outEntryId: newId('entitlement_ledger_entries'),
    inEntryId: newId('entitlement_ledger_entries'),
    quantity: 1,
  }),
  'queue.issueTicket': () => ({
    id: newId('queue_tickets'),
    queueId: foreign('queues'),
    eventId: newId('queue_events'),
    serviceDate: '2030-01-01',
  }),
  'queue.call': () => ({ ticketId: foreign('queue_tickets'), eventId: newId('queue_events') }),
  'queue.callNext': () => ({ queueId: foreign('queues'), serviceDate: '2030-01-01', eventId: newId('queue_events') }),
  'queue.startServing': () => ({ ticketId: foreign('queue_tickets'), eventId: newId('queue_events') }),
  'queue.complete': () => ({
    ticketId: foreign('queue_tickets'),
    eventId: newId('queue_events'),
    observationId: newId('service_time_observations'),
  }),
  'queue.leave': () => ({ ticketId: foreign('queue_tickets'), eventId: newId('queue_events') }),
  'queue.predict': () => ({
    predictionId: newId('wait_time_predictions'),
    queueId: foreign('queues'),
    serviceDate: '2030-01-01',
  }),
  'bookings.takeOver': () => ({
    winnerBookingId: foreign('booking_orders'),
    reason: 'mine now',
    booking: SAMPLES['bookings.create']!(),
  }),
  'jobs.checkpoint': () => ({
    checkpointId: foreign('fulfillment_checkpoints'),
    status: 'done',
    deviceTime: new Date().toISOString(),
  }),
  'jobs.addPart': () => ({
    entryId: newId('fulfillment_checkpoints'),
    unitId: foreign('fulfillment_units'),
    part: 'Capacitor 45 µF',
    quantity: 1,
    deviceTime: new Date().toISOString(),
  }),
  'jobs.clock': () => ({
    action: 'stop',
    entryId: foreign('fulfillment_checkpoints'),
    deviceTime: new Date().toISOString(),
  }),
  'notes.add': () => ({
    id: newId('notes'),
    subject: { type: 'booking_order', id: foreign('booking_orders') },
    body: 'not yours',
    deviceTime: new Date().toISOString(),
  }),
  // Names a mutation of another device (its own ids are per device): answered like a missing one.
  'conflicts.resolve': () => ({ mutationId: 987_654, action: 'discard', reason: 'not mine' }),
  // Checked separately below: a foreign code is refused as invalid_ticket (its biz is inside the signature).
  'bookings.checkInByCode': () => ({ code: 'x', checkpointId: newId('fulfillment_checkpoints') }),
  'payments.recordTender': () => ({
    intentId: foreign('payment_intents'),
    tenderId: newId('payment_intent_tenders'),
    transactionId: newId('payment_transactions'),
    tenderType: 'cash',
    amountMinor: 100,
  }),
};

async function fingerprint(): Promise<string> {
  const tables = [
    'booking_orders',
    'fulfillment_units',
    'fulfillment_checkpoints',
    'payment_intents',
    'notes',
    'entitlement_wallets',
    'queue_tickets',
    'booking_holds',
  ];
  const parts = [];
  for (const table of tables) {
    const { rows } = await t.db.pool.query(
      `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x.id), '')) AS h FROM ${table} x WHERE biz_id = $1`,
      [bizB],
    );
    parts.push(rows[0].h);
  }
  return parts.join(':');
}

describe('mutators across tenants', () => {
  it('every mutator has a cross-tenant sample', () => {
    expect([...MUTATORS.keys()].filter((name) => !SAMPLES[name])).toEqual([]);
  });

  it('rejects every mutator naming another biz’s rows as not_found and changes nothing', async () => {
    const owner = new Client(t.app);
    await owner.signInTo('owner@lumen.test');
    const clientId = newId('devices');
    await owner.post('/api/devices', { clientId });
    const before = await fingerprint();
    let id = 0;
    for (const name of MUTATORS.keys()) {
      const sample = SAMPLES[name];
      if (!sample || name === 'bookings.checkInByCode') continue;
      const res = (
        await owner.post('/api/commits', { clientId, mutations: [{ id: ++id, name, args: sample() }] })
      ).json();
      expect([name, res.results[0].status, res.results[0].error?.code]).toEqual([name, 'rejected', 'not_found']);
    }
    expect(await fingerprint()).toBe(before);
  });
});

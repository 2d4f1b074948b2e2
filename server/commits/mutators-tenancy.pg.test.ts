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
  'notes.add': () => ({
    id: newId('notes'),
    subject: { type: 'booking_order', id: foreign('booking_orders') },
    body: 'not yours',
    deviceTime: new Date().toISOString(),
  }),
  // Names a mutation of another device (its own ids are per device): answered like a missing one.
  'conflicts.resolve': () => ({ mutationId: 987_654, action: 'discard', reason: 'not mine' }),
  'payments.recordTender': () => ({
    intentId: foreign('payment_intents'),
    tenderId: newId('payment_intent_tenders'),
    transactionId: newId('payment_transactions'),
    tenderType: 'cash',
    amountMinor: 100,
  }),
};

async function fingerprint(): Promise<string> {
  const tables = ['booking_orders', 'fulfillment_units', 'fulfillment_checkpoints', 'payment_intents', 'notes'];
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
      if (!sample) continue;
      const res = (
        await owner.post('/api/commits', { clientId, mutations: [{ id: ++id, name, args: sample() }] })
      ).json();
      expect([name, res.results[0].status, res.results[0].error?.code]).toEqual([name, 'rejected', 'not_found']);
    }
    expect(await fingerprint()).toBe(before);
  });
});

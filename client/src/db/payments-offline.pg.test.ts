/**
 * Split tender on a real device (PGlite store against the real server and the local Stripe
 * double): cash and wallet credit taken offline, shown at once from the device's own data, never
 * overdrawing the wallet; back online they commit, and the card pays the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../server/test/app';
import { AppError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { syncedDevice } from './test-device';

let t: TestApp;
let bizId: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true, shapeLongPollMs: 300 });
  bizId = (await t.db.pool.query("SELECT id FROM bizes WHERE slug = 'lumen-yoga'")).rows[0].id;
});
afterAll(async () => {
  await t?.close();
});

const device = (email: string) => syncedDevice(t, email);

/** A gift card of the biz holding `balance` cents, backed by a grant and its ledger row. */
async function giftCard(balance: number) {
  const id = newId('entitlement_wallets');
  await t.db.pool.query(
    `INSERT INTO entitlement_wallets (id, biz_id, name, unit, currency, balance, entitlement_type)
     VALUES ($1, $2, 'Gift card', 'currency_minor', 'USD', $3, 'gift_card')`,
    [id, bizId, balance],
  );
  const grant = newId('entitlement_grants');
  await t.db.pool.query(
    "INSERT INTO entitlement_grants (id, biz_id, wallet_id, grant_type, quantity) VALUES ($1, $2, $3, 'gift_card', $4)",
    [grant, bizId, id, balance],
  );
  await t.db.pool.query(
    `INSERT INTO entitlement_ledger_entries (id, biz_id, wallet_id, entry_type, quantity, balance_after, grant_id)
     VALUES ($1, $2, $3, 'grant', $4, $4, $5)`,
    [newId('entitlement_ledger_entries'), bizId, id, balance, grant],
  );
  return id;
}

const tender = (intentId: string, tenderType: string, amountMinor: number, extra: Record<string, unknown> = {}) => ({
  intentId,
  tenderId: newId('payment_intent_tenders'),
  transactionId: newId('payment_transactions'),
  tenderType,
  amountMinor,
  ...extra,
});

describe('split tender on a device', () => {
  it('cash and wallet credit offline, card online: every leg lands once, the wallet never overdraws', async () => {
    const { rows } = await t.db.pool.query<{ id: string; amount_minor: number }>(
      `SELECT i.id, i.amount_minor FROM payment_intents i
        WHERE i.biz_id = $1 AND i.status = 'requires_payment' AND i.amount_minor >= 2000 AND i.booking_order_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM payment_intent_tenders x WHERE x.payment_intent_id = i.id)
        ORDER BY i.id LIMIT 1`,
      [bizId],
    );
    const intent = rows[0]!;
    const wallet = await giftCard(700);
    const desk = await device('desk@lumen.test');
    const local = async () =>
      (
        await desk.store.pg.query<{ paid: number; wallet: number }>(
          `SELECT (SELECT amount_paid_minor FROM payment_intents WHERE id = $1) AS paid,
                  (SELECT balance FROM entitlement_wallets WHERE id = $2) AS wallet`,
          [intent.id, wallet],
        )
      ).rows[0]!;
    await expect.poll(async () => (await local()).wallet, { timeout: 15_000 }).toBe(700);

    desk.offline();
    await desk.store.mutate('payments.recordTender', tender(intent.id, 'cash', 500));
    const credit = { walletId: wallet, ledgerEntryId: newId('entitlement_ledger_entries') };
    // More than the gift card holds: refused on the device itself, nothing recorded.
    const over = await desk.store
      .mutate('payments.recordTender', tender(intent.id, 'entitlement_credit', 800, credit))
      .catch((e: unknown) => e);
    expect(over).toBeInstanceOf(AppError);
    expect((over as AppError).code).toBe('insufficient_credits');
    await desk.store.mutate('payments.recordTender', tender(intent.id, 'entitlement_credit', 700, credit));
    expect(await local()).toEqual({ paid: 1200, wallet: 0 });
    expect(desk.store.state.pending).toBe(2);

    desk.online();
    await desk.store.push();
    expect(await desk.store.inbox()).toEqual([]);
    const server = async () =>
      (
        await t.db.pool.query(
          `SELECT i.amount_paid_minor AS paid, i.status, w.balance AS wallet,
                  (SELECT count(*)::int FROM payment_transactions p WHERE p.payment_intent_id = i.id AND p.type = 'charge') AS charges
           FROM payment_intents i, entitlement_wallets w WHERE i.id = $1 AND w.id = $2`,
          [intent.id, wallet],
        )
      ).rows[0];
    expect(await server()).toEqual({ paid: 1200, status: 'partially_paid', wallet: 0, charges: 2 });

    // The rest by card, online, through the server and the Stripe double.
    const card = await desk.c.post(`/api/payments/intents/${intent.id}/card`, {
      paymentMethod: 'pm_card_visa',
      mutationId: `card_${newId('payment_intent_tenders')}`,
    });
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json()).toMatchObject({ paidMinor: intent.amount_minor, balanceMinor: 0 });
    expect(await server()).toEqual({ paid: intent.amount_minor, status: 'paid', wallet: 0, charges: 3 });
    // The device sees it through sync.
    await expect.poll(async () => (await local()).paid, { timeout: 15_000 }).toBe(intent.amount_minor);
  });
});

/** Selling a class pack or membership at the desk: wallet, credits, membership and the intent to pay. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { Client, createTestApp, type TestApp } from '../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('entitlements.sellPlan', () => {
  it('opens a coded wallet with the plan’s credits, a membership for a member, and an intent the desk can take cash on', async () => {
    const desk = new Client(t.app);
    await desk.signInTo('desk@lumen.test');
    const clientId = newId('devices');
    await desk.post('/api/devices', { clientId });
    const plan = (
      await t.db.pool.query(
        "SELECT id, price_minor, entitlement_quantity_per_cycle AS q FROM membership_plans WHERE slug = '10-class-pack'",
      )
    ).rows[0];
    const customer = (
      await t.db.pool.query(
        "SELECT user_id FROM members m JOIN bizes b ON b.id = m.biz_id WHERE b.slug = 'lumen-yoga' AND m.role = 'customer' LIMIT 1",
      )
    ).rows[0].user_id;
    const sale = (holderName: string, ownerUserId?: string) => ({
      planId: plan.id,
      walletId: newId('entitlement_wallets'),
      grantId: newId('entitlement_grants'),
      ledgerEntryId: newId('entitlement_ledger_entries'),
      intentId: newId('payment_intents'),
      holderName,
      ...(ownerUserId ? { ownerUserId, membershipId: newId('memberships') } : {}),
    });
    const walkIn = sale('Walk-in Wendy');
    const member = sale('Regular Rhea', customer);
    const res = (
      await desk.post('/api/commits', {
        clientId,
        mutations: [
          { id: 1, name: 'entitlements.sellPlan', args: walkIn },
          { id: 2, name: 'entitlements.sellPlan', args: member },
          {
            id: 3,
            name: 'payments.recordTender',
            args: {
              intentId: walkIn.intentId,
              tenderId: newId('payment_intent_tenders'),
              transactionId: newId('payment_transactions'),
              tenderType: 'cash',
              amountMinor: plan.price_minor,
            },
          },
        ],
      })
    ).json();
    expect(res.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const wallets = await t.db.pool.query(
      `SELECT w.id, w.balance, w.code, w.membership_id, (SELECT sum(quantity)::int FROM entitlement_ledger_entries l WHERE l.wallet_id = w.id) AS ledger
       FROM entitlement_wallets w WHERE w.id = ANY($1) ORDER BY w.name`,
      [[walkIn.walletId, member.walletId]],
    );
    for (const w of wallets.rows) {
      expect(w.balance).toBe(plan.q);
      expect(w.ledger).toBe(w.balance);
      expect(w.code).toHaveLength(8);
    }
    expect(wallets.rows.find((w) => w.id === member.walletId).membership_id).toBe(member.membershipId);
    const intent = await t.db.pool.query('SELECT status FROM payment_intents WHERE id = $1', [walkIn.intentId]);
    expect(intent.rows[0].status).toBe('paid');
  });

  it('lets a manager run a plan’s rollover once per period through the API', async () => {
    const manager = new Client(t.app);
    await manager.signInTo('manager@lumen.test');
    const plan = (await t.db.pool.query("SELECT id FROM membership_plans WHERE slug = '10-class-pack'")).rows[0].id;
    const body = { planId: plan, periodStart: '2026-12-01' };
    expect((await manager.post('/api/entitlements/rollover', body)).statusCode).toBe(200);
    expect((await manager.post('/api/entitlements/rollover', body)).statusCode).toBe(200);
    const runs = await t.db.pool.query('SELECT count(*)::int AS n FROM rollover_runs WHERE membership_plan_id = $1', [
      plan,
    ]);
    expect(runs.rows[0].n).toBe(1);
    const desk = new Client(t.app);
    await desk.signInTo('desk@lumen.test');
    expect((await desk.post('/api/entitlements/rollover', body)).statusCode).toBe(403);
  });
});

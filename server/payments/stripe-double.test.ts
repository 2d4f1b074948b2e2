/** The Stripe double through the real SDK, without a database: test mode wiring, signing, errors. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createStripeClient } from './stripe-client';
import { parseForm } from './stripe-double';

describe('stripe double', () => {
  it('parses Stripe form encoding', () => {
    expect(parseForm('amount=100&metadata[biz_id]=biz_1&expand[0]=latest_charge')).toEqual({
      amount: '100',
      metadata: { biz_id: 'biz_1' },
      expand: { 0: 'latest_charge' },
    });
  });

  it('in test mode pays, declines like Stripe, refunds within the captured amount, and posts signed webhooks', async () => {
    const received: { payload: string; signature: string }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          payload: Buffer.concat(chunks).toString(),
          signature: String(req.headers['stripe-signature']),
        });
        res.end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stripe/webhook`;
    const client = await createStripeClient({ secretKey: undefined, webhookSecret: 'whsec_unit', webhookTarget: url });
    try {
      expect(client.testMode).toBe(true);
      const { stripe } = client;
      const customer = await stripe.customers.create({ email: 'a@b.test' });
      expect((await stripe.customers.retrieve(customer.id)).id).toBe(customer.id);
      const pi = await stripe.paymentIntents.create({
        amount: 2000,
        currency: 'usd',
        customer: customer.id,
        payment_method: 'pm_card_visa',
        confirm: true,
      });
      expect([pi.status, pi.amount_received]).toEqual(['succeeded', 2000]);
      const declined = await stripe.paymentIntents
        .create({ amount: 2000, currency: 'usd', payment_method: 'pm_card_chargeDeclined', confirm: true })
        .catch((e: unknown) => e);
      expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
      expect((declined as Stripe.errors.StripeCardError).code).toBe('card_declined');
      expect((declined as Stripe.errors.StripeCardError).payment_intent?.status).toBe('requires_payment_method');
      await stripe.refunds.create({ payment_intent: pi.id, amount: 1500 });
      await expect(stripe.refunds.create({ payment_intent: pi.id, amount: 600 })).rejects.toBeInstanceOf(
        Stripe.errors.StripeInvalidRequestError,
      );
      const cancellable = await stripe.paymentIntents.create({ amount: 900, currency: 'usd' });
      expect((await stripe.paymentIntents.cancel(cancellable.id)).status).toBe('canceled');
      await client.double!.settle();
      const types = received.map((r) => Stripe.webhooks.constructEvent(r.payload, r.signature, 'whsec_unit').type);
      expect(types).toEqual(
        expect.arrayContaining([
          'payment_intent.succeeded',
          'payment_intent.payment_failed',
          'charge.refunded',
          'payment_intent.canceled',
        ]),
      );
      expect(() =>
        Stripe.webhooks.constructEvent(received[0]!.payload, received[0]!.signature, 'whsec_other'),
      ).toThrow();
    } finally {
      await client.close();
      server.close();
    }
  });

  it('creates Connect accounts, makes destination charges that transfer and emit transfer.created', async () => {
    const client = await createStripeClient({ secretKey: undefined, webhookSecret: 'whsec_unit' });
    try {
      const { stripe } = client;
      const double = client.double!;
      const account = await stripe.accounts.create({ type: 'express', country: 'GB', metadata: { biz_id: 'b1' } });
      expect(account.id).toMatch(/^acct_/);
      expect([account.charges_enabled, account.payouts_enabled, account.country]).toEqual([true, true, 'GB']);
      await expect(stripe.accounts.create({ type: 'nope' as 'express' })).rejects.toBeInstanceOf(
        Stripe.errors.StripeInvalidRequestError,
      );
      const pi = await stripe.paymentIntents.create({
        amount: 5000,
        currency: 'gbp',
        payment_method: 'pm_card_visa',
        confirm: true,
        transfer_data: { destination: account.id },
        application_fee_amount: 300,
        transfer_group: 'pin_1',
      });
      expect(pi.status).toBe('succeeded');
      const charge = await stripe.charges.retrieve(String(pi.latest_charge));
      const [transfer] = double.eventsOf('transfer.created').map((e) => e.data.object);
      expect(transfer).toMatchObject({
        id: charge.transfer,
        amount: 4700,
        currency: 'gbp',
        destination: account.id,
        source_transaction: charge.id,
        transfer_group: 'pin_1',
      });
      const unknown = await stripe.paymentIntents
        .create({ amount: 5000, currency: 'gbp', transfer_data: { destination: 'acct_nope' } })
        .catch((e: unknown) => e);
      expect(unknown).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect((unknown as Stripe.errors.StripeInvalidRequestError).param).toBe('transfer_data[destination]');
      // A plain charge makes no transfer.
      await stripe.paymentIntents.create({
        amount: 900,
        currency: 'gbp',
        payment_method: 'pm_card_visa',
        confirm: true,
      });
      expect(double.eventsOf('transfer.created')).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('resolves a test token into a fresh payment method per use, retrievable with its card details', async () => {
    const client = await createStripeClient({ secretKey: undefined, webhookSecret: 'whsec_unit' });
    try {
      const { stripe } = client;
      const customer = await stripe.customers.create({ email: 'c@d.test' });
      const params = { amount: 1000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true } as const;
      const a = await stripe.paymentIntents.create({ ...params, customer: customer.id });
      const b = await stripe.paymentIntents.create(params);
      expect(a.payment_method).toMatch(/^pm_/);
      expect(a.payment_method).not.toBe('pm_card_visa');
      expect(a.payment_method).not.toBe(b.payment_method);
      const pm = await stripe.paymentMethods.retrieve(String(a.payment_method));
      expect(pm.card).toMatchObject({ brand: 'visa', last4: '4242', funding: 'credit' });
      expect(pm.card!.exp_year).toBeGreaterThan(new Date().getUTCFullYear());
      expect((await stripe.charges.retrieve(String(a.latest_charge))).customer).toBe(customer.id);
      await expect(stripe.paymentMethods.retrieve('pm_nope')).rejects.toBeInstanceOf(
        Stripe.errors.StripeInvalidRequestError,
      );
      await expect(
        stripe.paymentIntents.create({ ...params, payment_method: 'pm_unknown_token' }),
      ).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    } finally {
      await client.close();
    }
  });

  it('with a secret key it is real Stripe and no double', async () => {
    const client = await createStripeClient({ secretKey: 'sk_test_123', webhookSecret: 'whsec_x' });
    expect([client.testMode, client.double]).toEqual([false, undefined]);
    await client.close();
  });
});

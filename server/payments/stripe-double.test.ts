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

  it('with a secret key it is real Stripe and no double', async () => {
    const client = await createStripeClient({ secretKey: 'sk_test_123', webhookSecret: 'whsec_x' });
    expect([client.testMode, client.double]).toEqual([false, undefined]);
    await client.close();
  });
});

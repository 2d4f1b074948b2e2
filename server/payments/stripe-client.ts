/**
 * The Stripe SDK client the server uses: real Stripe when a secret key is configured, else the
 * local Stripe double (started here, "test mode"), which posts its signed webhooks back to the app.
 */
import Stripe from 'stripe';
import type { StripeDouble, WebhookTarget } from './stripe-double';

export interface StripeClient {
  stripe: Stripe;
  /** True when talking to the local double. */
  testMode: boolean;
  /** The double, in test mode. */
  double: StripeDouble | undefined;
  close(): Promise<void>;
}

export type StripeMode = 'test' | 'live';

/** Test mode: the local double (no key) or a Stripe test key; anything else moves real money. */
export function stripeMode(secretKey: string | undefined, usesDouble: boolean): StripeMode {
  if (usesDouble || !secretKey) return 'test';
  return /^(sk|rk)_test_/.test(secretKey) ? 'test' : 'live';
}

export interface StripeClientOptions {
  secretKey: string | undefined;
  webhookSecret: string;
  /** Test mode: where the double sends webhooks (e.g. `${publicUrl}/api/stripe/webhook`). */
  webhookTarget?: WebhookTarget;
}

export async function createStripeClient(opts: StripeClientOptions): Promise<StripeClient> {
  if (opts.secretKey) {
    return {
      stripe: new Stripe(opts.secretKey, { maxNetworkRetries: 2, timeout: 20_000 }),
      testMode: false,
      double: undefined,
      close: async () => {},
    };
  }
  // Loaded only in test mode: with a real key nothing of the double is imported.
  const { StripeDouble } = await import('./stripe-double');
  const double = await StripeDouble.start({
    webhookSecret: opts.webhookSecret,
    webhookTarget: opts.webhookTarget,
    autoDeliver: opts.webhookTarget !== undefined,
  });
  return {
    stripe: double.client(),
    testMode: true,
    double,
    close: () => double.close(),
  };
}

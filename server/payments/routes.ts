/**
 * Payment routes (thin: the logic lives in payments.ts, reconciliation.ts and webhook.ts) and
 * `paymentsPlugin`, which registers them together with the Stripe webhook.
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type Stripe from 'stripe';
import { z } from 'zod';
import { AppError, notFound } from '../../shared/errors';
import { isIdOf } from '../../shared/ids';
import { paymentIntents, paymentIntentTenders } from '../../shared/schema/payments';
import type { Db } from '../db/pool';
import { assertCan } from '../plugins/auth';
import '../routes/tenancy-probe';
import { parse } from '../routes/validate';
import { createCardSession, getIntent, payByCard, refundTender, testCardPaymentMethod } from './payments';
import { reconcileDay } from './reconciliation';
import type { StripeMode } from './stripe-client';
import { stripeWebhookPlugin } from './webhook';

export interface PaymentsPluginOptions {
  db: Db;
  stripe: Stripe;
  webhookSecret: string;
  /** 'test' with the local double or a test key; the UI says so. */
  mode: StripeMode;
  /** Stripe.js needs it for Payment Element (real Stripe only). */
  publishableKey?: string;
}

const MutationId = z.string().trim().min(8).max(100);
const CardBody = z
  .strictObject({
    paymentMethod: z
      .string()
      .trim()
      .regex(/^pm_[A-Za-z0-9_]+$/, 'must be a Stripe payment method id (pm_…)')
      .optional(),
    /** Test mode only: one of Stripe's test card numbers, mapped to its test payment method here. */
    testCardNumber: z
      .string()
      .trim()
      .regex(/^[0-9 -]{12,23}$/, 'must be a card number')
      .optional(),
    mutationId: MutationId,
    amountMinor: z.number().int().positive().optional(),
  })
  .refine((b) => (b.paymentMethod === undefined) !== (b.testCardNumber === undefined), {
    message: 'give either paymentMethod or testCardNumber',
    path: ['paymentMethod'],
  });
const SessionBody = z.strictObject({
  mutationId: MutationId,
  amountMinor: z.number().int().positive().optional(),
});
const RefundBody = z.strictObject({
  amountMinor: z.number().int().positive(),
  reason: z.string().trim().min(1).max(500),
  mutationId: MutationId,
});
const ReconcileQuery = z.strictObject({
  date: z.iso.date(),
});
const IntentParams = z.strictObject({ id: z.string() });

function intentId(params: unknown): string {
  const { id } = parse(IntentParams, params);
  // A malformed id cannot exist: answer like a missing one.
  if (!isIdOf('payment_intents', id)) throw notFound('Payment intent');
  return id;
}

export async function paymentRoutes(app: FastifyInstance, opts: PaymentsPluginOptions) {
  const { db, stripe } = opts;

  /**
   * The acting member allowed to take payment and the intent named in the URL, which must be theirs:
   * existence first, so another biz's id answers 404 whatever the body.
   */
  async function intentToCharge(request: FastifyRequest) {
    const actor = await request.actor();
    assertCan(actor, 'payment.take');
    const id = intentId(request.params);
    const [intent] = await db
      .select({ id: paymentIntents.id })
      .from(paymentIntents)
      .where(and(eq(paymentIntents.bizId, actor.bizId), eq(paymentIntents.id, id)))
      .limit(1);
    if (!intent) throw notFound('Payment intent');
    return { actor, id };
  }

  app.get(
    '/api/payments/intents/:id',
    { config: { tenancy: { table: 'payment_intents', param: 'id' } } },
    async (request) => {
      const actor = await request.actor();
      assertCan(actor, 'payment.take');
      return getIntent(db, { bizId: actor.bizId, userId: actor.userId }, intentId(request.params));
    },
  );

  app.post(
    '/api/payments/intents/:id/card',
    { config: { tenancy: { table: 'payment_intents', param: 'id' } } },
    async (request) => {
      const { actor, id } = await intentToCharge(request);
      const { testCardNumber, paymentMethod, ...body } = parse(CardBody, request.body);
      if (testCardNumber !== undefined && opts.mode !== 'test') {
        throw new AppError('validation_failed', 'Test cards are accepted only in test mode.', {
          field: 'testCardNumber',
        });
      }
      const pm = testCardNumber !== undefined ? testCardPaymentMethod(testCardNumber) : paymentMethod!;
      return payByCard(
        db,
        stripe,
        { bizId: actor.bizId, userId: actor.userId },
        { intentId: id, paymentMethod: pm, ...body },
      );
    },
  );

  // Live mode: the browser confirms with Payment Element (Stripe.js) against this intent's secret.
  app.post(
    '/api/payments/intents/:id/card-session',
    { config: { tenancy: { table: 'payment_intents', param: 'id' } } },
    async (request) => {
      const { actor, id } = await intentToCharge(request);
      const body = parse(SessionBody, request.body);
      return createCardSession(db, stripe, { bizId: actor.bizId, userId: actor.userId }, { intentId: id, ...body });
    },
  );

  app.get('/api/payments/config', { config: { tenancy: 'session' } }, async (request) => {
    const session = await request.session();
    if (!session) throw new AppError('unauthenticated');
    return { mode: opts.mode, ...(opts.publishableKey ? { publishableKey: opts.publishableKey } : {}) };
  });

  app.post(
    '/api/payments/tenders/:id/refund',
    { config: { tenancy: { table: 'payment_intent_tenders', param: 'id' } } },
    async (request) => {
      const actor = await request.actor();
      assertCan(actor, 'payment.refund');
      const { id } = parse(IntentParams, request.params);
      if (!isIdOf('payment_intent_tenders', id)) throw notFound('Tender');
      const [tender] = await db
        .select({ id: paymentIntentTenders.id })
        .from(paymentIntentTenders)
        .where(and(eq(paymentIntentTenders.bizId, actor.bizId), eq(paymentIntentTenders.id, id)))
        .limit(1);
      if (!tender) throw notFound('Tender');
      const body = parse(RefundBody, request.body);
      return refundTender(db, stripe, { bizId: actor.bizId, userId: actor.userId }, { tenderId: id, ...body });
    },
  );

  app.get('/api/payments/reconciliation', { config: { tenancy: 'session' } }, async (request) => {
    const actor = await request.actor();
    assertCan(actor, 'reports.reconcile');
    const { date } = parse(ReconcileQuery, request.query);
    return reconcileDay(db, actor.bizId, date);
  });
}

/** Everything payments: the routes above and `POST /api/stripe/webhook` (raw-body parser scoped to it). */
export async function paymentsPlugin(app: FastifyInstance, opts: PaymentsPluginOptions) {
  await app.register(stripeWebhookPlugin, { db: opts.db, webhookSecret: opts.webhookSecret });
  await app.register(paymentRoutes, opts);
}

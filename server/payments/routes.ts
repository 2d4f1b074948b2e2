/**
 * Payment routes (thin: the logic lives in payments.ts, reconciliation.ts and webhook.ts) and
 * `paymentsPlugin`, which registers them together with the Stripe webhook.
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type Stripe from 'stripe';
import { z } from 'zod';
import { notFound } from '../../shared/errors';
import { isIdOf } from '../../shared/ids';
import { paymentIntents, paymentIntentTenders } from '../../shared/schema/payments';
import type { Db } from '../db/pool';
import { assertCan } from '../plugins/auth';
import '../routes/tenancy-probe';
import { parse } from '../routes/validate';
import { getIntent, payByCard, refundTender } from './payments';
import { reconcileDay } from './reconciliation';
import { stripeWebhookPlugin } from './webhook';

export interface PaymentsPluginOptions {
  db: Db;
  stripe: Stripe;
  webhookSecret: string;
}

const MutationId = z.string().trim().min(8).max(100);
const CardBody = z.strictObject({
  paymentMethod: z
    .string()
    .trim()
    .regex(/^pm_[A-Za-z0-9_]+$/, 'must be a Stripe payment method id (pm_…)'),
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
      const actor = await request.actor();
      assertCan(actor, 'payment.take');
      const id = intentId(request.params);
      // Existence first: another biz's id answers 404 whatever the body.
      const [intent] = await db
        .select({ id: paymentIntents.id })
        .from(paymentIntents)
        .where(and(eq(paymentIntents.bizId, actor.bizId), eq(paymentIntents.id, id)))
        .limit(1);
      if (!intent) throw notFound('Payment intent');
      const body = parse(CardBody, request.body);
      return payByCard(db, stripe, { bizId: actor.bizId, userId: actor.userId }, { intentId: id, ...body });
    },
  );

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

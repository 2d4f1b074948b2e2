/**
 * `POST /api/stripe/webhook`: verifies `stripe-signature` against the raw body (a JSON parser
 * that keeps the bytes, registered in this plugin's encapsulated context only), stores each
 * event once in `stripe_webhook_events` (replays are no-ops) and applies it. Handlers only move
 * state forward, so deliveries in any order reach the same final state.
 */
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import Stripe from 'stripe';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import {
  paymentDisputes,
  paymentIntentTenders,
  paymentTransactions,
  payoutLedgerEntries,
  payouts,
  settlementBatches,
  settlementEntries,
} from '../../shared/schema/payments';
import { stripeAccounts, stripePayouts, stripeWebhookEvents } from '../../shared/schema/stripe';
import type { Db } from '../db/pool';
import '../routes/tenancy-probe';
import {
  applyCardFailed,
  applyCardSucceeded,
  applyRefund,
  type DbLike,
  findCardTender,
  recomputeIntent,
  type TenderRow,
  tenderForStripeIntent,
} from './payments';
import { applyAccountUpdated, applyTransferCreated } from './stripe-links';

type Obj = Record<string, unknown>;
/** What the handlers read from an event (Stripe's shape, loosely typed: we accept older API versions). */
export interface WebhookEvent {
  id: string;
  type: string;
  created: number;
  api_version?: string | null;
  livemode?: boolean;
  account?: string;
  data: { object: Obj };
}

export interface WebhookResult {
  duplicate: boolean;
  status: 'processed' | 'ignored';
  bizId: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const meta = (o: Obj): Record<string, string> => (o.metadata as Record<string, string> | undefined) ?? {};
const at = (seconds: unknown): Date => (typeof seconds === 'number' ? new Date(seconds * 1000) : new Date());

/**
 * Store and apply one verified event, once. Runs in one transaction: the event row and every
 * effect commit together; a concurrent duplicate waits on the unique event id and then sees it.
 */
export async function processStripeEvent(db: Db, event: WebhookEvent): Promise<WebhookResult> {
  try {
    return await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(stripeWebhookEvents)
        .values({
          id: newId('stripe_webhook_events'),
          stripeEventId: event.id,
          stripeAccountId: event.account ?? null,
          type: event.type,
          apiVersion: event.api_version ?? null,
          livemode: event.livemode ?? false,
          eventCreatedAt: at(event.created),
          payload: event as unknown as Record<string, unknown>,
          signatureVerified: true,
          attempts: 1,
        })
        .onConflictDoNothing()
        .returning({ id: stripeWebhookEvents.id });
      let rowId = inserted?.id;
      if (!rowId) {
        const [seen] = await tx
          .select()
          .from(stripeWebhookEvents)
          .where(eq(stripeWebhookEvents.stripeEventId, event.id))
          .for('update')
          .limit(1);
        if (!seen) throw new Error(`webhook event ${event.id} vanished`);
        if (seen.status === 'processed' || seen.status === 'ignored') {
          return { duplicate: true, status: seen.status, bizId: seen.bizId };
        }
        rowId = seen.id; // an earlier attempt failed: try again
      }
      const bizId = await applyEvent(tx, event);
      await tx
        .update(stripeWebhookEvents)
        .set({
          bizId,
          status: bizId === null ? 'ignored' : 'processed',
          processedAt: new Date(),
          error: null,
          updatedAt: new Date(),
          attempts: sql`${stripeWebhookEvents.attempts} + ${inserted ? 0 : 1}`,
        })
        .where(eq(stripeWebhookEvents.id, rowId));
      return { duplicate: false, status: bizId === null ? 'ignored' : 'processed', bizId } as const;
    });
  } catch (err) {
    // Keep the failure (once) so it can be inspected; Stripe retries on our 500.
    await db
      .insert(stripeWebhookEvents)
      .values({
        id: newId('stripe_webhook_events'),
        stripeEventId: event.id,
        type: event.type,
        apiVersion: event.api_version ?? null,
        livemode: event.livemode ?? false,
        eventCreatedAt: at(event.created),
        payload: event as unknown as Record<string, unknown>,
        signatureVerified: true,
        status: 'failed',
        attempts: 1,
        error: String(err).slice(0, 2000),
      })
      .onConflictDoUpdate({
        target: stripeWebhookEvents.stripeEventId,
        set: {
          status: 'failed',
          error: String(err).slice(0, 2000),
          attempts: sql`${stripeWebhookEvents.attempts} + 1`,
          updatedAt: new Date(),
        },
        setWhere: sql`${stripeWebhookEvents.status} NOT IN ('processed', 'ignored')`,
      })
      .catch(() => {});
    throw err;
  }
}

/** Apply an event's effects; returns the biz it concerned, or null when it is not ours. */
async function applyEvent(tx: DbLike, event: WebhookEvent): Promise<string | null> {
  const o = event.data.object;
  switch (event.type) {
    case 'payment_intent.succeeded':
      return paymentSucceeded(tx, o, at(event.created));
    case 'payment_intent.payment_failed':
      return paymentFailed(tx, o);
    case 'charge.refunded':
      return chargeRefunded(tx, o);
    case 'charge.dispute.created':
    case 'charge.dispute.updated':
    case 'charge.dispute.funds_withdrawn':
      return (await disputeOpened(tx, o))?.bizId ?? null;
    case 'charge.dispute.closed':
      return disputeClosed(tx, o);
    case 'payout.paid':
      return payoutPaid(tx, event);
    case 'transfer.created':
      return applyTransferCreated(tx, o);
    case 'account.updated':
      return applyAccountUpdated(tx, o);
    default:
      return bizOfMetadata(o);
  }
}

function bizOfMetadata(o: Obj): string | null {
  return meta(o).biz_id ?? null;
}

function piRef(o: Obj) {
  return {
    id: String(o.id),
    amount: num(o.amount_received) || num(o.amount),
    currency: str(o.currency) ?? 'usd',
    metadata: meta(o),
  };
}

async function paymentSucceeded(tx: DbLike, o: Obj, when: Date): Promise<string | null> {
  const tender = await tenderForStripeIntent(tx, piRef(o));
  if (!tender) return null;
  await applyCardSucceeded(tx, tender.bizId, tender.id, {
    stripePaymentIntentId: String(o.id),
    chargeId: str(o.latest_charge),
    occurredAt: tender.status === 'pending' && !tender.requestKey ? when : undefined,
  });
  return tender.bizId;
}

async function paymentFailed(tx: DbLike, o: Obj): Promise<string | null> {
  const tender = await tenderForStripeIntent(tx, piRef(o));
  if (!tender) return null;
  const err = (o.last_payment_error as Obj | null) ?? {};
  await applyCardFailed(tx, tender.bizId, tender.id, {
    stripePaymentIntentId: String(o.id),
    failureCode: str(err.decline_code) ?? str(err.code) ?? 'payment_failed',
    message: str(err.message) ?? undefined,
  });
  return tender.bizId;
}

/** The card tender a charge belongs to; captured first if the success event has not come yet. */
async function tenderOfCharge(tx: DbLike, charge: Obj): Promise<TenderRow | undefined> {
  const piId = str(charge.payment_intent);
  if (!piId) return undefined;
  const tender = await tenderForStripeIntent(tx, {
    id: piId,
    amount: num(charge.amount_captured) || num(charge.amount),
    currency: str(charge.currency) ?? 'usd',
    metadata: meta(charge),
  });
  if (!tender) return undefined;
  if (tender.status === 'pending' || tender.status === 'failed') {
    await applyCardSucceeded(tx, tender.bizId, tender.id, { stripePaymentIntentId: piId, chargeId: str(charge.id) });
  }
  return tender;
}

async function chargeRefunded(tx: DbLike, charge: Obj): Promise<string | null> {
  const tender = await tenderOfCharge(tx, charge);
  if (!tender) return null;
  const refunds = ((charge.refunds as { data?: Obj[] } | undefined)?.data ?? []).slice().reverse();
  for (const r of refunds) {
    if (str(r.status) && r.status !== 'succeeded' && r.status !== 'pending') continue;
    const [already] = await tx
      .select({ id: paymentTransactions.id })
      .from(paymentTransactions)
      .where(and(eq(paymentTransactions.bizId, tender.bizId), eq(paymentTransactions.stripeObjectId, String(r.id))))
      .limit(1);
    if (already) continue;
    const m = meta(r);
    await applyRefund(tx, tender.bizId, tender.id, {
      amountMinor: num(r.amount),
      reason: m.reason ?? str(r.reason),
      stripeRefundId: String(r.id),
      requestKey: m.mutation_id && m.biz_id === tender.bizId ? `refund:${m.mutation_id}` : null,
      occurredAt: at(r.created),
    });
  }
  return tender.bizId;
}

function disputeFee(d: Obj): number {
  const txns = (d.balance_transactions as Obj[] | undefined) ?? [];
  return Math.max(0, num(txns[0]?.fee));
}

/** Record a dispute once: the dispute row and a `dispute_hold` taking the amount out. */
async function disputeOpened(
  tx: DbLike,
  d: Obj,
): Promise<{ bizId: string; disputeId: string; holdId: string; status: string } | null> {
  const stripeDisputeId = String(d.id);
  const [existing] = await tx
    .select()
    .from(paymentDisputes)
    .where(eq(paymentDisputes.stripeDisputeId, stripeDisputeId))
    .for('update')
    .limit(1);
  if (existing) {
    const [hold] = await tx
      .select({ id: paymentTransactions.id })
      .from(paymentTransactions)
      .where(
        and(
          eq(paymentTransactions.bizId, existing.bizId),
          eq(paymentTransactions.requestKey, `dispute_hold:${stripeDisputeId}`),
        ),
      );
    return { bizId: existing.bizId, disputeId: existing.id, holdId: hold!.id, status: existing.status };
  }
  const piId = str(d.payment_intent);
  const tender = piId ? await findCardTender(tx, { id: piId, metadata: meta(d) }) : undefined;
  if (!tender) return null;
  const { bizId } = tender;
  const [charge] = await tx
    .select()
    .from(paymentTransactions)
    .where(
      and(
        eq(paymentTransactions.bizId, bizId),
        eq(paymentTransactions.tenderId, tender.id),
        eq(paymentTransactions.type, 'charge'),
        eq(paymentTransactions.status, 'succeeded'),
      ),
    )
    .limit(1);
  const amount = num(d.amount);
  const openedAt = at(d.created);
  const [dispute] = await tx
    .insert(paymentDisputes)
    .values({
      id: newId('payment_disputes'),
      bizId,
      paymentIntentId: tender.paymentIntentId,
      paymentTransactionId: charge?.id ?? null,
      stripeDisputeId,
      status: 'needs_response',
      amountMinor: amount,
      feeMinor: disputeFee(d),
      currency: tender.currency,
      reason: str(d.reason),
      openedAt,
      evidenceDueAt: (d.evidence_details as Obj | undefined)?.due_by ? at((d.evidence_details as Obj).due_by) : null,
    })
    .returning();
  const holdId = newId('payment_transactions');
  await tx.insert(paymentTransactions).values({
    id: holdId,
    bizId,
    paymentIntentId: tender.paymentIntentId,
    tenderId: tender.id,
    type: 'dispute_hold',
    amountMinor: amount,
    currency: tender.currency,
    occurredAt: openedAt,
    stripeObjectId: stripeDisputeId,
    reversesTransactionId: charge?.id ?? null,
    reason: str(d.reason),
    requestKey: `dispute_hold:${stripeDisputeId}`,
  });
  await recomputeIntent(tx, bizId, tender.paymentIntentId);
  return { bizId, disputeId: dispute!.id, holdId, status: dispute!.status };
}

/**
 * Close a dispute (opening it first if `created` has not arrived yet). Won: a `dispute_reversal`
 * gives the held amount back. Lost: the hold is reversed and replaced by a `chargeback` carrying
 * the dispute fee, so the ledger nets to −amount − fee.
 */
async function disputeClosed(tx: DbLike, d: Obj): Promise<string | null> {
  const opened = await disputeOpened(tx, d);
  if (!opened) return null;
  const outcome = str(d.status);
  if (outcome !== 'won' && outcome !== 'lost') return opened.bizId;
  if (opened.status === 'won' || opened.status === 'lost' || opened.status === 'closed') return opened.bizId;
  const [dispute] = await tx.select().from(paymentDisputes).where(eq(paymentDisputes.id, opened.disputeId));
  const base = {
    bizId: opened.bizId,
    paymentIntentId: dispute!.paymentIntentId,
    currency: dispute!.currency,
    stripeObjectId: dispute!.stripeDisputeId,
    occurredAt: new Date(),
  };
  const [hold] = await tx.select().from(paymentTransactions).where(eq(paymentTransactions.id, opened.holdId));
  await tx.insert(paymentTransactions).values({
    ...base,
    id: newId('payment_transactions'),
    tenderId: hold!.tenderId,
    type: 'dispute_reversal',
    amountMinor: dispute!.amountMinor,
    reversesTransactionId: opened.holdId,
    reason: `dispute ${outcome}`,
    requestKey: `dispute_reversal:${dispute!.stripeDisputeId}`,
  });
  const fee = Math.max(dispute!.feeMinor, disputeFee(d));
  if (outcome === 'lost') {
    await tx.insert(paymentTransactions).values({
      ...base,
      id: newId('payment_transactions'),
      tenderId: hold!.tenderId,
      type: 'chargeback',
      amountMinor: dispute!.amountMinor,
      feeMinor: fee,
      reversesTransactionId: dispute!.paymentTransactionId,
      reason: dispute!.reason,
      requestKey: `chargeback:${dispute!.stripeDisputeId}`,
    });
  }
  await tx
    .update(paymentDisputes)
    .set({
      status: outcome,
      feeMinor: fee,
      resolvedAt: new Date(Math.max(Date.now(), dispute!.openedAt.getTime())),
      outcome: { status: outcome },
      updatedAt: new Date(),
    })
    .where(eq(paymentDisputes.id, dispute!.id));
  await recomputeIntent(tx, opened.bizId, dispute!.paymentIntentId);
  return opened.bizId;
}

/** Signed settlement amount of a ledger row (+ into the Stripe balance, − out of it). */
const SETTLEMENT_SIGN: Partial<Record<(typeof paymentTransactions.$inferSelect)['type'], 1 | -1>> = {
  charge: 1,
  refund: -1,
  dispute_hold: -1,
  dispute_reversal: 1,
  chargeback: -1,
};

/**
 * A payout reached the bank: settle every card ledger row not yet settled (up to the payout's
 * creation) into a batch, record the payout and its ledger lines. A payout whose amount differs
 * from the batch net is kept as is: reconciliation lists the mismatch.
 */
async function payoutPaid(tx: DbLike, event: WebhookEvent): Promise<string | null> {
  const p = event.data.object;
  let bizId = bizOfMetadata(p);
  if (!bizId && event.account) {
    const [acct] = await tx
      .select({ bizId: stripeAccounts.bizId })
      .from(stripeAccounts)
      .where(eq(stripeAccounts.stripeAccountId, event.account))
      .limit(1);
    bizId = acct?.bizId ?? null;
  }
  if (!bizId) return null;
  const stripePayoutId = String(p.id);
  const [existing] = await tx.select().from(payouts).where(eq(payouts.stripePayoutId, stripePayoutId)).limit(1);
  if (existing) {
    if (existing.status !== 'paid') {
      await tx
        .update(payouts)
        .set({ status: 'paid', paidAt: new Date(), updatedAt: new Date() })
        .where(eq(payouts.id, existing.id));
    }
    return existing.bizId;
  }
  const createdAt = at(p.created);
  // Stripe's `created` has whole seconds: include rows from within that second.
  const cutoff = new Date(createdAt.getTime() + 999);
  const currency = (str(p.currency) ?? 'usd').toUpperCase();
  const rows = await tx
    .select({ tx: paymentTransactions })
    .from(paymentTransactions)
    .innerJoin(
      paymentIntentTenders,
      and(
        eq(paymentIntentTenders.bizId, paymentTransactions.bizId),
        eq(paymentIntentTenders.id, paymentTransactions.tenderId),
      ),
    )
    .leftJoin(
      settlementEntries,
      and(
        eq(settlementEntries.bizId, paymentTransactions.bizId),
        eq(settlementEntries.paymentTransactionId, paymentTransactions.id),
      ),
    )
    .where(
      and(
        eq(paymentTransactions.bizId, bizId),
        eq(paymentTransactions.status, 'succeeded'),
        eq(paymentTransactions.currency, currency),
        eq(paymentIntentTenders.tenderType, 'card'),
        lte(paymentTransactions.occurredAt, cutoff),
        isNull(settlementEntries.id),
      ),
    )
    .orderBy(paymentTransactions.occurredAt);
  const lines: {
    txId: string;
    type: (typeof settlementEntries.$inferInsert)['entryType'];
    amount: number;
    at: Date;
  }[] = [];
  for (const { tx: t } of rows) {
    const sign = SETTLEMENT_SIGN[t.type];
    if (sign && t.amountMinor !== 0) {
      lines.push({ txId: t.id, type: t.type as 'charge', amount: sign * t.amountMinor, at: t.occurredAt });
    }
    if (t.feeMinor > 0) lines.push({ txId: t.id, type: 'fee', amount: -t.feeMinor, at: t.occurredAt });
  }
  const gross = lines.filter((l) => l.type !== 'fee').reduce((s, l) => s + l.amount, 0);
  const fees = -lines.filter((l) => l.type === 'fee').reduce((s, l) => s + l.amount, 0);
  const start = lines[0]?.at ?? new Date(createdAt.getTime() - 86_400_000);
  const end = new Date(Math.max(createdAt.getTime(), start.getTime() + 1));
  const paidAt = new Date(Math.max(Date.now(), createdAt.getTime()));
  const batchId = newId('settlement_batches');
  await tx.insert(settlementBatches).values({
    id: batchId,
    bizId,
    name: `Stripe payout ${stripePayoutId}`,
    status: 'paid',
    currency,
    periodStartAt: start,
    periodEndAt: end,
    grossMinor: gross,
    feesMinor: fees,
    netMinor: gross - fees,
    entryCount: lines.length,
    paidAt,
    stripePayoutId,
  });
  const payoutId = newId('payouts');
  await tx.insert(payouts).values({
    id: payoutId,
    bizId,
    settlementBatchId: batchId,
    status: 'paid',
    currency,
    amountMinor: num(p.amount),
    destinationRef: str(p.destination),
    stripePayoutId,
    initiatedAt: createdAt,
    expectedArrivalAt: p.arrival_date ? at(p.arrival_date) : null,
    paidAt,
  });
  await tx.insert(stripePayouts).values({
    id: newId('stripe_payouts'),
    bizId,
    payoutId,
    stripePayoutId,
    amountMinor: num(p.amount),
    currency,
    status: 'paid',
    arrivalAt: p.arrival_date ? at(p.arrival_date) : null,
    method: str(p.method),
  });
  for (const l of lines) {
    const entryId = newId('settlement_entries');
    await tx.insert(settlementEntries).values({
      id: entryId,
      bizId,
      settlementBatchId: batchId,
      paymentTransactionId: l.txId,
      entryType: l.type,
      amountMinor: l.amount,
      currency,
      occurredAt: l.at,
      requestKey: `${l.type}:${l.txId}`,
    });
    await tx.insert(payoutLedgerEntries).values({
      id: newId('payout_ledger_entries'),
      bizId,
      payoutId,
      settlementEntryId: entryId,
      entryType: l.type === 'fee' ? 'fee' : l.amount > 0 ? 'credit' : 'debit',
      amountMinor: Math.abs(l.amount),
      currency,
      recordedAt: paidAt,
    });
  }
  return bizId;
}

// ------------------------------------------------------------------ route

export interface WebhookPluginOptions {
  db: Db;
  webhookSecret: string;
}

/** Register in its own (encapsulated) context: the raw-body JSON parser applies to this route only. */
export async function stripeWebhookPlugin(app: FastifyInstance, opts: WebhookPluginOptions) {
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post('/api/stripe/webhook', { config: { tenancy: 'public' } }, async (request, reply) => {
    const raw = request.body;
    const header = request.headers['stripe-signature'];
    if (!Buffer.isBuffer(raw) || typeof header !== 'string' || header === '') {
      throw new AppError('stripe_signature_invalid');
    }
    let event: WebhookEvent;
    try {
      event = Stripe.webhooks.constructEvent(raw, header, opts.webhookSecret) as unknown as WebhookEvent;
    } catch {
      throw new AppError('stripe_signature_invalid');
    }
    if (typeof event?.id !== 'string' || typeof event.type !== 'string' || typeof event.data?.object !== 'object') {
      throw new AppError('bad_request', 'Not a Stripe event.');
    }
    const result = await processStripeEvent(opts.db, event);
    return reply.status(200).send({ received: true, ...result });
  });
}

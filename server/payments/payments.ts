/**
 * Payment service: intents for booking orders, tenders (cash, pay later, wallet credit offline;
 * card online through Stripe), append-only payment_transactions, refunds by tender, and keeping
 * intent totals and booking_orders.payment_status in step.
 *
 * Every function takes a drizzle db or transaction and the acting biz. Offline tenders are pure
 * DB functions (usable inside the write path's mutators); card functions also take the Stripe
 * client. State only moves forward, so the webhook path and the request path can race safely:
 * both lock the tender row and skip work already recorded.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { AppError, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { refundEntitlement } from '../../shared/mutators/entitlements';
import type { SqlTx } from '../../shared/mutators/types';
import { bookingOrders } from '../../shared/schema/fulfillment';
import {
  paymentDisputes,
  paymentIntents,
  paymentIntentTenders,
  paymentTransactions,
} from '../../shared/schema/payments';
import type { Db } from '../db/pool';
import {
  type ConnectAccount,
  ensureConnectAccount,
  ensureStripeCustomer,
  linkTransferToCharge,
  recordPaymentMethod,
} from './stripe-links';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbLike = Db | Tx;

/** Who acts: the biz every row must belong to, and (optionally) the user recorded as creator. */
export interface ActingBiz {
  bizId: string;
  userId?: string | null;
}

export type IntentRow = typeof paymentIntents.$inferSelect;
export type TenderRow = typeof paymentIntentTenders.$inferSelect;
export type TransactionRow = typeof paymentTransactions.$inferSelect;

export interface IntentSummary {
  intent: IntentRow;
  tenders: TenderRow[];
  transactions: TransactionRow[];
  amountDueMinor: number;
  paidMinor: number;
  refundedMinor: number;
  /** What is still owed: amount due minus what was paid (refunds do not re-open a balance). */
  balanceMinor: number;
  /** Promised but not collected ("pay later" legs). */
  pendingMinor: number;
}

const PAID_TENDER = ['captured', 'partially_refunded', 'refunded'] as const;
type TenderStatus = TenderRow['status'];
/** Forward order of a tender's life; a lower rank never overwrites a higher one. */
const TENDER_RANK: Record<TenderStatus, number> = {
  pending: 0,
  failed: 1,
  cancelled: 1,
  authorized: 2,
  captured: 3,
  partially_refunded: 4,
  refunded: 5,
};

// ------------------------------------------------------------------ reads

async function intentRow(db: DbLike, bizId: string, intentId: string, lock = false): Promise<IntentRow> {
  const q = db
    .select()
    .from(paymentIntents)
    .where(and(eq(paymentIntents.bizId, bizId), eq(paymentIntents.id, intentId)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Payment intent');
  return row;
}

export async function getIntent(db: DbLike, biz: ActingBiz, intentId: string): Promise<IntentSummary> {
  const intent = await intentRow(db, biz.bizId, intentId);
  const tenders = await db
    .select()
    .from(paymentIntentTenders)
    .where(and(eq(paymentIntentTenders.bizId, biz.bizId), eq(paymentIntentTenders.paymentIntentId, intentId)))
    .orderBy(paymentIntentTenders.occurredAt, paymentIntentTenders.id);
  const transactions = await db
    .select()
    .from(paymentTransactions)
    .where(and(eq(paymentTransactions.bizId, biz.bizId), eq(paymentTransactions.paymentIntentId, intentId)))
    .orderBy(paymentTransactions.occurredAt, paymentTransactions.id);
  const pendingMinor = tenders
    .filter((t) => t.status === 'pending' && t.tenderType === 'pay_later')
    .reduce((s, t) => s + t.amountMinor, 0);
  return {
    intent,
    tenders,
    transactions,
    amountDueMinor: intent.amountMinor,
    paidMinor: intent.amountPaidMinor,
    refundedMinor: intent.amountRefundedMinor,
    balanceMinor: Math.max(0, intent.amountMinor - intent.amountPaidMinor),
    pendingMinor,
  };
}

/** The intent of a booking order, created (amount = order total) when it has none yet. */
export async function ensureIntentForOrder(db: DbLike, biz: ActingBiz, bookingOrderId: string): Promise<IntentSummary> {
  const id = await db.transaction(async (tx) => {
    const [order] = await tx
      .select()
      .from(bookingOrders)
      .where(and(eq(bookingOrders.bizId, biz.bizId), eq(bookingOrders.id, bookingOrderId)))
      .for('update')
      .limit(1);
    if (!order) throw notFound('Booking order');
    const [existing] = await tx
      .select({ id: paymentIntents.id })
      .from(paymentIntents)
      .where(
        and(
          eq(paymentIntents.bizId, biz.bizId),
          eq(paymentIntents.bookingOrderId, bookingOrderId),
          sql`${paymentIntents.status} <> 'cancelled'`,
        ),
      )
      .orderBy(desc(paymentIntents.createdAt))
      .limit(1);
    if (existing) return existing.id;
    const [created] = await tx
      .insert(paymentIntents)
      .values({
        id: newId('payment_intents'),
        bizId: biz.bizId,
        bookingOrderId,
        currency: order.currency,
        amountMinor: order.totalMinor,
        description: `Booking ${order.bookingCode}`,
        createdBy: biz.userId ?? null,
        updatedBy: biz.userId ?? null,
      })
      .returning({ id: paymentIntents.id });
    return created!.id;
  });
  return getIntent(db, biz, id);
}

// ------------------------------------------------------------------ totals

function intentStatus(intent: IntentRow, paid: number, refunded: number): IntentRow['status'] {
  if (intent.status === 'cancelled') return 'cancelled';
  if (paid > 0 && refunded >= paid) return 'refunded';
  if (refunded > 0) return 'partially_refunded';
  if (paid >= intent.amountMinor && paid > 0) return 'paid';
  if (paid > 0) return 'partially_paid';
  return intent.amountMinor === 0 ? 'paid' : 'requires_payment';
}

/**
 * Recompute an intent's paid/refunded totals from its tenders, its status, and its booking
 * order's payment_status (open or lost disputes show as `disputed`).
 */
export async function recomputeIntent(tx: DbLike, bizId: string, intentId: string): Promise<IntentRow> {
  const intent = await intentRow(tx, bizId, intentId, true);
  const tenders = await tx
    .select()
    .from(paymentIntentTenders)
    .where(and(eq(paymentIntentTenders.bizId, bizId), eq(paymentIntentTenders.paymentIntentId, intentId)));
  const paidTenders = tenders.filter((t) => (PAID_TENDER as readonly string[]).includes(t.status));
  const paid = paidTenders.reduce((s, t) => s + t.amountMinor, 0);
  const refunded = paidTenders.reduce((s, t) => s + t.amountRefundedMinor, 0);
  const status = intentStatus(intent, paid, refunded);
  const becamePaid = status === 'paid' && intent.paidAt === null;
  const [updated] = await tx
    .update(paymentIntents)
    .set({
      amountPaidMinor: paid,
      amountRefundedMinor: refunded,
      status,
      paidAt: becamePaid ? new Date() : intent.paidAt,
      updatedAt: new Date(),
    })
    .where(and(eq(paymentIntents.bizId, bizId), eq(paymentIntents.id, intentId)))
    .returning();
  if (intent.bookingOrderId) {
    const disputes = await tx
      .select({ status: paymentDisputes.status })
      .from(paymentDisputes)
      .where(and(eq(paymentDisputes.bizId, bizId), eq(paymentDisputes.paymentIntentId, intentId)));
    const disputed = disputes.some((d) => d.status !== 'won' && d.status !== 'closed');
    const pendingLater = tenders.some((t) => t.status === 'pending' && t.tenderType === 'pay_later');
    const paymentStatus: (typeof bookingOrders.$inferSelect)['paymentStatus'] = disputed
      ? 'disputed'
      : status === 'refunded'
        ? 'refunded'
        : status === 'paid' || status === 'partially_refunded'
          ? 'paid'
          : status === 'partially_paid'
            ? 'partial'
            : pendingLater
              ? 'pending'
              : 'unpaid';
    await tx
      .update(bookingOrders)
      .set({ paymentStatus, updatedAt: new Date() })
      .where(and(eq(bookingOrders.bizId, bizId), eq(bookingOrders.id, intent.bookingOrderId)));
  }
  return updated!;
}

function assertPayable(intent: IntentRow, amountMinor: number | undefined): number {
  if (intent.status === 'cancelled') throw new AppError('invalid_state', 'This payment was cancelled.');
  const balance = Math.max(0, intent.amountMinor - intent.amountPaidMinor);
  const amount = amountMinor ?? balance;
  if (amount <= 0) throw new AppError('invalid_state', 'Nothing is left to pay.', { balanceMinor: balance });
  if (amount > balance) {
    throw new AppError('validation_failed', 'The amount is more than the balance due.', { balanceMinor: balance });
  }
  return amount;
}

// ------------------------------------------------------------------ offline tenders

export interface OfflineTenderInput {
  intentId: string;
  /** Wallet credit is a mutator (`payments.recordTender`): it must debit the wallet's ledger too. */
  tenderType: 'cash' | 'pay_later';
  /** Default: the whole balance. */
  amountMinor?: number;
  /** The client mutation id: a retried mutation records nothing twice. */
  mutationId: string;
  receivedOffline?: boolean;
  /** Device time when the money changed hands (decides the business day). */
  occurredAt?: Date;
}

/**
 * Record a cash or pay-later leg. No network needed. Cash is captured at once (a `charge`
 * transaction); pay later stays `pending` and shows as promised, not paid.
 */
export async function recordOfflineTender(
  db: DbLike,
  biz: ActingBiz,
  input: OfflineTenderInput,
): Promise<{ tender: TenderRow; intent: IntentRow }> {
  return db.transaction(async (tx) => {
    const requestKey = `tender:${input.mutationId}`;
    const intent = await intentRow(tx, biz.bizId, input.intentId, true);
    const [existing] = await tx
      .select()
      .from(paymentIntentTenders)
      .where(and(eq(paymentIntentTenders.bizId, biz.bizId), eq(paymentIntentTenders.requestKey, requestKey)))
      .limit(1);
    if (existing) {
      if (existing.paymentIntentId !== input.intentId) throw new AppError('idempotency_conflict');
      return { tender: existing, intent };
    }
    const amount = assertPayable(intent, input.amountMinor);
    const occurredAt = input.occurredAt ?? new Date();
    const captured = input.tenderType !== 'pay_later';
    const [tender] = await tx
      .insert(paymentIntentTenders)
      .values({
        id: newId('payment_intent_tenders'),
        bizId: biz.bizId,
        paymentIntentId: intent.id,
        tenderType: input.tenderType,
        status: captured ? 'captured' : 'pending',
        currency: intent.currency,
        amountMinor: amount,
        receivedOffline: input.receivedOffline ?? false,
        occurredAt,
        requestKey,
        createdBy: biz.userId ?? null,
        updatedBy: biz.userId ?? null,
      })
      .returning();
    if (captured) {
      await tx.insert(paymentTransactions).values({
        id: newId('payment_transactions'),
        bizId: biz.bizId,
        paymentIntentId: intent.id,
        tenderId: tender!.id,
        type: 'charge',
        status: 'succeeded',
        amountMinor: amount,
        currency: intent.currency,
        occurredAt,
        requestKey: `charge:${tender!.id}`,
        createdBy: biz.userId ?? null,
      });
    }
    return { tender: tender!, intent: await recomputeIntent(tx, biz.bizId, intent.id) };
  });
}

// ------------------------------------------------------------------ card

export interface CardPaymentInput {
  intentId: string;
  /** A Stripe payment method id (`pm_…`; in test mode `pm_card_visa` or `pm_card_chargeDeclined`). */
  paymentMethod: string;
  mutationId: string;
  amountMinor?: number;
}

/** The Stripe idempotency key of a card charge: derived from the caller's mutation id. */
export function cardIdempotencyKey(bizId: string, mutationId: string): string {
  return `bizing:pi:${bizId}:${mutationId}`;
}

async function tenderRow(db: DbLike, bizId: string, tenderId: string, lock = false): Promise<TenderRow> {
  const q = db
    .select()
    .from(paymentIntentTenders)
    .where(and(eq(paymentIntentTenders.bizId, bizId), eq(paymentIntentTenders.id, tenderId)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Tender');
  return row;
}

/**
 * Charge a card through Stripe for (part of) the balance. The tender is reserved first (pending),
 * then Stripe is called with an idempotency key derived from the mutation id, so a retried commit
 * — even one that crashed after Stripe answered — makes exactly one charge. A decline records a
 * failed tender and a failed `charge` row and throws `payment_declined`; paid legs are untouched.
 */
export async function payByCard(
  db: DbLike,
  stripe: Stripe,
  biz: ActingBiz,
  input: CardPaymentInput,
): Promise<IntentSummary> {
  const requestKey = `card:${input.mutationId}`;
  const { tender, intent } = await db.transaction(async (tx) => {
    const intent = await intentRow(tx, biz.bizId, input.intentId, true);
    const [existing] = await tx
      .select()
      .from(paymentIntentTenders)
      .where(and(eq(paymentIntentTenders.bizId, biz.bizId), eq(paymentIntentTenders.requestKey, requestKey)))
      .limit(1);
    if (existing) {
      if (existing.paymentIntentId !== input.intentId) throw new AppError('idempotency_conflict');
      return { tender: existing, intent };
    }
    const amount = assertPayable(intent, input.amountMinor);
    const [tender] = await tx
      .insert(paymentIntentTenders)
      .values({
        id: newId('payment_intent_tenders'),
        bizId: biz.bizId,
        paymentIntentId: intent.id,
        tenderType: 'card',
        status: 'pending',
        currency: intent.currency,
        amountMinor: amount,
        requestKey,
        metadata: { paymentMethod: input.paymentMethod },
        createdBy: biz.userId ?? null,
        updatedBy: biz.userId ?? null,
      })
      .returning();
    return { tender: tender!, intent };
  });

  if (tender.status === 'failed') {
    throw new AppError('payment_declined', undefined, {
      declineCode: tender.failureCode,
      ...balanceDetails(await getIntent(db, biz, intent.id)),
    });
  }
  if (tender.status !== 'pending') return getIntent(db, biz, intent.id);

  // Before the charge (and stable across retries, so the idempotent request repeats exactly): the
  // paying customer and the biz's Connect account the charge transfers to.
  const customer = await ensureStripeCustomer(db, stripe, biz.bizId, intent);
  const account = await connectAccountOrNone(db, stripe, biz.bizId);
  let pi: Stripe.PaymentIntent;
  try {
    pi = await stripe.paymentIntents.create(
      {
        amount: tender.amountMinor,
        currency: tender.currency.toLowerCase(),
        payment_method: input.paymentMethod,
        allowed_payment_method_types: ['card'],
        error_on_requires_action: true,
        confirm: true,
        description: intent.description ?? `Payment ${intent.id}`,
        metadata: { biz_id: biz.bizId, payment_intent_id: intent.id, mutation_id: input.mutationId },
        ...(customer ? { customer: customer.stripeCustomerId } : {}),
        ...destination(account, intent.id),
      },
      { idempotencyKey: cardIdempotencyKey(biz.bizId, input.mutationId) },
    );
  } catch (err) {
    if (err instanceof Stripe.errors.StripeCardError) {
      await applyCardFailed(db, biz.bizId, tender.id, {
        stripePaymentIntentId: err.payment_intent?.id ?? null,
        failureCode: err.decline_code ?? err.code ?? 'card_declined',
        message: err.message,
      });
      throw new AppError('payment_declined', undefined, {
        declineCode: err.decline_code ?? err.code ?? null,
        ...balanceDetails(await getIntent(db, biz, intent.id)),
      });
    }
    // Network or Stripe outage: the tender stays pending; retrying the same mutation is safe.
    throw err;
  }
  if (pi.status === 'succeeded') {
    await applyCardSucceeded(db, biz.bizId, tender.id, {
      stripePaymentIntentId: pi.id,
      chargeId: typeof pi.latest_charge === 'string' ? pi.latest_charge : (pi.latest_charge?.id ?? null),
    });
    const pmId = typeof pi.payment_method === 'string' ? pi.payment_method : pi.payment_method?.id;
    // A mirror only: the money is recorded; a failure here must not turn a paid charge into an error.
    if (pmId) await recordPaymentMethod(db, stripe, biz.bizId, customer, pmId).catch(() => undefined);
  } else {
    await db
      .update(paymentIntentTenders)
      .set({ stripePaymentIntentId: pi.id, updatedAt: new Date() })
      .where(and(eq(paymentIntentTenders.bizId, biz.bizId), eq(paymentIntentTenders.id, tender.id)));
  }
  return getIntent(db, biz, intent.id);
}

/**
 * The biz's Connect account, or none when Stripe refuses to make one (a platform without Connect):
 * the charge then stays on the platform account rather than failing the customer's payment.
 */
async function connectAccountOrNone(db: DbLike, stripe: Stripe, bizId: string): Promise<ConnectAccount | undefined> {
  try {
    return await ensureConnectAccount(db, stripe, bizId);
  } catch (err) {
    if (err instanceof Stripe.errors.StripeInvalidRequestError || err instanceof Stripe.errors.StripePermissionError) {
      return undefined;
    }
    throw err;
  }
}

/** Destination charge to the biz's account, grouped under our intent id (how transfers find it). */
function destination(account: ConnectAccount | undefined, intentId: string) {
  if (!account?.chargesEnabled) return {};
  return { transfer_data: { destination: account.stripeAccountId }, transfer_group: intentId };
}

/**
 * Stripe's test card numbers the desk may type in test mode, as the test payment methods Stripe
 * (and the local double) accept. Anything else is refused: real card numbers never reach us.
 */
export const TEST_CARDS: Readonly<Record<string, string>> = {
  '4242424242424242': 'pm_card_visa',
  '5555555555554444': 'pm_card_mastercard',
  '4000000000000002': 'pm_card_chargeDeclined',
  '4000000000009995': 'pm_card_chargeDeclinedInsufficientFunds',
};

export function testCardPaymentMethod(number: string): string {
  const pm = TEST_CARDS[number.replace(/[\s-]/g, '')];
  if (!pm) {
    throw new AppError(
      'validation_failed',
      'Use a Stripe test card: 4242 4242 4242 4242 (paid) or 4000 0000 0000 0002 (declined).',
      { field: 'testCardNumber' },
    );
  }
  return pm;
}

/**
 * Live mode: a Stripe payment intent for Payment Element to confirm in the browser (Stripe.js).
 * No tender is reserved here: the `payment_intent.succeeded` webhook records it from the metadata.
 */
export async function createCardSession(
  db: DbLike,
  stripe: Stripe,
  biz: ActingBiz,
  input: { intentId: string; mutationId: string; amountMinor?: number },
): Promise<{ clientSecret: string; stripePaymentIntentId: string; amountMinor: number }> {
  const intent = await intentRow(db, biz.bizId, input.intentId);
  const amount = assertPayable(intent, input.amountMinor);
  const customer = await ensureStripeCustomer(db, stripe, biz.bizId, intent);
  const account = await connectAccountOrNone(db, stripe, biz.bizId);
  const pi = await stripe.paymentIntents.create(
    {
      amount,
      currency: intent.currency.toLowerCase(),
      automatic_payment_methods: { enabled: true },
      description: intent.description ?? `Payment ${intent.id}`,
      metadata: { biz_id: biz.bizId, payment_intent_id: intent.id, mutation_id: input.mutationId },
      ...(customer ? { customer: customer.stripeCustomerId } : {}),
      ...destination(account, intent.id),
    },
    { idempotencyKey: cardIdempotencyKey(biz.bizId, input.mutationId) },
  );
  if (!pi.client_secret) throw new AppError('internal', 'Stripe returned no client secret.');
  return { clientSecret: pi.client_secret, stripePaymentIntentId: pi.id, amountMinor: amount };
}

function balanceDetails(s: IntentSummary) {
  return {
    paymentIntentId: s.intent.id,
    amountDueMinor: s.amountDueMinor,
    paidMinor: s.paidMinor,
    balanceMinor: s.balanceMinor,
  };
}

/** A card leg succeeded (request path or webhook): capture the tender once and write its charge row. */
export async function applyCardSucceeded(
  db: DbLike,
  bizId: string,
  tenderId: string,
  info: { stripePaymentIntentId: string; chargeId: string | null; occurredAt?: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const tender = await tenderRow(tx, bizId, tenderId, true);
    if (TENDER_RANK[tender.status] >= TENDER_RANK.captured) return false;
    await tx
      .update(paymentIntentTenders)
      .set({
        status: 'captured',
        stripePaymentIntentId: info.stripePaymentIntentId,
        failureCode: null,
        updatedAt: new Date(),
      })
      .where(and(eq(paymentIntentTenders.bizId, bizId), eq(paymentIntentTenders.id, tenderId)));
    await tx
      .insert(paymentTransactions)
      .values({
        id: newId('payment_transactions'),
        bizId,
        paymentIntentId: tender.paymentIntentId,
        tenderId,
        type: 'charge',
        status: 'succeeded',
        amountMinor: tender.amountMinor,
        currency: tender.currency,
        occurredAt: info.occurredAt ?? tender.occurredAt,
        stripeObjectId: info.chargeId ?? info.stripePaymentIntentId,
        requestKey: `charge:${tenderId}`,
        providerPayload: { payment_intent: info.stripePaymentIntentId, charge: info.chargeId },
      })
      .onConflictDoNothing();
    // A `transfer.created` that arrived before this charge was recorded gets its ledger link now.
    if (info.chargeId) await linkTransferToCharge(tx, bizId, info.chargeId, `charge:${tenderId}`);
    await tx
      .update(paymentIntents)
      .set({ stripePaymentIntentId: info.stripePaymentIntentId })
      .where(
        and(
          eq(paymentIntents.bizId, bizId),
          eq(paymentIntents.id, tender.paymentIntentId),
          isNull(paymentIntents.stripePaymentIntentId),
        ),
      );
    await recomputeIntent(tx, bizId, tender.paymentIntentId);
    return true;
  });
}

/** A card leg was declined: only a pending tender becomes failed (a later success wins). */
export async function applyCardFailed(
  db: DbLike,
  bizId: string,
  tenderId: string,
  info: { stripePaymentIntentId: string | null; failureCode: string; message?: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const tender = await tenderRow(tx, bizId, tenderId, true);
    if (tender.status !== 'pending') return false;
    await tx
      .update(paymentIntentTenders)
      .set({
        status: 'failed',
        failureCode: info.failureCode.slice(0, 120),
        stripePaymentIntentId: info.stripePaymentIntentId ?? tender.stripePaymentIntentId,
        updatedAt: new Date(),
      })
      .where(and(eq(paymentIntentTenders.bizId, bizId), eq(paymentIntentTenders.id, tenderId)));
    await tx
      .insert(paymentTransactions)
      .values({
        id: newId('payment_transactions'),
        bizId,
        paymentIntentId: tender.paymentIntentId,
        tenderId,
        type: 'charge',
        status: 'failed',
        amountMinor: tender.amountMinor,
        currency: tender.currency,
        stripeObjectId: info.stripePaymentIntentId,
        failureCode: info.failureCode.slice(0, 120),
        reason: info.message ?? null,
        requestKey: `decline:${tenderId}`,
      })
      .onConflictDoNothing();
    await recomputeIntent(tx, bizId, tender.paymentIntentId);
    return true;
  });
}

/** Find the card tender of a Stripe payment intent: by our metadata (mutation id), else by `pi_…`. */
export async function findCardTender(
  db: DbLike,
  pi: { id: string; metadata?: Record<string, string> | null },
): Promise<TenderRow | undefined> {
  const bizId = pi.metadata?.biz_id;
  const mutationId = pi.metadata?.mutation_id;
  if (bizId && mutationId) {
    const [byKey] = await db
      .select()
      .from(paymentIntentTenders)
      .where(and(eq(paymentIntentTenders.bizId, bizId), eq(paymentIntentTenders.requestKey, `card:${mutationId}`)))
      .limit(1);
    if (byKey) return byKey;
  }
  const [byPi] = await db
    .select()
    .from(paymentIntentTenders)
    .where(eq(paymentIntentTenders.stripePaymentIntentId, pi.id))
    .orderBy(desc(paymentIntentTenders.createdAt))
    .limit(1);
  return byPi;
}

/**
 * A Stripe payment intent paid for one of our intents without a tender yet (webhook before the
 * request path, or a Payment Element flow): reserve the tender from its metadata.
 */
export async function tenderForStripeIntent(
  db: DbLike,
  pi: { id: string; amount: number; currency: string; metadata?: Record<string, string> | null },
): Promise<TenderRow | undefined> {
  const found = await findCardTender(db, pi);
  if (found) return found;
  const bizId = pi.metadata?.biz_id;
  const intentId = pi.metadata?.payment_intent_id;
  if (!bizId || !intentId) return undefined;
  const [intent] = await db
    .select()
    .from(paymentIntents)
    .where(and(eq(paymentIntents.bizId, bizId), eq(paymentIntents.id, intentId)))
    .limit(1);
  if (!intent) return undefined;
  const mutationId = pi.metadata?.mutation_id;
  const [tender] = await db
    .insert(paymentIntentTenders)
    .values({
      id: newId('payment_intent_tenders'),
      bizId,
      paymentIntentId: intentId,
      tenderType: 'card',
      status: 'pending',
      currency: pi.currency.toUpperCase(),
      amountMinor: pi.amount,
      stripePaymentIntentId: pi.id,
      requestKey: mutationId ? `card:${mutationId}` : null,
    })
    .onConflictDoNothing()
    .returning();
  return tender ?? (await findCardTender(db, pi));
}

// ------------------------------------------------------------------ refunds

export interface RefundInput {
  tenderId: string;
  amountMinor: number;
  reason: string;
  mutationId: string;
}

/**
 * Refund (part of) one tender, never more than it has left; card tenders are refunded through
 * Stripe (idempotency key from the mutation id), others are recorded directly.
 */
export async function refundTender(
  db: DbLike,
  stripe: Stripe | undefined,
  biz: ActingBiz,
  input: RefundInput,
): Promise<IntentSummary> {
  const requestKey = `refund:${input.mutationId}`;
  if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0) {
    throw new AppError('validation_failed', 'The refund amount must be a positive whole number of minor units.');
  }
  const tender = await tenderRow(db, biz.bizId, input.tenderId);
  const [done] = await db
    .select({ id: paymentTransactions.id })
    .from(paymentTransactions)
    .where(and(eq(paymentTransactions.bizId, biz.bizId), eq(paymentTransactions.requestKey, requestKey)))
    .limit(1);
  if (done) return getIntent(db, biz, tender.paymentIntentId);
  assertRefundable(tender, input.amountMinor);

  let stripeRefundId: string | null = null;
  if (tender.tenderType === 'card') {
    if (!stripe) throw new AppError('payment_requires_network');
    if (!tender.stripePaymentIntentId) throw new AppError('invalid_state', 'The card payment has no Stripe record.');
    try {
      const refund = await stripe.refunds.create(
        {
          payment_intent: tender.stripePaymentIntentId,
          amount: input.amountMinor,
          reason: 'requested_by_customer',
          metadata: { biz_id: biz.bizId, tender_id: tender.id, mutation_id: input.mutationId, reason: input.reason },
        },
        { idempotencyKey: `bizing:re:${biz.bizId}:${input.mutationId}` },
      );
      stripeRefundId = refund.id;
    } catch (err) {
      if (
        err instanceof Stripe.errors.StripeInvalidRequestError &&
        (err.code === 'amount_too_large' || err.code === 'charge_already_refunded')
      ) {
        throw new AppError('refund_exceeds_paid', undefined, { availableMinor: 0 });
      }
      throw err;
    }
  }
  const refund = {
    amountMinor: input.amountMinor,
    reason: input.reason,
    stripeRefundId,
    requestKey,
    userId: biz.userId ?? null,
  };
  if (tender.tenderType === 'entitlement_credit') {
    // The money leg and the wallet's ledger move together, or not at all.
    await db.transaction(async (tx) => {
      if (await applyRefund(tx, biz.bizId, tender.id, refund)) await returnCredit(tx, biz, tender, input);
    });
  } else {
    await applyRefund(db, biz.bizId, tender.id, refund);
  }
  return getIntent(db, biz, tender.paymentIntentId);
}

/**
 * Give back to the wallet what a refunded wallet-credit leg took, through the entitlements
 * ledger's own refund (never more than the leg debited). Stored value returns the refunded amount;
 * counted credits return in proportion, rounded so that a full refund returns them all.
 */
async function returnCredit(tx: Tx, biz: ActingBiz, tender: TenderRow, input: RefundInput): Promise<void> {
  const meta = tender.metadata as { ledgerEntryId?: string; unit?: string; credits?: number };
  if (!meta.ledgerEntryId) throw new AppError('invalid_state', 'This credit payment has no wallet entry to return.');
  let quantity = input.amountMinor;
  if (meta.unit !== 'currency_minor') {
    const credits = meta.credits ?? 1;
    const share = (refunded: number) => Math.floor((credits * refunded) / tender.amountMinor);
    quantity = share(tender.amountRefundedMinor + input.amountMinor) - share(tender.amountRefundedMinor);
  }
  if (quantity <= 0) return;
  await refundEntitlement.run(
    {
      tx: sqlTxOf(tx),
      env: 'server',
      // Only the biz and the recording user are read by the ledger code.
      actor: {
        userId: biz.userId ?? (null as unknown as string),
        bizId: biz.bizId,
        memberId: '',
        role: 'manager',
        deviceId: '',
      },
      now: new Date(),
      afterCommit: () => undefined,
    },
    {
      debitEntryId: meta.ledgerEntryId,
      ledgerEntryId: newId('entitlement_ledger_entries'),
      quantity,
      reason: `Refund of payment: ${input.reason}`.slice(0, 400),
    },
  );
}

/** The mutators' small SQL interface over a Drizzle transaction (`$n` placeholders become bound params). */
function sqlTxOf(tx: Tx): SqlTx {
  return {
    async query<R = Record<string, unknown>>(text: string, params: unknown[] = []) {
      const parts = text.split(/\$(\d+)/);
      const chunks = parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`));
      const res = await tx.execute(sql.join(chunks));
      return { rows: res.rows as R[] };
    },
  };
}

function assertRefundable(tender: TenderRow, amountMinor: number) {
  if (!(PAID_TENDER as readonly string[]).includes(tender.status)) {
    throw new AppError('refund_exceeds_paid', 'Nothing was collected on this tender.', { availableMinor: 0 });
  }
  const available = tender.amountMinor - tender.amountRefundedMinor;
  if (amountMinor > available) throw new AppError('refund_exceeds_paid', undefined, { availableMinor: available });
}

/** Record a refund on a tender once (by request key or Stripe refund id); used by requests and webhooks. */
export async function applyRefund(
  db: DbLike,
  bizId: string,
  tenderId: string,
  r: {
    amountMinor: number;
    reason: string | null;
    stripeRefundId: string | null;
    requestKey: string | null;
    userId?: string | null;
    occurredAt?: Date;
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const tender = await tenderRow(tx, bizId, tenderId, true);
    const keys = [
      r.stripeRefundId ? eq(paymentTransactions.stripeObjectId, r.stripeRefundId) : undefined,
      r.requestKey ? eq(paymentTransactions.requestKey, r.requestKey) : undefined,
    ].filter((c) => c !== undefined);
    if (keys.length) {
      const [seen] = await tx
        .select({ id: paymentTransactions.id })
        .from(paymentTransactions)
        .where(and(eq(paymentTransactions.bizId, bizId), sql`(${sql.join(keys, sql` OR `)})`))
        .limit(1);
      if (seen) return false;
    }
    assertRefundable(tender, r.amountMinor);
    const [charge] = await tx
      .select({ id: paymentTransactions.id })
      .from(paymentTransactions)
      .where(
        and(
          eq(paymentTransactions.bizId, bizId),
          eq(paymentTransactions.tenderId, tenderId),
          eq(paymentTransactions.type, 'charge'),
          eq(paymentTransactions.status, 'succeeded'),
        ),
      )
      .limit(1);
    await tx.insert(paymentTransactions).values({
      id: newId('payment_transactions'),
      bizId,
      paymentIntentId: tender.paymentIntentId,
      tenderId,
      type: 'refund',
      status: 'succeeded',
      amountMinor: r.amountMinor,
      currency: tender.currency,
      occurredAt: r.occurredAt ?? new Date(),
      stripeObjectId: r.stripeRefundId,
      reversesTransactionId: charge?.id ?? null,
      reason: r.reason,
      requestKey: r.requestKey,
      createdBy: r.userId ?? null,
    });
    const refunded = tender.amountRefundedMinor + r.amountMinor;
    await tx
      .update(paymentIntentTenders)
      .set({
        amountRefundedMinor: refunded,
        status: refunded >= tender.amountMinor ? 'refunded' : 'partially_refunded',
        updatedAt: new Date(),
      })
      .where(and(eq(paymentIntentTenders.bizId, bizId), eq(paymentIntentTenders.id, tenderId)));
    await recomputeIntent(tx, bizId, tender.paymentIntentId);
    return true;
  });
}

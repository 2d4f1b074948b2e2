/**
 * The Stripe objects a card payment hangs off, mirrored in the stripe_* tables: the biz's Connect
 * account (created lazily on its first card payment; charges are destination charges that transfer
 * to it), the paying customer (`cus_…`, one per biz customer or e-mail, created once: idempotency
 * key derived from the customer's id), the payment method a charge used, and the platform → biz
 * transfers reported by `transfer.created`. Every write is idempotent on the Stripe id, so retries
 * and webhook replays record nothing twice.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { newId } from '../../shared/ids';
import { locations } from '../../shared/schema/core/tenancy';
import { bookingOrders } from '../../shared/schema/fulfillment';
import { paymentIntents, paymentTransactions } from '../../shared/schema/payments';
import { stripeAccounts, stripeCustomers, stripePaymentMethods, stripeTransfers } from '../../shared/schema/stripe';
import type { DbLike, IntentRow } from './payments';

type Obj = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export interface ConnectAccount {
  refId: string;
  stripeAccountId: string;
  /** Only an onboarded account can receive destination charges. */
  chargesEnabled: boolean;
}

async function defaultAccount(db: DbLike, bizId: string): Promise<ConnectAccount | undefined> {
  const [row] = await db
    .select()
    .from(stripeAccounts)
    .where(
      and(
        eq(stripeAccounts.bizId, bizId),
        eq(stripeAccounts.isDefaultForCharges, true),
        isNull(stripeAccounts.deletedAt),
      ),
    )
    .limit(1);
  return row ? { refId: row.id, stripeAccountId: row.stripeAccountId, chargesEnabled: row.chargesEnabled } : undefined;
}

/** The biz's Connect account, created on Stripe and recorded the first time it is needed. */
export async function ensureConnectAccount(db: DbLike, stripe: Stripe, bizId: string): Promise<ConnectAccount> {
  const existing = await defaultAccount(db, bizId);
  if (existing) return existing;
  const [loc] = await db
    .select({ address: locations.address })
    .from(locations)
    .where(eq(locations.bizId, bizId))
    .orderBy(desc(locations.isDefault), locations.id)
    .limit(1);
  const country = str(loc?.address?.country);
  // One key per biz: two first payments racing get the same account back from Stripe.
  const account = await stripe.accounts.create(
    {
      type: 'express',
      ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}),
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
      metadata: { biz_id: bizId },
    },
    { idempotencyKey: `bizing:acct:${bizId}` },
  );
  await db
    .insert(stripeAccounts)
    .values({
      id: newId('stripe_accounts'),
      bizId,
      stripeAccountId: account.id,
      accountType: account.type === 'standard' || account.type === 'custom' ? account.type : 'express',
      country: account.country ?? null,
      defaultCurrency: (account.default_currency ?? 'usd').toUpperCase(),
      chargesEnabled: account.charges_enabled ?? false,
      payoutsEnabled: account.payouts_enabled ?? false,
      detailsSubmitted: account.details_submitted ?? false,
      isDefaultForCharges: true,
      isDefaultForPayouts: true,
      requirements: (account.requirements ?? {}) as Obj,
      capabilities: (account.capabilities ?? {}) as Obj,
      livemode: false,
    })
    .onConflictDoNothing();
  return (await defaultAccount(db, bizId))!;
}

/** `account.updated`: onboarding progress (capabilities, requirements) of a biz's account. */
export async function applyAccountUpdated(db: DbLike, account: Obj): Promise<string | null> {
  const [row] = await db
    .update(stripeAccounts)
    .set({
      chargesEnabled: account.charges_enabled === true,
      payoutsEnabled: account.payouts_enabled === true,
      detailsSubmitted: account.details_submitted === true,
      requirements: (account.requirements as Obj | null) ?? {},
      capabilities: (account.capabilities as Obj | null) ?? {},
      updatedAt: new Date(),
    })
    .where(eq(stripeAccounts.stripeAccountId, String(account.id)))
    .returning({ bizId: stripeAccounts.bizId });
  return row?.bizId ?? null;
}

export interface CustomerLink {
  refId: string;
  stripeCustomerId: string;
}

/**
 * The Stripe customer of the booking behind an intent: by the customer's user id, else by the
 * booking's e-mail; none for anonymous sales. Created once (idempotency key from the biz and the
 * customer's identity; the e-mail is hashed so it never appears in a key).
 */
export async function ensureStripeCustomer(
  db: DbLike,
  stripe: Stripe,
  bizId: string,
  intent: IntentRow,
): Promise<CustomerLink | null> {
  if (!intent.bookingOrderId) return null;
  const [order] = await db
    .select({
      userId: bookingOrders.customerUserId,
      name: bookingOrders.customerName,
      email: bookingOrders.customerEmail,
      phone: bookingOrders.customerPhone,
    })
    .from(bookingOrders)
    .where(and(eq(bookingOrders.bizId, bizId), eq(bookingOrders.id, intent.bookingOrderId)))
    .limit(1);
  if (!order || (!order.userId && !order.email)) return null;
  const email = order.email?.trim().toLowerCase() || null;
  const mine = and(
    eq(stripeCustomers.bizId, bizId),
    isNull(stripeCustomers.stripeAccountRefId),
    isNull(stripeCustomers.deletedAt),
  );
  const find = async () => {
    const [row] = await db
      .select({ refId: stripeCustomers.id, stripeCustomerId: stripeCustomers.stripeCustomerId })
      .from(stripeCustomers)
      .where(
        order.userId
          ? and(mine, eq(stripeCustomers.userId, order.userId))
          : and(mine, isNull(stripeCustomers.userId), sql`lower(${stripeCustomers.email}) = ${email}`),
      )
      .orderBy(stripeCustomers.createdAt)
      .limit(1);
    return row;
  };
  const found = await find();
  if (found) return found;
  const who = order.userId ?? `email:${createHash('sha256').update(email!).digest('hex').slice(0, 32)}`;
  const customer = await stripe.customers.create(
    {
      ...(email ? { email } : {}),
      ...(order.name ? { name: order.name } : {}),
      ...(order.phone ? { phone: order.phone } : {}),
      metadata: { biz_id: bizId, ...(order.userId ? { user_id: order.userId } : {}) },
    },
    { idempotencyKey: `bizing:cus:${bizId}:${who}` },
  );
  await db
    .insert(stripeCustomers)
    .values({
      id: newId('stripe_customers'),
      bizId,
      userId: order.userId,
      stripeCustomerId: customer.id,
      email,
      name: order.name,
      phone: order.phone,
      livemode: customer.livemode,
    })
    .onConflictDoNothing();
  return (await find()) ?? null;
}

/** Mirror the payment method a charge used (brand, last4, expiry, fingerprint), linked to its customer. */
export async function recordPaymentMethod(
  db: DbLike,
  stripe: Stripe,
  bizId: string,
  customer: CustomerLink | null,
  paymentMethodId: string,
): Promise<void> {
  const [seen] = await db
    .select({ id: stripePaymentMethods.id })
    .from(stripePaymentMethods)
    .where(eq(stripePaymentMethods.stripePaymentMethodId, paymentMethodId))
    .limit(1);
  if (seen) return;
  const pm = await stripe.paymentMethods.retrieve(paymentMethodId);
  const card = pm.card;
  await db
    .insert(stripePaymentMethods)
    .values({
      id: newId('stripe_payment_methods'),
      bizId,
      stripeCustomerRefId: customer?.refId ?? null,
      stripePaymentMethodId: pm.id,
      type: pm.type,
      brand: card?.brand ?? null,
      last4: card?.last4 ?? null,
      expMonth: card?.exp_month ?? null,
      expYear: card?.exp_year ?? null,
      fingerprint: card?.fingerprint ?? null,
      country: card?.country ?? null,
      funding: card?.funding ?? null,
      livemode: pm.livemode,
      billingDetails: (pm.billing_details ?? {}) as unknown as Obj,
    })
    .onConflictDoNothing();
}

/**
 * `transfer.created`: a destination charge's share reached a biz's Connect account. Matched to the
 * biz by the destination account, to our intent by the transfer group (our intent id) and to the
 * ledger's charge row by the source charge when it is already recorded.
 */
export async function applyTransferCreated(db: DbLike, t: Obj): Promise<string | null> {
  const destination = str(t.destination);
  if (!destination) return null;
  const [acct] = await db
    .select({ id: stripeAccounts.id, bizId: stripeAccounts.bizId })
    .from(stripeAccounts)
    .where(eq(stripeAccounts.stripeAccountId, destination))
    .limit(1);
  if (!acct) return null;
  const { bizId } = acct;
  const group = str(t.transfer_group);
  const [intent] = group
    ? await db
        .select({ id: paymentIntents.id, bookingOrderId: paymentIntents.bookingOrderId })
        .from(paymentIntents)
        .where(and(eq(paymentIntents.bizId, bizId), eq(paymentIntents.id, group)))
        .limit(1)
    : [];
  const source = str(t.source_transaction);
  const [charge] = source
    ? await db
        .select({ id: paymentTransactions.id, paymentIntentId: paymentTransactions.paymentIntentId })
        .from(paymentTransactions)
        .where(
          and(
            eq(paymentTransactions.bizId, bizId),
            eq(paymentTransactions.stripeObjectId, source),
            eq(paymentTransactions.type, 'charge'),
          ),
        )
        .limit(1)
    : [];
  await db
    .insert(stripeTransfers)
    .values({
      id: newId('stripe_transfers'),
      bizId,
      bookingOrderId: intent?.bookingOrderId ?? null,
      paymentIntentId: intent?.id ?? charge?.paymentIntentId ?? null,
      paymentTransactionId: charge?.id ?? null,
      destinationAccountRefId: acct.id,
      stripeTransferId: String(t.id),
      amountMinor: typeof t.amount === 'number' ? t.amount : 0,
      currency: (str(t.currency) ?? 'usd').toUpperCase(),
      transferGroup: group,
      sourceTransactionId: source,
      status: t.reversed === true ? 'reversed' : 'paid',
      livemode: t.livemode === true,
    })
    .onConflictDoNothing();
  return bizId;
}

/** Link transfers of a charge to the charge's ledger row once it is recorded (either may come first). */
export async function linkTransferToCharge(db: DbLike, bizId: string, chargeId: string, requestKey: string) {
  await db.execute(sql`
    UPDATE stripe_transfers t SET payment_transaction_id = p.id, updated_at = now()
    FROM payment_transactions p
    WHERE p.biz_id = ${bizId} AND p.request_key = ${requestKey} AND p.type = 'charge'
      AND t.biz_id = ${bizId} AND t.source_transaction_id = ${chargeId} AND t.payment_transaction_id IS NULL`);
}

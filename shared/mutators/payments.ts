/**
 * Offline-capable tenders: cash, "pay later" and wallet credit are recorded on the device and
 * committed later; card payments need the network and go through the server's Stripe route
 * instead. Totals are recomputed from the tenders, so replaying or re-running never double counts.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { idOf } from './args';
import { redeemEntitlement } from './entitlements';
import { getOwned, insertRow, iso } from './sql';
import { defineMutator, type MutatorContext, type SqlTx } from './types';

interface IntentRow extends Record<string, unknown> {
  id: string;
  amount_minor: number;
  amount_paid_minor: number;
  currency: string;
  status: string;
  booking_order_id: string | null;
}

/** Paid = captured tenders; the order shows paid / partial / pending (pay later) / unpaid. */
async function recompute(tx: SqlTx, bizId: string, intent: IntentRow, now: Date) {
  const { rows } = await tx.query<{ paid: number; later: number }>(
    `SELECT coalesce(sum(amount_minor) FILTER (WHERE status IN ('captured', 'partially_refunded', 'refunded')), 0)::int AS paid,
            count(*) FILTER (WHERE status = 'pending' AND tender_type = 'pay_later')::int AS later
     FROM payment_intent_tenders WHERE biz_id = $1 AND payment_intent_id = $2`,
    [bizId, intent.id],
  );
  const paid = Number(rows[0]?.paid ?? 0);
  const status = paid >= intent.amount_minor ? 'paid' : paid > 0 ? 'partially_paid' : 'requires_payment';
  await tx.query(
    `UPDATE payment_intents SET amount_paid_minor = $3, status = $4, paid_at = coalesce(paid_at, $5::timestamptz),
       updated_at = now()
     WHERE biz_id = $1 AND id = $2`,
    [bizId, intent.id, paid, status, status === 'paid' ? iso(now) : null],
  );
  if (intent.booking_order_id) {
    const orderStatus =
      status === 'paid'
        ? 'paid'
        : status === 'partially_paid'
          ? 'partial'
          : Number(rows[0]?.later) > 0
            ? 'pending'
            : 'unpaid';
    await tx.query('UPDATE booking_orders SET payment_status = $3, updated_at = now() WHERE biz_id = $1 AND id = $2', [
      bizId,
      intent.booking_order_id,
      orderStatus,
    ]);
  }
}

const TenderArgs = z
  .strictObject({
    intentId: idOf('payment_intents'),
    tenderId: idOf('payment_intent_tenders'),
    transactionId: idOf('payment_transactions'),
    /** `entitlement_credit`: paid from a wallet (class credits or stored value). */
    tenderType: z.enum(['cash', 'pay_later', 'entitlement_credit']),
    amountMinor: z.number().int().positive().max(100_000_000),
    walletId: idOf('entitlement_wallets').optional(),
    /** The wallet's ledger row of the debit (client-minted like every id). */
    ledgerEntryId: idOf('entitlement_ledger_entries').optional(),
    /** Counted wallets (credits, sessions, minutes): how many the amount costs; default 1. */
    credits: z.number().int().positive().max(1000).optional(),
  })
  .superRefine((a, ctx) => {
    const credit = a.tenderType === 'entitlement_credit';
    for (const field of ['walletId', 'ledgerEntryId'] as const) {
      if (credit && !a[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'required for a credit tender' });
    }
    for (const field of ['walletId', 'ledgerEntryId', 'credits'] as const) {
      if (!credit && a[field] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'only for a credit tender' });
      }
    }
  });

const formatUnits = (n: number, unit: string, currency: string | null) =>
  unit === 'currency_minor' ? `${(n / 100).toFixed(2)} ${currency ?? ''}`.trim() : `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * Debit the wallet for a credit leg through the entitlements ledger (`entitlements.redeem`: the
 * same locking, floor and `insufficient_credits` rules). Returns what the tender records so a refund
 * can give the right quantity back.
 */
async function debitWallet(
  ctx: MutatorContext,
  a: z.output<typeof TenderArgs>,
  intent: IntentRow,
): Promise<{ ledgerEntryId: string; unit: string; credits: number }> {
  const wallet = await getOwned<{ unit: string; currency: string | null; name: string }>(
    ctx.tx,
    'entitlement_wallets',
    ctx.actor.bizId,
    a.walletId!,
    'Wallet',
    'unit, currency, name',
  );
  const stored = wallet.unit === 'currency_minor';
  if (stored && wallet.currency !== intent.currency) {
    throw new AppError(
      'validation_failed',
      `This wallet holds ${wallet.currency}, the payment is in ${intent.currency}.`,
    );
  }
  if (stored && a.credits !== undefined) {
    throw new AppError('validation_failed', 'A stored-value wallet pays the amount itself, not credits.');
  }
  const quantity = stored ? a.amountMinor : (a.credits ?? 1);
  // Say it in the desk's terms: what is left against what this payment needs.
  const notEnough = (balance: number, details: Record<string, unknown> | undefined) =>
    new AppError(
      'insufficient_credits',
      `Not enough in “${wallet.name || 'this wallet'}”: balance ${formatUnits(Math.max(balance, 0), wallet.unit, wallet.currency)}, ` +
        `this payment needs ${formatUnits(quantity, wallet.unit, wallet.currency)}. Take the rest with another tender.`,
      { ...details, walletId: a.walletId, balance, needed: quantity, paymentIntentId: intent.id },
    );
  let after: number;
  try {
    ({ balance: after } = (await redeemEntitlement.run(ctx, {
      walletId: a.walletId!,
      ledgerEntryId: a.ledgerEntryId!,
      quantity,
      at: 'booking',
      bookingOrderId: intent.booking_order_id ?? undefined,
    })) as { balance: number });
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'insufficient_credits') throw err;
    throw notEnough(Number(err.details?.balance ?? 0), err.details);
  }
  // Money is never paid on overdraft, even from a wallet that lets classes go below zero: the
  // transaction (device overlay or server) rolls the debit back with this error.
  if (after < 0) throw notEnough(after + quantity, undefined);
  return { ledgerEntryId: a.ledgerEntryId!, unit: wallet.unit, credits: quantity };
}

export const recordTender = defineMutator({
  name: 'payments.recordTender',
  action: 'payment.take',
  args: TenderArgs,
  async run(ctx, a) {
    const { tx, actor, now } = ctx;
    const intent = await getOwned<IntentRow>(tx, 'payment_intents', actor.bizId, a.intentId, 'Payment');
    if (['cancelled', 'refunded'].includes(intent.status))
      throw new AppError('invalid_state', 'This payment is closed.');
    const balance = intent.amount_minor - intent.amount_paid_minor;
    if (a.amountMinor > balance) {
      throw new AppError('validation_failed', 'That is more than the balance due.', { balanceMinor: balance });
    }
    const credit = a.tenderType === 'entitlement_credit';
    const captured = a.tenderType !== 'pay_later';
    // The ledger is append-only, so the debit's link lives on the tender (the refund path reads it).
    const debit = credit ? await debitWallet(ctx, a, intent) : undefined;
    await insertRow(tx, 'payment_intent_tenders', {
      id: a.tenderId,
      biz_id: actor.bizId,
      payment_intent_id: a.intentId,
      tender_type: a.tenderType,
      status: captured ? 'captured' : 'pending',
      currency: intent.currency,
      amount_minor: a.amountMinor,
      entitlement_wallet_id: credit ? a.walletId : undefined,
      received_offline: captured,
      occurred_at: iso(now),
      request_key: a.tenderId,
      metadata: debit,
      created_by: actor.userId,
    });
    // The money ledger lives on the server only (devices do not hold payment_transactions).
    if (captured && ctx.env === 'server') {
      await insertRow(tx, 'payment_transactions', {
        id: a.transactionId,
        biz_id: actor.bizId,
        payment_intent_id: a.intentId,
        tender_id: a.tenderId,
        type: 'charge',
        status: 'succeeded',
        currency: intent.currency,
        amount_minor: a.amountMinor,
        occurred_at: iso(now),
        request_key: a.transactionId,
        created_by: actor.userId,
      });
    }
    await recompute(tx, actor.bizId, intent, now);
    return null;
  },
});

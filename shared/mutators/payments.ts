/**
 * Offline-capable tenders: cash and "pay later" are recorded on the device and committed later;
 * card payments need the network and go through the server's Stripe route instead. Totals are
 * recomputed from the tenders, so replaying or re-running never double counts.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { idOf } from './args';
import { getOwned, insertRow, iso } from './sql';
import { defineMutator, type SqlTx } from './types';

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

export const recordTender = defineMutator({
  name: 'payments.recordTender',
  action: 'payment.take',
  args: z.strictObject({
    intentId: idOf('payment_intents'),
    tenderId: idOf('payment_intent_tenders'),
    transactionId: idOf('payment_transactions'),
    tenderType: z.enum(['cash', 'pay_later']),
    amountMinor: z.number().int().positive().max(100_000_000),
  }),
  async run({ tx, actor, now }, a) {
    const intent = await getOwned<IntentRow>(tx, 'payment_intents', actor.bizId, a.intentId, 'Payment');
    if (['cancelled', 'refunded'].includes(intent.status))
      throw new AppError('invalid_state', 'This payment is closed.');
    const balance = intent.amount_minor - intent.amount_paid_minor;
    if (a.amountMinor > balance) {
      throw new AppError('validation_failed', 'That is more than the balance due.', { balanceMinor: balance });
    }
    const cash = a.tenderType === 'cash';
    await insertRow(tx, 'payment_intent_tenders', {
      id: a.tenderId,
      biz_id: actor.bizId,
      payment_intent_id: a.intentId,
      tender_type: a.tenderType,
      status: cash ? 'captured' : 'pending',
      currency: intent.currency,
      amount_minor: a.amountMinor,
      received_offline: cash,
      occurred_at: iso(now),
      request_key: a.tenderId,
      created_by: actor.userId,
    });
    if (cash) {
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

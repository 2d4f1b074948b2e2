/**
 * Daily reconciliation for one biz (the day in the biz's time zone): totals per tender type from
 * the ledger, tenders against intents and ledger rows, settlement entries against payouts, and
 * every mismatch with the rows behind it.
 */
import { type SQL, sql } from 'drizzle-orm';
import { notFound } from '../../shared/errors';
import type { DbLike } from './payments';

export interface TenderTotals {
  /** Collected legs of this type taken that day (sum of paid tender amounts). */
  tenderedMinor: number;
  tenderCount: number;
  /** Succeeded `charge` ledger rows that day. */
  chargedMinor: number;
  /** `refund` ledger rows that day. */
  refundedMinor: number;
  netMinor: number;
}

export interface Mismatch {
  kind:
    | 'tender_charge_mismatch'
    | 'intent_paid_mismatch'
    | 'intent_refunded_mismatch'
    | 'refund_ledger_mismatch'
    | 'batch_entries_mismatch'
    | 'payout_batch_mismatch'
    | 'payout_ledger_mismatch';
  message: string;
  rows: Record<string, unknown>[];
}

export interface ReconciliationReport {
  bizId: string;
  date: string;
  timeZone: string;
  byTender: Record<string, TenderTotals>;
  totals: {
    tenderedMinor: number;
    chargedMinor: number;
    refundedMinor: number;
    netMinor: number;
    /** Promised "pay later" legs taken that day (not money yet). */
    payLaterPendingMinor: number;
    failedCharges: number;
  };
  ledger: {
    /** Sum of every succeeded ledger row of the day by type, and their fees. */
    byType: Record<string, number>;
    feesMinor: number;
  };
  intents: {
    count: number;
    /** Σ intents.amount_paid of the intents with a leg taken that day. */
    paidMinor: number;
    /** Σ of those intents' collected tenders (all days). */
    tendersPaidMinor: number;
    refundedMinor: number;
    tendersRefundedMinor: number;
  };
  settlement: {
    payouts: number;
    payoutsMinor: number;
    settlementEntriesMinor: number;
    payoutLedgerMinor: number;
  };
  mismatches: Mismatch[];
  balanced: boolean;
}

const PAID = sql`('captured', 'partially_refunded', 'refunded')`;

async function rows<T>(db: DbLike, query: SQL): Promise<T[]> {
  const res = await db.execute(query);
  return res.rows as T[];
}

const n = (v: unknown) => Number(v ?? 0);

export async function reconcileDay(db: DbLike, bizId: string, date: string): Promise<ReconciliationReport> {
  const [biz] = await rows<{ timezone: string }>(db, sql`SELECT timezone FROM bizes WHERE id = ${bizId}`);
  if (!biz) throw notFound('Biz');
  const tz = biz.timezone;
  const onDay = (col: SQL) => sql`(${col} AT TIME ZONE ${tz})::date = ${date}::date`;

  // Tenders of the day, by type.
  const tenderRows = await rows<{ tender_type: string; n: number; amount: number; pending: number }>(
    db,
    sql`SELECT tender_type,
               count(*) FILTER (WHERE status IN ${PAID})::int AS n,
               coalesce(sum(amount_minor) FILTER (WHERE status IN ${PAID}), 0)::bigint AS amount,
               coalesce(sum(amount_minor) FILTER (WHERE status = 'pending' AND tender_type = 'pay_later'), 0)::bigint AS pending
          FROM payment_intent_tenders t
         WHERE t.biz_id = ${bizId} AND ${onDay(sql`t.occurred_at`)}
         GROUP BY tender_type`,
  );
  // Ledger rows of the day, by type and tender type.
  const ledgerRows = await rows<{ type: string; tender_type: string | null; amount: number; fees: number }>(
    db,
    sql`SELECT x.type, t.tender_type, coalesce(sum(x.amount_minor), 0)::bigint AS amount,
               coalesce(sum(x.fee_minor), 0)::bigint AS fees
          FROM payment_transactions x
          LEFT JOIN payment_intent_tenders t ON t.biz_id = x.biz_id AND t.id = x.tender_id
         WHERE x.biz_id = ${bizId} AND x.status = 'succeeded' AND ${onDay(sql`x.occurred_at`)}
         GROUP BY x.type, t.tender_type`,
  );
  const [failed] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM payment_transactions x
         WHERE x.biz_id = ${bizId} AND x.status = 'failed' AND ${onDay(sql`x.occurred_at`)}`,
  );

  const byTender: Record<string, TenderTotals> = {};
  const slot = (type: string) => {
    byTender[type] ??= { tenderedMinor: 0, tenderCount: 0, chargedMinor: 0, refundedMinor: 0, netMinor: 0 };
    return byTender[type];
  };
  let payLaterPendingMinor = 0;
  for (const r of tenderRows) {
    const s = slot(r.tender_type);
    s.tenderedMinor += n(r.amount);
    s.tenderCount += n(r.n);
    payLaterPendingMinor += n(r.pending);
  }
  const ledgerByType: Record<string, number> = {};
  let feesMinor = 0;
  for (const r of ledgerRows) {
    ledgerByType[r.type] = (ledgerByType[r.type] ?? 0) + n(r.amount);
    feesMinor += n(r.fees);
    const s = slot(r.tender_type ?? 'none');
    if (r.type === 'charge') s.chargedMinor += n(r.amount);
    if (r.type === 'refund') s.refundedMinor += n(r.amount);
  }
  for (const s of Object.values(byTender)) s.netMinor = s.chargedMinor - s.refundedMinor;
  const sum = (f: (t: TenderTotals) => number) => Object.values(byTender).reduce((a, t) => a + f(t), 0);

  const mismatches: Mismatch[] = [];

  // Each collected tender of the day has exactly its amount in succeeded charge rows.
  const tenderCharge = await rows<Record<string, unknown>>(
    db,
    sql`SELECT t.id AS tender_id, t.payment_intent_id, t.tender_type, t.status, t.amount_minor,
               coalesce(c.charged, 0)::bigint AS charged_minor
          FROM payment_intent_tenders t
          LEFT JOIN LATERAL (
            SELECT sum(x.amount_minor) AS charged FROM payment_transactions x
             WHERE x.biz_id = t.biz_id AND x.tender_id = t.id AND x.type = 'charge' AND x.status = 'succeeded'
          ) c ON true
         WHERE t.biz_id = ${bizId} AND ${onDay(sql`t.occurred_at`)}
           AND coalesce(c.charged, 0) <> CASE WHEN t.status IN ${PAID} THEN t.amount_minor ELSE 0 END`,
  );
  if (tenderCharge.length) {
    mismatches.push({
      kind: 'tender_charge_mismatch',
      message: 'Tenders whose charge rows do not add up to the tender amount.',
      rows: tenderCharge,
    });
  }

  // Intents touched that day: paid/refunded totals against their tenders and refund rows.
  const intentRows = await rows<{
    id: string;
    amount_minor: number;
    amount_paid_minor: number;
    amount_refunded_minor: number;
    tenders_paid: number;
    tenders_refunded: number;
    refund_rows: number;
  }>(
    db,
    sql`SELECT i.id, i.amount_minor, i.amount_paid_minor, i.amount_refunded_minor,
               coalesce((SELECT sum(t.amount_minor) FROM payment_intent_tenders t
                          WHERE t.biz_id = i.biz_id AND t.payment_intent_id = i.id AND t.status IN ${PAID}), 0)::bigint AS tenders_paid,
               coalesce((SELECT sum(t.amount_refunded_minor) FROM payment_intent_tenders t
                          WHERE t.biz_id = i.biz_id AND t.payment_intent_id = i.id), 0)::bigint AS tenders_refunded,
               coalesce((SELECT sum(x.amount_minor) FROM payment_transactions x
                          WHERE x.biz_id = i.biz_id AND x.payment_intent_id = i.id
                            AND x.type = 'refund' AND x.status = 'succeeded'), 0)::bigint AS refund_rows
          FROM payment_intents i
         WHERE i.biz_id = ${bizId}
           AND (EXISTS (SELECT 1 FROM payment_intent_tenders t
                         WHERE t.biz_id = i.biz_id AND t.payment_intent_id = i.id AND ${onDay(sql`t.occurred_at`)})
             OR EXISTS (SELECT 1 FROM payment_transactions x
                         WHERE x.biz_id = i.biz_id AND x.payment_intent_id = i.id AND ${onDay(sql`x.occurred_at`)}))`,
  );
  const intents = {
    count: intentRows.length,
    paidMinor: 0,
    tendersPaidMinor: 0,
    refundedMinor: 0,
    tendersRefundedMinor: 0,
  };
  const paidOff: Record<string, unknown>[] = [];
  const refundedOff: Record<string, unknown>[] = [];
  const refundLedgerOff: Record<string, unknown>[] = [];
  for (const r of intentRows) {
    intents.paidMinor += n(r.amount_paid_minor);
    intents.tendersPaidMinor += n(r.tenders_paid);
    intents.refundedMinor += n(r.amount_refunded_minor);
    intents.tendersRefundedMinor += n(r.tenders_refunded);
    if (n(r.amount_paid_minor) !== n(r.tenders_paid)) paidOff.push(r);
    if (n(r.amount_refunded_minor) !== n(r.tenders_refunded)) refundedOff.push(r);
    if (n(r.tenders_refunded) !== n(r.refund_rows)) refundLedgerOff.push(r);
  }
  if (paidOff.length) {
    mismatches.push({
      kind: 'intent_paid_mismatch',
      message: 'Intents whose paid amount differs from their collected tenders.',
      rows: paidOff,
    });
  }
  if (refundedOff.length) {
    mismatches.push({
      kind: 'intent_refunded_mismatch',
      message: 'Intents whose refunded amount differs from their tenders.',
      rows: refundedOff,
    });
  }
  if (refundLedgerOff.length) {
    mismatches.push({
      kind: 'refund_ledger_mismatch',
      message: 'Tender refunds that differ from the refund ledger rows.',
      rows: refundLedgerOff,
    });
  }

  // Payouts paid that day: batch entries vs batch net vs payout amount vs payout ledger.
  const payoutRows = await rows<{
    payout_id: string;
    stripe_payout_id: string | null;
    amount_minor: number;
    batch_id: string | null;
    batch_net: number | null;
    entries: number;
    ledger: number;
  }>(
    db,
    sql`SELECT p.id AS payout_id, p.stripe_payout_id, p.amount_minor, p.settlement_batch_id AS batch_id,
               b.net_minor AS batch_net,
               coalesce((SELECT sum(e.amount_minor) FROM settlement_entries e
                          WHERE e.biz_id = p.biz_id AND e.settlement_batch_id = p.settlement_batch_id), 0)::bigint AS entries,
               coalesce((SELECT sum(CASE WHEN l.entry_type IN ('credit', 'adjustment') THEN l.amount_minor ELSE -l.amount_minor END)
                           FROM payout_ledger_entries l WHERE l.biz_id = p.biz_id AND l.payout_id = p.id), 0)::bigint AS ledger
          FROM payouts p
          LEFT JOIN settlement_batches b ON b.biz_id = p.biz_id AND b.id = p.settlement_batch_id
         WHERE p.biz_id = ${bizId} AND p.status = 'paid' AND ${onDay(sql`p.paid_at`)}`,
  );
  const settlement = { payouts: payoutRows.length, payoutsMinor: 0, settlementEntriesMinor: 0, payoutLedgerMinor: 0 };
  const batchOff: Record<string, unknown>[] = [];
  const payoutOff: Record<string, unknown>[] = [];
  const ledgerOff: Record<string, unknown>[] = [];
  for (const r of payoutRows) {
    settlement.payoutsMinor += n(r.amount_minor);
    settlement.settlementEntriesMinor += n(r.entries);
    settlement.payoutLedgerMinor += n(r.ledger);
    if (r.batch_id !== null && n(r.batch_net) !== n(r.entries)) batchOff.push(r);
    if (n(r.entries) !== n(r.amount_minor)) payoutOff.push(r);
    if (n(r.ledger) !== n(r.amount_minor)) ledgerOff.push(r);
  }
  if (batchOff.length) {
    mismatches.push({
      kind: 'batch_entries_mismatch',
      message: 'Settlement batches whose entries do not add up to their net.',
      rows: batchOff,
    });
  }
  if (payoutOff.length) {
    mismatches.push({
      kind: 'payout_batch_mismatch',
      message: 'Payouts that differ from the settlement entries they pay out.',
      rows: payoutOff,
    });
  }
  if (ledgerOff.length) {
    mismatches.push({
      kind: 'payout_ledger_mismatch',
      message: 'Payouts whose ledger lines do not add up to the payout.',
      rows: ledgerOff,
    });
  }

  return {
    bizId,
    date,
    timeZone: tz,
    byTender,
    totals: {
      tenderedMinor: sum((t) => t.tenderedMinor),
      chargedMinor: sum((t) => t.chargedMinor),
      refundedMinor: sum((t) => t.refundedMinor),
      netMinor: sum((t) => t.netMinor),
      payLaterPendingMinor,
      failedCharges: n(failed?.n),
    },
    ledger: { byType: ledgerByType, feesMinor },
    intents,
    settlement,
    mismatches,
    balanced: mismatches.length === 0,
  };
}

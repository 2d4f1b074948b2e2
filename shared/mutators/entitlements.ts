/**
 * Entitlements: grants (purchase, promotion, compensation), redemptions at booking or check-in,
 * refunds of a redemption, transfers between wallets of one biz, and the per-period rollover /
 * expiry run. Every movement is one append-only ledger row carrying the balance right after it,
 * and the wallet's `balance` is updated in the same transaction, so a balance always equals the sum
 * of its ledger rows. The server locks the wallet row (`FOR UPDATE`) before reading its balance,
 * so two devices redeeming the last credit offline are serialized: one applies, the other is
 * rejected `insufficient_credits` with the choices the desk can offer instead.
 */
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { can } from '../permissions';
import { idOf, text } from './args';
import { getOwned, insertRow, invalidState, iso } from './sql';
import { defineMutator, type MutatorContext, type SqlTx } from './types';

export interface WalletRow extends Record<string, unknown> {
  id: string;
  owner_user_id: string | null;
  group_account_id: string | null;
  membership_id: string | null;
  name: string;
  entitlement_type: string;
  unit: string;
  balance: number;
  allow_overdraft: boolean;
  overdraft_limit: number;
  expires_at: string | Date | null;
  is_active: boolean;
}

const WALLET_COLUMNS =
  'id, owner_user_id, group_account_id, membership_id, name, entitlement_type, unit, balance, allow_overdraft, overdraft_limit, expires_at, is_active';

/** The wallet, locked on the server (PGlite's overlay views cannot be locked and need not be). */
async function loadWallet(ctx: Pick<MutatorContext, 'tx' | 'env' | 'actor'>, walletId: string): Promise<WalletRow> {
  const lock = ctx.env === 'server' ? ' FOR UPDATE' : '';
  const { rows } = await ctx.tx.query<WalletRow>(
    `SELECT ${WALLET_COLUMNS} FROM entitlement_wallets WHERE id = $1 AND biz_id = $2 AND deleted_at IS NULL${lock}`,
    [walletId, ctx.actor.bizId],
  );
  const row = rows[0];
  if (!row) throw new AppError('not_found', 'Wallet not found.');
  return { ...row, balance: Number(row.balance), overdraft_limit: Number(row.overdraft_limit) };
}

/** The lowest balance the wallet may reach: 0, or −limit when it allows overdraft. */
export function balanceFloor(w: Pick<WalletRow, 'allow_overdraft' | 'overdraft_limit'>): number {
  return w.allow_overdraft ? -Number(w.overdraft_limit) : 0;
}

interface LedgerMove {
  id: string;
  entryType: 'grant' | 'debit' | 'refund' | 'transfer_in' | 'transfer_out' | 'expiry' | 'adjustment';
  /** Signed quantity, never 0. */
  quantity: number;
  grantId?: string;
  transferId?: string;
  rolloverRunId?: string;
  bookingOrderId?: string;
  fulfillmentUnitId?: string;
  reasonCode?: string;
  expiresAt?: Date | null;
  metadata?: Record<string, unknown>;
}

/** Appends one ledger row and moves the wallet's balance by the same amount; returns the new balance. */
async function move(tx: SqlTx, bizId: string, userId: string | null, wallet: WalletRow, m: LedgerMove, now: Date) {
  const after = wallet.balance + m.quantity;
  await tx.query(
    'UPDATE entitlement_wallets SET balance = $3, updated_at = now(), updated_by = $4 WHERE biz_id = $1 AND id = $2',
    [bizId, wallet.id, after, userId],
  );
  await insertRow(tx, 'entitlement_ledger_entries', {
    id: m.id,
    biz_id: bizId,
    wallet_id: wallet.id,
    entry_type: m.entryType,
    quantity: m.quantity,
    balance_after: after,
    grant_id: m.grantId,
    transfer_id: m.transferId,
    rollover_run_id: m.rolloverRunId,
    booking_order_id: m.bookingOrderId,
    fulfillment_unit_id: m.fulfillmentUnitId,
    reason_code: m.reasonCode,
    expires_at: m.expiresAt ? iso(m.expiresAt) : undefined,
    occurred_at: iso(now),
    metadata: m.metadata ?? {},
    created_by: userId,
  });
  wallet.balance = after;
  return after;
}

function usable(wallet: WalletRow, now: Date) {
  if (!wallet.is_active) throw invalidState('This wallet is closed.');
  if (wallet.expires_at && new Date(wallet.expires_at).getTime() <= now.getTime()) {
    throw new AppError('credit_expired', undefined, { walletId: wallet.id });
  }
}

/** Other live wallets of the same owner with the same unit and enough room for `quantity`. */
async function otherWallets(tx: SqlTx, bizId: string, wallet: WalletRow, quantity: number, now: Date) {
  if (!wallet.owner_user_id && !wallet.group_account_id) return [];
  const { rows } = await tx.query<{ id: string; name: string; balance: number; floor: number }>(
    `SELECT id, name, balance, CASE WHEN allow_overdraft THEN -overdraft_limit ELSE 0 END AS floor
     FROM entitlement_wallets
     WHERE biz_id = $1 AND id <> $2 AND unit = $3 AND is_active AND deleted_at IS NULL
       AND (expires_at IS NULL OR expires_at > $4::timestamptz)
       AND (($5::text IS NOT NULL AND owner_user_id = $5) OR ($6::text IS NOT NULL AND group_account_id = $6))
     ORDER BY id`,
    [bizId, wallet.id, wallet.unit, iso(now), wallet.owner_user_id, wallet.group_account_id],
  );
  return rows
    .map((r) => ({ id: r.id, name: r.name, balance: Number(r.balance), floor: Number(r.floor) }))
    .filter((r) => r.balance - quantity >= r.floor);
}

const GRANT_SOURCES = ['purchase', 'promotion', 'compensation'] as const;

export const grantEntitlement = defineMutator({
  name: 'entitlements.grant',
  action: 'entitlement.sell',
  args: z.strictObject({
    walletId: idOf('entitlement_wallets'),
    grantId: idOf('entitlement_grants'),
    ledgerEntryId: idOf('entitlement_ledger_entries'),
    source: z.enum(GRANT_SOURCES),
    quantity: z.number().int().positive().max(100_000),
    validUntil: z.iso
      .datetime({ offset: true })
      .transform((v) => new Date(v))
      .optional(),
    membershipId: idOf('memberships').optional(),
    bookingOrderId: idOf('booking_orders').optional(),
    reason: text(400).optional(),
  }),
  async run(ctx, a) {
    const { tx, actor, now } = ctx;
    // Goodwill is a manager's call; selling and promotions are the desk's.
    if (a.source === 'compensation' && !can(actor.role, 'entitlement.adjust')) throw new AppError('forbidden');
    const wallet = await loadWallet(ctx, a.walletId);
    if (!wallet.is_active) throw invalidState('This wallet is closed.');
    if (a.validUntil && a.validUntil.getTime() <= now.getTime()) {
      throw new AppError('validation_failed', 'A grant must be valid for some time.');
    }
    await insertRow(tx, 'entitlement_grants', {
      id: a.grantId,
      biz_id: actor.bizId,
      wallet_id: wallet.id,
      membership_id: a.membershipId ?? wallet.membership_id ?? undefined,
      booking_order_id: a.bookingOrderId,
      grant_type: wallet.entitlement_type,
      quantity: a.quantity,
      valid_from_at: iso(now),
      valid_until_at: a.validUntil ? iso(a.validUntil) : undefined,
      reason: a.reason ?? `${a.source[0]!.toUpperCase()}${a.source.slice(1)}`,
      request_key: a.grantId,
      metadata: { source: a.source },
      created_by: actor.userId,
    });
    const balance = await move(
      tx,
      actor.bizId,
      actor.userId,
      wallet,
      {
        id: a.ledgerEntryId,
        entryType: 'grant',
        quantity: a.quantity,
        grantId: a.grantId,
        reasonCode: a.source,
        expiresAt: a.validUntil ?? null,
      },
      now,
    );
    return { balance };
  },
});

export const redeemEntitlement = defineMutator({
  name: 'entitlements.redeem',
  action: 'entitlement.redeem',
  args: z.strictObject({
    walletId: idOf('entitlement_wallets'),
    ledgerEntryId: idOf('entitlement_ledger_entries'),
    quantity: z.number().int().positive().max(1000).default(1),
    at: z.enum(['booking', 'check_in']).default('check_in'),
    bookingOrderId: idOf('booking_orders').optional(),
    fulfillmentUnitId: idOf('fulfillment_units').optional(),
  }),
  async run(ctx, a) {
    const { tx, actor, now } = ctx;
    const wallet = await loadWallet(ctx, a.walletId);
    usable(wallet, now);
    if (a.bookingOrderId) await getOwned(tx, 'booking_orders', actor.bizId, a.bookingOrderId, 'Booking', 'id');
    const floor = balanceFloor(wallet);
    if (wallet.balance - a.quantity < floor) {
      const others = await otherWallets(tx, actor.bizId, wallet, a.quantity, now);
      throw new AppError(
        'insufficient_credits',
        wallet.balance > floor
          ? `Only ${wallet.balance - floor} left in “${wallet.name || 'this wallet'}”; ${a.quantity} needed.`
          : `No credits left in “${wallet.name || 'this wallet'}”.`,
        {
          walletId: wallet.id,
          balance: wallet.balance,
          needed: a.quantity,
          floor,
          otherWalletIds: others.map((w) => w.id),
          choices: [
            { action: 'charge', label: 'Charge instead', bookingOrderId: a.bookingOrderId ?? null },
            ...others.map((w) => ({
              action: 'use_wallet',
              label: `Use “${w.name || w.id}” (${w.balance} left)`,
              walletId: w.id,
              balance: w.balance,
            })),
            { action: 'cancel', label: 'Cancel', bookingOrderId: a.bookingOrderId ?? null },
          ],
        },
      );
    }
    const balance = await move(
      tx,
      actor.bizId,
      actor.userId,
      wallet,
      {
        id: a.ledgerEntryId,
        entryType: 'debit',
        quantity: -a.quantity,
        bookingOrderId: a.bookingOrderId,
        fulfillmentUnitId: a.fulfillmentUnitId,
        reasonCode: a.at === 'booking' ? 'booking' : 'check_in',
      },
      now,
    );
    return { balance };
  },
});

/** Gives back (part of) a redemption, e.g. a cancelled class; never more than was debited. */
export const refundEntitlement = defineMutator({
  name: 'entitlements.refund',
  action: 'entitlement.redeem',
  args: z.strictObject({
    debitEntryId: idOf('entitlement_ledger_entries'),
    ledgerEntryId: idOf('entitlement_ledger_entries'),
    quantity: z.number().int().positive().max(1000).optional(),
    reason: text(400).optional(),
  }),
  async run(ctx, a) {
    const { tx, actor, now } = ctx;
    const debit = await getOwned<{ wallet_id: string; entry_type: string; quantity: number; booking_order_id: string }>(
      tx,
      'entitlement_ledger_entries',
      actor.bizId,
      a.debitEntryId,
      'Redemption',
      'wallet_id, entry_type, quantity, booking_order_id',
    );
    if (debit.entry_type !== 'debit') throw invalidState('Only a redemption can be refunded.');
    const wallet = await loadWallet(ctx, debit.wallet_id);
    const { rows } = await tx.query<{ n: number }>(
      `SELECT coalesce(sum(quantity), 0)::int AS n FROM entitlement_ledger_entries
       WHERE biz_id = $1 AND wallet_id = $2 AND entry_type = 'refund' AND metadata->>'refundOf' = $3`,
      [actor.bizId, wallet.id, a.debitEntryId],
    );
    const left = -Number(debit.quantity) - Number(rows[0]?.n ?? 0);
    const quantity = a.quantity ?? left;
    if (quantity <= 0 || quantity > left) {
      throw invalidState('That is more than is left to refund of this redemption.', { refundable: left });
    }
    const balance = await move(
      tx,
      actor.bizId,
      actor.userId,
      wallet,
      {
        id: a.ledgerEntryId,
        entryType: 'refund',
        quantity,
        bookingOrderId: debit.booking_order_id ?? undefined,
        reasonCode: 'refund',
        metadata: { refundOf: a.debitEntryId, ...(a.reason ? { reason: a.reason } : {}) },
      },
      now,
    );
    return { balance };
  },
});

export const transferEntitlement = defineMutator({
  name: 'entitlements.transfer',
  action: 'entitlement.sell',
  args: z.strictObject({
    transferId: idOf('entitlement_transfers'),
    fromWalletId: idOf('entitlement_wallets'),
    toWalletId: idOf('entitlement_wallets'),
    outEntryId: idOf('entitlement_ledger_entries'),
    inEntryId: idOf('entitlement_ledger_entries'),
    quantity: z.number().int().positive().max(100_000),
    reason: text(500).optional(),
  }),
  async run(ctx, a) {
    const { tx, actor, now } = ctx;
    if (a.fromWalletId === a.toWalletId) throw new AppError('validation_failed', 'Pick two different wallets.');
    // Lock in id order so two opposite transfers cannot deadlock.
    const [firstId, secondId] = [a.fromWalletId, a.toWalletId].sort();
    const first = await loadWallet(ctx, firstId!);
    const second = await loadWallet(ctx, secondId!);
    const from = first.id === a.fromWalletId ? first : second;
    const to = first.id === a.fromWalletId ? second : first;
    usable(from, now);
    if (!to.is_active) throw invalidState('The receiving wallet is closed.');
    if (from.unit !== to.unit) throw invalidState('Both wallets must hold the same kind of balance.');
    if (from.balance - a.quantity < balanceFloor(from)) {
      throw new AppError('insufficient_credits', `Only ${from.balance} left to transfer.`, {
        walletId: from.id,
        balance: from.balance,
        needed: a.quantity,
      });
    }
    if (ctx.env === 'server') {
      // The transfer request itself is server-side bookkeeping (devices hold the ledger rows).
      await insertRow(tx, 'entitlement_transfers', {
        id: a.transferId,
        biz_id: actor.bizId,
        from_wallet_id: from.id,
        to_wallet_id: to.id,
        status: 'completed',
        quantity: a.quantity,
        requested_by_user_id: actor.userId,
        reviewed_by_user_id: actor.userId,
        requested_at: iso(now),
        reviewed_at: iso(now),
        completed_at: iso(now),
        reason: a.reason,
        request_key: a.transferId,
        created_by: actor.userId,
      });
    }
    const base = { transferId: a.transferId, reasonCode: 'transfer' };
    await move(
      tx,
      actor.bizId,
      actor.userId,
      from,
      { ...base, id: a.outEntryId, entryType: 'transfer_out', quantity: -a.quantity },
      now,
    );
    await move(
      tx,
      actor.bizId,
      actor.userId,
      to,
      { ...base, id: a.inEntryId, entryType: 'transfer_in', quantity: a.quantity },
      now,
    );
    return { fromBalance: from.balance, toBalance: to.balance };
  },
});

/** What one rollover run did (or found already done). */
export interface RolloverResult {
  runId: string;
  alreadyRan: boolean;
  expired: number;
  rolledOver: number;
  granted: number;
  wallets: number;
}

function addInterval(day: string, count: number, unit: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (unit === 'day' || unit === 'custom') d.setUTCDate(d.getUTCDate() + count);
  else if (unit === 'week') d.setUTCDate(d.getUTCDate() + 7 * count);
  else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + count);
  else d.setUTCFullYear(d.getUTCFullYear() + count);
  return d.toISOString().slice(0, 10);
}

/**
 * The period-end pass over one plan, inside the caller's transaction: for every wallet of the plan's
 * memberships, unused positive balance beyond what may roll over (none, or up to the plan's cap)
 * expires, then each live membership receives the new period's included credits. Runs once per
 * (plan, period): the `rollover_runs` unique key makes a second call — even a concurrent one, which
 * waits on the first's insert — find the run and change nothing.
 */
export async function rolloverInTx(
  tx: SqlTx,
  bizId: string,
  planId: string,
  periodStart: string,
  now = new Date(),
): Promise<RolloverResult> {
  const plan = await getOwned<{
    billing_interval_count: number;
    billing_interval_unit: string;
    allow_rollover: boolean;
    rollover_cap_quantity: number | null;
    entitlement_quantity_per_cycle: number;
  }>(
    tx,
    'membership_plans',
    bizId,
    planId,
    'Plan',
    'billing_interval_count, billing_interval_unit, allow_rollover, rollover_cap_quantity, entitlement_quantity_per_cycle',
  );
  const periodEnd = addInterval(periodStart, plan.billing_interval_count, plan.billing_interval_unit);
  const runId = newId('rollover_runs');
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO rollover_runs (id, biz_id, membership_plan_id, status, period_start, period_end, run_at, started_at)
     VALUES ($1, $2, $3, 'running', $4::date, $5::date, $6::timestamptz, $6::timestamptz)
     ON CONFLICT ON CONSTRAINT rollover_runs_plan_period_uq DO NOTHING RETURNING id`,
    [runId, bizId, planId, periodStart, periodEnd, iso(now)],
  );
  if (!inserted.rows[0]) {
    const { rows } = await tx.query<{
      id: string;
      expired_quantity: number;
      rolled_over_quantity: number;
      summary: { granted?: number; wallets?: number };
    }>(
      `SELECT id, expired_quantity, rolled_over_quantity, summary FROM rollover_runs
       WHERE biz_id = $1 AND membership_plan_id = $2 AND period_start = $3::date`,
      [bizId, planId, periodStart],
    );
    const run = rows[0]!;
    return {
      runId: run.id,
      alreadyRan: true,
      expired: Number(run.expired_quantity),
      rolledOver: Number(run.rolled_over_quantity),
      granted: Number(run.summary?.granted ?? 0),
      wallets: Number(run.summary?.wallets ?? 0),
    };
  }
  const { rows: wallets } = await tx.query<WalletRow & { membership_status: string; membership_id: string }>(
    `SELECT ${WALLET_COLUMNS.split(', ')
      .map((c) => `w.${c}`)
      .join(', ')}, m.status AS membership_status
     FROM entitlement_wallets w JOIN memberships m ON m.id = w.membership_id AND m.biz_id = w.biz_id
     WHERE w.biz_id = $1 AND m.membership_plan_id = $2 AND w.deleted_at IS NULL AND m.deleted_at IS NULL
     ORDER BY w.id FOR UPDATE OF w`,
    [bizId, planId],
  );
  let expired = 0;
  let rolledOver = 0;
  let granted = 0;
  const cap = plan.allow_rollover ? (plan.rollover_cap_quantity ?? Number.POSITIVE_INFINITY) : 0;
  for (const raw of wallets) {
    const w = { ...raw, balance: Number(raw.balance), overdraft_limit: Number(raw.overdraft_limit) };
    const unused = Math.max(0, w.balance);
    const keep = Math.min(unused, cap);
    const drop = unused - keep;
    rolledOver += keep;
    if (drop > 0) {
      expired += drop;
      await move(
        tx,
        bizId,
        null,
        w,
        {
          id: newId('entitlement_ledger_entries'),
          entryType: 'expiry',
          quantity: -drop,
          rolloverRunId: runId,
          reasonCode: 'period_end',
        },
        now,
      );
    }
    if (
      ['active', 'trialing'].includes(raw.membership_status) &&
      plan.entitlement_quantity_per_cycle > 0 &&
      w.is_active
    ) {
      const grantId = newId('entitlement_grants');
      await insertRow(tx, 'entitlement_grants', {
        id: grantId,
        biz_id: bizId,
        wallet_id: w.id,
        membership_id: w.membership_id,
        grant_type: w.entitlement_type,
        quantity: plan.entitlement_quantity_per_cycle,
        valid_from_at: `${periodStart}T00:00:00Z`,
        rollover_eligible: plan.allow_rollover,
        reason: `Included credits ${periodStart}`,
        request_key: `cycle:${w.id}:${periodStart}`,
        metadata: { source: 'membership_cycle', rolloverRunId: runId },
      });
      await move(
        tx,
        bizId,
        null,
        w,
        {
          id: newId('entitlement_ledger_entries'),
          entryType: 'grant',
          quantity: plan.entitlement_quantity_per_cycle,
          grantId,
          reasonCode: 'membership_cycle',
          metadata: { rolloverRunId: runId },
        },
        now,
      );
      granted += plan.entitlement_quantity_per_cycle;
    }
  }
  await tx.query(
    `UPDATE rollover_runs SET status = 'completed', completed_at = $3::timestamptz, expired_quantity = $4,
       rolled_over_quantity = $5, summary = $6::jsonb, updated_at = now()
     WHERE biz_id = $1 AND id = $2`,
    [
      bizId,
      runId,
      iso(now),
      expired,
      Number.isFinite(rolledOver) ? rolledOver : 0,
      JSON.stringify({ granted, wallets: wallets.length }),
    ],
  );
  return { runId, alreadyRan: false, expired, rolledOver, granted, wallets: wallets.length };
}

/** A pool (pg.Pool's shape): `runRollover` takes one connection and runs the pass in its own transaction. */
export interface PoolLike {
  connect(): Promise<SqlTx & { release(): void }>;
}

/** Runs the rollover/expiry pass of `planId` for the period starting `periodStart` (YYYY-MM-DD), once. */
export async function runRollover(
  db: PoolLike,
  bizId: string,
  planId: string,
  periodStart: string,
  now = new Date(),
): Promise<RolloverResult> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const result = await rolloverInTx(client, bizId, planId, periodStart, now);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Selling a class pack or membership at the desk: opens the wallet (with a short code the customer
 * can show, when they have no account), records the membership for a member, grants the plan's
 * credits and opens the payment intent the desk then takes cash or card against.
 */
export const sellPlan = defineMutator({
  name: 'entitlements.sellPlan',
  action: 'entitlement.sell',
  args: z.strictObject({
    planId: idOf('membership_plans'),
    walletId: idOf('entitlement_wallets'),
    grantId: idOf('entitlement_grants'),
    ledgerEntryId: idOf('entitlement_ledger_entries'),
    intentId: idOf('payment_intents'),
    holderName: text(200),
    /** A signed-up customer: also records a membership for them. */
    ownerUserId: z.string().startsWith('usr_').max(40).optional(),
    membershipId: idOf('memberships').optional(),
  }),
  async run(ctx, a) {
    const { tx, actor, now } = ctx;
    const plan = await getOwned<{
      id: string;
      name: string;
      status: string;
      entitlement_type: string;
      entitlement_unit: string;
      entitlement_quantity_per_cycle: number;
      billing_interval_count: number;
      billing_interval_unit: string;
      price_minor: number;
      currency: string;
    }>(tx, 'membership_plans', actor.bizId, a.planId, 'Plan');
    if (plan.status !== 'active') throw invalidState('This plan is not on sale.');
    let membershipId: string | undefined;
    if (a.ownerUserId) {
      const { rows } = await tx.query('SELECT 1 FROM members WHERE biz_id = $1 AND user_id = $2', [
        actor.bizId,
        a.ownerUserId,
      ]);
      if (rows.length === 0) throw notFound('Customer');
      if (!a.membershipId) throw new AppError('validation_failed', 'A membership id is required for a customer.');
      const unit = ['day', 'week', 'month', 'year'].includes(plan.billing_interval_unit)
        ? plan.billing_interval_unit
        : 'month';
      const end = new Date(now);
      const n = plan.billing_interval_count;
      if (unit === 'day') end.setUTCDate(end.getUTCDate() + n);
      else if (unit === 'week') end.setUTCDate(end.getUTCDate() + 7 * n);
      else if (unit === 'month') end.setUTCMonth(end.getUTCMonth() + n);
      else end.setUTCFullYear(end.getUTCFullYear() + n);
      await insertRow(tx, 'memberships', {
        id: a.membershipId,
        biz_id: actor.bizId,
        membership_plan_id: plan.id,
        owner_user_id: a.ownerUserId,
        status: 'active',
        starts_at: iso(now),
        current_period_start_at: iso(now),
        current_period_end_at: iso(end),
        created_by: actor.userId,
      });
      membershipId = a.membershipId;
    }
    await insertRow(tx, 'entitlement_wallets', {
      id: a.walletId,
      biz_id: actor.bizId,
      membership_id: membershipId,
      owner_user_id: a.ownerUserId,
      name: `${plan.name} · ${a.holderName}`,
      entitlement_type: plan.entitlement_type,
      unit: plan.entitlement_unit,
      currency: plan.entitlement_unit === 'currency_minor' ? plan.currency : undefined,
      balance: 0,
      // The code the customer shows at check-in: the wallet id's random tail, unique per biz.
      code: a.walletId.slice(-8),
      created_by: actor.userId,
    });
    await insertRow(tx, 'payment_intents', {
      id: a.intentId,
      biz_id: actor.bizId,
      status: plan.price_minor > 0 ? 'requires_payment' : 'paid',
      currency: plan.currency,
      amount_minor: plan.price_minor,
      amount_paid_minor: 0,
      description: `${plan.name} for ${a.holderName}`,
      request_key: a.intentId,
    });
    await grantEntitlement.run(ctx, {
      walletId: a.walletId,
      grantId: a.grantId,
      ledgerEntryId: a.ledgerEntryId,
      source: 'purchase',
      quantity: plan.entitlement_quantity_per_cycle,
      membershipId,
      reason: `Sold ${plan.name}`,
    });
    return { walletCode: a.walletId.slice(-8) };
  },
});

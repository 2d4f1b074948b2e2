/**
 * Entitlements on real Postgres through /api/commits: a property test over random grants,
 * redemptions, transfers, refunds and rollover expiries (balances always equal the sum of ledger
 * rows and match a model), the last credit redeemed by two devices at once, overdraft limits,
 * idempotent rollover runs, and the cross-tenant walk for the entitlement and queue mutators.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IdTable, newId } from '../../shared/ids';
import { runRollover } from '../../shared/mutators/entitlements';
import { Client, createTestApp, type TestApp } from '../test/app';

let t: TestApp;
let bizId: string;
let ownerUserId: string;
let planId: string;
/** w1: the membership wallet (rollover cap 3, 5 per cycle); w2: overdraft to −2; w3: plain. */
let w: { w1: string; w2: string; w3: string };

async function device(email: string) {
  const c = new Client(t.app);
  const biz = await c.signInTo(email);
  const clientId = newId('devices');
  await c.post('/api/devices', { clientId });
  let seq = 0;
  const commit = async (name: string, args: Record<string, unknown>) => {
    const res = await c.post('/api/commits', { clientId, mutations: [{ id: ++seq, name, args }] });
    return res.json().results[0] as {
      status: 'applied' | 'rejected';
      error?: { code: string; message: string; details?: Record<string, unknown> };
    };
  };
  return { c, clientId, bizId: biz, commit };
}

async function wallet(name: string, opts: { overdraft?: number; membershipId?: string; balance?: number } = {}) {
  const id = newId('entitlement_wallets');
  await t.db.pool.query(
    `INSERT INTO entitlement_wallets (id, biz_id, owner_user_id, membership_id, name, allow_overdraft, overdraft_limit)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, bizId, ownerUserId, opts.membershipId ?? null, name, opts.overdraft !== undefined, opts.overdraft ?? 0],
  );
  return id;
}

async function balances(ids: string[]) {
  const { rows } = await t.db.pool.query(
    `SELECT w.id, w.balance, coalesce((SELECT sum(quantity) FROM entitlement_ledger_entries l WHERE l.wallet_id = w.id), 0)::int AS ledger,
            coalesce((SELECT min(balance_after) FROM entitlement_ledger_entries l WHERE l.wallet_id = w.id), 0)::int AS lowest
     FROM entitlement_wallets w WHERE w.id = ANY($1)`,
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.id as string,
      { balance: r.balance as number, ledger: r.ledger as number, lowest: r.lowest as number },
    ]),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  bizId = (await t.db.pool.query("SELECT id FROM bizes WHERE slug = 'lumen-yoga'")).rows[0]?.id;
  bizId ??= (await t.db.pool.query("SELECT biz_id AS id FROM queues WHERE slug = 'walk-ins'")).rows[0].id;
  ownerUserId = (
    await t.db.pool.query('SELECT owner_user_id FROM entitlement_wallets WHERE biz_id = $1 ORDER BY id LIMIT 1', [
      bizId,
    ])
  ).rows[0].owner_user_id;
  planId = newId('membership_plans');
  await t.db.pool.query(
    `INSERT INTO membership_plans (id, biz_id, name, slug, status, currency, entitlement_quantity_per_cycle, allow_rollover, rollover_cap_quantity)
     VALUES ($1, $2, 'Monthly 5', 'monthly-5-test', 'active', 'USD', 5, true, 3)`,
    [planId, bizId],
  );
  const membershipId = newId('memberships');
  await t.db.pool.query(
    `INSERT INTO memberships (id, biz_id, membership_plan_id, owner_user_id, status, starts_at, current_period_start_at, current_period_end_at)
     VALUES ($1, $2, $3, $4, 'active', '2030-01-01', '2030-01-01', '2030-02-01')`,
    [membershipId, bizId, planId, ownerUserId],
  );
  w = {
    w1: await wallet('Monthly 5', { membershipId }),
    w2: await wallet('Family pack', { overdraft: 2 }),
    w3: await wallet('Promo credits'),
  };
});
afterAll(async () => {
  await t?.close();
});

type Cmd =
  | { kind: 'grant'; wallet: 'w1' | 'w2' | 'w3'; q: number; source: 'purchase' | 'promotion' | 'compensation' }
  | { kind: 'redeem'; wallet: 'w1' | 'w2' | 'w3'; q: number }
  | { kind: 'transfer'; from: 'w1' | 'w2' | 'w3'; to: 'w1' | 'w2' | 'w3'; q: number }
  | { kind: 'refund'; pick: number; q: number | null }
  | { kind: 'rollover' };

const walletKey = fc.constantFrom('w1' as const, 'w2' as const, 'w3' as const);
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({
    kind: fc.constant('grant' as const),
    wallet: walletKey,
    q: fc.integer({ min: 1, max: 6 }),
    source: fc.constantFrom('purchase' as const, 'promotion' as const, 'compensation' as const),
  }),
  fc.record({ kind: fc.constant('redeem' as const), wallet: walletKey, q: fc.integer({ min: 1, max: 4 }) }),
  fc.record({
    kind: fc.constant('transfer' as const),
    from: walletKey,
    to: walletKey,
    q: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('refund' as const),
    pick: fc.nat(),
    q: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  }),
  fc.constant({ kind: 'rollover' as const }),
);

describe('entitlements', () => {
  it('keeps every balance equal to the sum of its ledger rows (and to a model) under random sequences', async () => {
    const manager = await device('manager@lumen.test');
    const floor = { w1: 0, w2: -2, w3: 0 };
    let period = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 1, maxLength: 14 }), async (cmds) => {
        const start = await balances(Object.values(w));
        const model = { w1: start.get(w.w1)!.balance, w2: start.get(w.w2)!.balance, w3: start.get(w.w3)!.balance };
        /** Debits of this run and what is left to refund of each. */
        const debits: { id: string; left: number; wallet: 'w1' | 'w2' | 'w3' }[] = [];
        for (const c of cmds) {
          if (c.kind === 'grant') {
            const r = await manager.commit('entitlements.grant', {
              walletId: w[c.wallet],
              grantId: newId('entitlement_grants'),
              ledgerEntryId: newId('entitlement_ledger_entries'),
              source: c.source,
              quantity: c.q,
            });
            expect(r.status).toBe('applied');
            model[c.wallet] += c.q;
          } else if (c.kind === 'redeem') {
            const id = newId('entitlement_ledger_entries');
            const r = await manager.commit('entitlements.redeem', {
              walletId: w[c.wallet],
              ledgerEntryId: id,
              quantity: c.q,
            });
            const ok = model[c.wallet] - c.q >= floor[c.wallet];
            expect([c, r.status, r.error?.code]).toEqual([
              c,
              ok ? 'applied' : 'rejected',
              ok ? undefined : 'insufficient_credits',
            ]);
            if (ok) {
              model[c.wallet] -= c.q;
              debits.push({ id, left: c.q, wallet: c.wallet });
            }
          } else if (c.kind === 'transfer') {
            const r = await manager.commit('entitlements.transfer', {
              transferId: newId('entitlement_transfers'),
              fromWalletId: w[c.from],
              toWalletId: w[c.to],
              outEntryId: newId('entitlement_ledger_entries'),
              inEntryId: newId('entitlement_ledger_entries'),
              quantity: c.q,
            });
            const ok = c.from !== c.to && model[c.from] - c.q >= floor[c.from];
            expect([c, r.status]).toEqual([c, ok ? 'applied' : 'rejected']);
            if (ok) {
              model[c.from] -= c.q;
              model[c.to] += c.q;
            }
          } else if (c.kind === 'refund') {
            if (debits.length === 0) continue;
            const d = debits[c.pick % debits.length]!;
            const q = c.q ?? d.left;
            const r = await manager.commit('entitlements.refund', {
              debitEntryId: d.id,
              ledgerEntryId: newId('entitlement_ledger_entries'),
              ...(c.q === null ? {} : { quantity: c.q }),
            });
            const ok = q > 0 && q <= d.left;
            expect([c, r.status]).toEqual([c, ok ? 'applied' : 'rejected']);
            if (ok) {
              d.left -= q;
              model[d.wallet] += q;
            }
          } else {
            const periodStart = new Date(Date.UTC(2040, period++, 1)).toISOString().slice(0, 10);
            const res = await runRollover(t.db.pool, bizId, planId, periodStart);
            expect(res.alreadyRan).toBe(false);
            const unused = Math.max(0, model.w1);
            expect(res.expired).toBe(Math.max(0, unused - 3));
            model.w1 = model.w1 - Math.max(0, unused - 3) + 5;
            // The same period again changes nothing.
            const again = await runRollover(t.db.pool, bizId, planId, periodStart);
            expect(again).toMatchObject({ alreadyRan: true, runId: res.runId, expired: res.expired });
          }
          const now = await balances(Object.values(w));
          for (const k of ['w1', 'w2', 'w3'] as const) {
            const b = now.get(w[k])!;
            expect([k, b.balance]).toEqual([k, b.ledger]);
            expect([k, b.balance]).toEqual([k, model[k]]);
            expect(b.lowest).toBeGreaterThanOrEqual(floor[k]);
          }
        }
      }),
      { numRuns: 12 },
    );
  });

  it('the last credit redeemed by two devices at once: one applies, the other gets the choices', async () => {
    const one = await wallet('Last credit');
    const spare = await wallet('Spare pack');
    const empty = await wallet('Empty pack');
    const mgr = await device('manager@lumen.test');
    for (const [id, q] of [
      [one, 1],
      [spare, 4],
    ] as const) {
      await mgr.commit('entitlements.grant', {
        walletId: id,
        grantId: newId('entitlement_grants'),
        ledgerEntryId: newId('entitlement_ledger_entries'),
        source: 'purchase',
        quantity: q,
      });
    }
    const a = await device('desk@lumen.test');
    const b = await device('manager@lumen.test');
    const redeem = (d: typeof a) =>
      d.commit('entitlements.redeem', {
        walletId: one,
        ledgerEntryId: newId('entitlement_ledger_entries'),
        quantity: 1,
      });
    const results = await Promise.all([redeem(a), redeem(b)]);
    expect(results.map((r) => r.status).sort()).toEqual(['applied', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected')!;
    expect(lost.error?.code).toBe('insufficient_credits');
    expect(lost.error?.details).toMatchObject({ walletId: one, balance: 0, needed: 1 });
    const details = lost.error!.details as {
      otherWalletIds: string[];
      choices: { action: string; walletId?: string }[];
    };
    expect(details.otherWalletIds).toContain(spare);
    expect(details.otherWalletIds).not.toContain(empty);
    expect(details.choices.map((c) => c.action)).toEqual([
      'charge',
      ...details.otherWalletIds.map(() => 'use_wallet'),
      'cancel',
    ]);
    const b1 = (await balances([one])).get(one)!;
    expect(b1).toEqual({ balance: 0, ledger: 0, lowest: 0 });
  });

  it('overdraft wallets go below zero only down to their limit; compensation needs a manager', async () => {
    const od = await wallet('Overdraft', { overdraft: 1 });
    const mgr = await device('manager@lumen.test');
    const desk = await device('desk@lumen.test');
    const redeem = () =>
      desk.commit('entitlements.redeem', { walletId: od, ledgerEntryId: newId('entitlement_ledger_entries') });
    expect((await redeem()).status).toBe('applied');
    expect((await redeem()).error?.code).toBe('insufficient_credits');
    expect((await balances([od])).get(od)).toEqual({ balance: -1, ledger: -1, lowest: -1 });
    const grant = (d: typeof mgr) =>
      d.commit('entitlements.grant', {
        walletId: od,
        grantId: newId('entitlement_grants'),
        ledgerEntryId: newId('entitlement_ledger_entries'),
        source: 'compensation',
        quantity: 2,
        reason: 'Class cancelled by the studio',
      });
    expect((await grant(desk)).error?.code).toBe('forbidden');
    expect((await grant(mgr)).status).toBe('applied');
    expect((await balances([od])).get(od)?.balance).toBe(1);
  });

  it('runs a rollover once per period even when started twice at once', async () => {
    const periodStart = '2050-06-01';
    const [x, y] = await Promise.all([
      runRollover(t.db.pool, bizId, planId, periodStart),
      runRollover(t.db.pool, bizId, planId, periodStart),
    ]);
    expect([x.alreadyRan, y.alreadyRan].sort()).toEqual([false, true]);
    expect(x.runId).toBe(y.runId);
    const { rows } = await t.db.pool.query(
      `SELECT count(*)::int AS n FROM rollover_runs WHERE membership_plan_id = $1 AND period_start = $2`,
      [planId, periodStart],
    );
    expect(rows[0].n).toBe(1);
    const b = (await balances([w.w1])).get(w.w1)!;
    expect(b.balance).toBe(b.ledger);
  });
});

describe('entitlement and queue mutators across tenants', () => {
  it('answers another biz’s wallet, queue or ticket as not_found and changes nothing', async () => {
    const other = (await t.db.pool.query('SELECT id FROM bizes WHERE id <> $1 ORDER BY id LIMIT 1', [bizId])).rows[0]
      .id;
    const foreignOf = async (table: IdTable) => {
      const { rows } = await t.db.pool.query(`SELECT id FROM ${table} WHERE biz_id = $1 LIMIT 1`, [other]);
      return (rows[0]?.id as string | undefined) ?? newId(table);
    };
    // A foreign wallet, queue and ticket exist for sure: made in the other biz.
    const fw = newId('entitlement_wallets');
    await t.db.pool.query(`INSERT INTO entitlement_wallets (id, biz_id, name, balance) VALUES ($1, $2, 'theirs', 0)`, [
      fw,
      other,
    ]);
    const loc = await foreignOf('locations');
    const fq = newId('queues');
    await t.db.pool.query(`INSERT INTO queues (id, biz_id, location_id, name) VALUES ($1, $2, $3, 'theirs')`, [
      fq,
      other,
      loc,
    ]);
    const ft = newId('queue_tickets');
    await t.db.pool.query(
      `INSERT INTO queue_tickets (id, biz_id, queue_id, service_date, ticket_number) VALUES ($1, $2, $3, '2030-01-01', 1)`,
      [ft, other, fq],
    );
    const fDebit = newId('entitlement_ledger_entries');
    await t.db.pool
      .query(
        `INSERT INTO entitlement_ledger_entries (id, biz_id, wallet_id, entry_type, quantity, balance_after) VALUES ($1, $2, $3, 'debit', -1, -1)`,
        [fDebit, other, fw],
      )
      .catch(() => undefined);
    const samples: Record<string, Record<string, unknown>> = {
      'entitlements.grant': {
        walletId: fw,
        grantId: newId('entitlement_grants'),
        ledgerEntryId: newId('entitlement_ledger_entries'),
        source: 'purchase',
        quantity: 5,
      },
      'entitlements.redeem': { walletId: fw, ledgerEntryId: newId('entitlement_ledger_entries') },
      'entitlements.refund': { debitEntryId: fDebit, ledgerEntryId: newId('entitlement_ledger_entries') },
      'entitlements.transfer': {
        transferId: newId('entitlement_transfers'),
        fromWalletId: fw,
        toWalletId: w.w3,
        outEntryId: newId('entitlement_ledger_entries'),
        inEntryId: newId('entitlement_ledger_entries'),
        quantity: 1,
      },
      'queue.issueTicket': {
        id: newId('queue_tickets'),
        queueId: fq,
        eventId: newId('queue_events'),
        serviceDate: '2030-01-01',
      },
      'queue.call': { ticketId: ft, eventId: newId('queue_events') },
      'queue.callNext': { queueId: fq, serviceDate: '2030-01-01', eventId: newId('queue_events') },
      'queue.startServing': { ticketId: ft, eventId: newId('queue_events') },
      'queue.complete': {
        ticketId: ft,
        eventId: newId('queue_events'),
        observationId: newId('service_time_observations'),
      },
      'queue.leave': { ticketId: ft, eventId: newId('queue_events') },
      'queue.predict': { predictionId: newId('wait_time_predictions'), queueId: fq, serviceDate: '2030-01-01' },
    };
    const owner = await device('owner@lumen.test');
    const fingerprint = async () =>
      (
        await t.db.pool.query(
          `SELECT (SELECT md5(string_agg(x::text, '|' ORDER BY id)) FROM entitlement_wallets x WHERE biz_id = $1) ||
                  (SELECT md5(string_agg(x::text, '|' ORDER BY id)) FROM queue_tickets x WHERE biz_id = $1) AS h`,
          [other],
        )
      ).rows[0].h;
    const before = await fingerprint();
    for (const [name, args] of Object.entries(samples)) {
      const r = await owner.commit(name, args);
      expect([name, r.status, r.error?.code]).toEqual([name, 'rejected', 'not_found']);
    }
    expect(await fingerprint()).toBe(before);
  });
});

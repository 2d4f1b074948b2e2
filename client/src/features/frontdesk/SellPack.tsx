/**
 * Sell a class pack or membership: opens a wallet with the plan's credits (a short code the
 * customer shows next time) and takes the payment in cash right away — all offline-capable.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import { useState } from 'react';
import { newId } from '../../../../shared/ids';
import { money } from '../time';
import { useMutate } from '../useMutate';

interface PlanRow {
  id: string;
  name: string;
  price_minor: number;
  currency: string;
  entitlement_quantity_per_cycle: number;
}

export function SellPack() {
  const { mutate, error } = useMutate();
  const plans = useLiveQuery<PlanRow>(
    "SELECT id, name, price_minor, currency, entitlement_quantity_per_cycle FROM membership_plans WHERE status = 'active' ORDER BY name",
  );
  const [planId, setPlanId] = useState('');
  const [name, setName] = useState('');
  const [sold, setSold] = useState<string | null>(null);

  async function sell() {
    const plan = plans?.rows.find((p) => p.id === planId);
    if (!plan) return;
    const walletId = newId('entitlement_wallets');
    const intentId = newId('payment_intents');
    const ok = await mutate('entitlements.sellPlan', {
      planId,
      walletId,
      grantId: newId('entitlement_grants'),
      ledgerEntryId: newId('entitlement_ledger_entries'),
      intentId,
      holderName: name.trim() || 'Walk-in',
    });
    if (!ok) return;
    if (plan.price_minor > 0) {
      await mutate('payments.recordTender', {
        intentId,
        tenderId: newId('payment_intent_tenders'),
        transactionId: newId('payment_transactions'),
        tenderType: 'cash',
        amountMinor: plan.price_minor,
      });
    }
    setSold(
      `Sold ${plan.name} to ${name.trim() || 'Walk-in'} (${plan.entitlement_quantity_per_cycle} credits, ` +
        `${money(plan.price_minor, plan.currency)} cash). Wallet code: ${walletId.slice(-8)}`,
    );
    setName('');
  }

  if (!plans?.rows.length) return null;
  return (
    <section aria-labelledby="sell-title" className="sell-pack">
      <h2 id="sell-title">Sell a pack</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void sell();
        }}
      >
        <label>
          Plan
          <select value={planId} onChange={(e) => setPlanId(e.target.value)} aria-label="Plan">
            <option value="">Choose…</option>
            {plans.rows.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} · {money(p.price_minor, p.currency)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Customer
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Name" />
        </label>
        <button type="submit" disabled={!planId}>
          Sell for cash
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {sold && (
        <p className="notice" role="status">
          {sold}
        </p>
      )}
    </section>
  );
}

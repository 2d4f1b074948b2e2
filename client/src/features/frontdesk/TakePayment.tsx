/**
 * Take payment for one booking: amount due, paid, refunded and balance always in view, and any
 * mix of tenders. Cash, "pay later" and wallet credit are mutations (they work offline and commit
 * later); a card goes to the server (Stripe) and needs a connection. In test mode (the local
 * Stripe double or a Stripe test key) the desk types one of Stripe's test card numbers.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import { useEffect, useRef, useState } from 'react';
import { newId } from '../../../../shared/ids';
import { useStore } from '../../db/StoreProvider';
import { money } from '../time';
import { useMutate } from '../useMutate';
import { StripeCard } from './StripeCard';

interface IntentRow {
  amount_minor: number;
  amount_paid_minor: number;
  amount_refunded_minor: number;
  currency: string;
  status: string;
  /**
   * The intent and all its tenders have reached the server (a card is charged there), and the synced
   * intent agrees with its synced tenders (the two tables' shapes may arrive a moment apart).
   */
  settled: boolean;
}
interface TenderRow {
  id: string;
  tender_type: string;
  status: string;
  amount_minor: number;
  amount_refunded_minor: number;
  failure_code: string | null;
  /** Recorded on this device, not yet confirmed by the server. */
  unsynced: boolean;
}
interface WalletRow {
  id: string;
  name: string;
  unit: string;
  currency: string | null;
  balance: number;
}

const INTENT_SQL = `
  SELECT amount_minor, amount_paid_minor, amount_refunded_minor, currency, status,
         EXISTS (SELECT 1 FROM payment_intents_synced s WHERE s.id = i.id)
           AND NOT EXISTS (SELECT 1 FROM payment_intents_local l WHERE l.id = i.id)
           AND NOT EXISTS (SELECT 1 FROM payment_intent_tenders_local l WHERE l.payment_intent_id = i.id)
           AND amount_paid_minor = (SELECT coalesce(sum(t.amount_minor), 0) FROM payment_intent_tenders t
                                    WHERE t.payment_intent_id = i.id
                                      AND t.status IN ('captured', 'partially_refunded', 'refunded')) AS settled
  FROM payment_intents i WHERE id = $1`;
const TENDERS_SQL = `
  SELECT id, tender_type, status, amount_minor, amount_refunded_minor, failure_code,
         EXISTS (SELECT 1 FROM payment_intent_tenders_local l WHERE l.id = t.id) AS unsynced
  FROM payment_intent_tenders t WHERE payment_intent_id = $1 ORDER BY occurred_at, id`;
/** The customer's own wallets, or one found by its code (a bearer gift card or the short pack code). */
const WALLETS_SQL = `
  SELECT id, name, unit, currency, balance FROM entitlement_wallets
  WHERE is_active AND deleted_at IS NULL AND balance > 0 AND (expires_at IS NULL OR expires_at > now())
    AND (owner_user_id = $1 OR ($2 <> '' AND (lower(code) = $2 OR lower(right(id, 8)) = $2)))
  ORDER BY name, id`;

const TENDER_LABELS: Record<string, string> = {
  cash: 'Cash',
  card: 'Card',
  pay_later: 'Pay later',
  entitlement_credit: 'Wallet credit',
  gift: 'Gift card',
};

export interface PaymentsConfig {
  mode: 'test' | 'live';
  publishableKey?: string;
}

const CONFIG_KEY = 'bizing.payments-config';

/** The server's Stripe mode, remembered on the device so the badge is right offline too. */
export function usePaymentsConfig(online: boolean): PaymentsConfig | null {
  const [config, setConfig] = useState<PaymentsConfig | null>(() => {
    try {
      return JSON.parse(localStorage.getItem(CONFIG_KEY) ?? 'null') as PaymentsConfig | null;
    } catch {
      return null;
    }
  });
  useEffect(() => {
    if (!online) return;
    let cancelled = false;
    fetch('/api/payments/config')
      .then(async (res) => {
        if (!res.ok || cancelled) return;
        const next = (await res.json()) as PaymentsConfig;
        localStorage.setItem(CONFIG_KEY, JSON.stringify(next));
        setConfig(next);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [online]);
  return config;
}

/** "12.50" → 1250; undefined when it is not a positive amount with at most two decimals. */
export function toMinor(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return undefined;
  const minor = Math.round(Number(t) * 100);
  return minor > 0 ? minor : undefined;
}
const toText = (minor: number) => (minor / 100).toFixed(2);

export function TakePayment(props: {
  intentId: string;
  customerName: string | null;
  customerUserId: string | null;
  onClose(): void;
}) {
  const { state } = useStore();
  const online = state.online;
  const config = usePaymentsConfig(online);
  const { mutate, error: mutateError, clearError } = useMutate();
  const intent = useLiveQuery<IntentRow>(INTENT_SQL, [props.intentId])?.rows[0];
  const tenders = useLiveQuery<TenderRow>(TENDERS_SQL, [props.intentId])?.rows ?? [];
  const [walletCode, setWalletCode] = useState('');
  const wallets =
    useLiveQuery<WalletRow>(WALLETS_SQL, [props.customerUserId ?? '', walletCode.trim().toLowerCase()])?.rows ?? [];
  const [walletId, setWalletId] = useState('');
  const [credits, setCredits] = useState('1');
  const [amount, setAmount] = useState('');
  const [card, setCard] = useState('4242 4242 4242 4242');
  const [busy, setBusy] = useState(false);
  const [cardError, setCardError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** One card attempt keeps its mutation id until the server answers: a retry never charges twice. */
  const attempt = useRef<{ key: string; mutationId: string } | null>(null);

  const balance = intent ? Math.max(0, intent.amount_minor - intent.amount_paid_minor) : 0;
  const promised = tenders
    .filter((t) => t.tender_type === 'pay_later' && t.status === 'pending')
    .reduce((sum, t) => sum + t.amount_minor, 0);
  // The amount field follows the balance until the desk types something else.
  const typed = useRef(false);
  const [taken, setTaken] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `taken` re-arms it after each tender.
  useEffect(() => {
    if (!typed.current) setAmount(balance > 0 ? toText(balance) : '');
  }, [balance, taken]);
  const wallet = wallets.find((w) => w.id === walletId) ?? wallets[0];

  if (!intent) return <p className="take-payment">Loading the payment…</p>;
  const cur = intent.currency;
  const amountMinor = toMinor(amount);
  const amountProblem =
    balance <= 0
      ? 'Nothing is due.'
      : amountMinor === undefined
        ? 'Enter an amount such as 12.50.'
        : amountMinor > balance
          ? `That is more than the balance of ${money(balance, cur)}.`
          : null;

  const done = (what: string) => {
    typed.current = false;
    setTaken((n) => n + 1);
    setNotice(what);
  };
  const begin = () => {
    clearError();
    setCardError(null);
    setNotice(null);
  };

  async function offline(tenderType: 'cash' | 'pay_later') {
    begin();
    if (amountMinor === undefined || amountProblem) return;
    const ok = await mutate('payments.recordTender', {
      intentId: props.intentId,
      tenderId: newId('payment_intent_tenders'),
      transactionId: newId('payment_transactions'),
      tenderType,
      amountMinor,
    });
    if (ok) done(`${tenderType === 'cash' ? 'Cash' : 'Pay later'} ${money(amountMinor, cur)} recorded.`);
  }

  async function payFromWallet() {
    begin();
    if (amountMinor === undefined || amountProblem || !wallet) return;
    const counted = wallet.unit !== 'currency_minor';
    const ok = await mutate('payments.recordTender', {
      intentId: props.intentId,
      tenderId: newId('payment_intent_tenders'),
      transactionId: newId('payment_transactions'),
      tenderType: 'entitlement_credit',
      amountMinor,
      walletId: wallet.id,
      ledgerEntryId: newId('entitlement_ledger_entries'),
      ...(counted ? { credits: Math.max(1, Number.parseInt(credits, 10) || 1) } : {}),
    });
    if (ok) done(`${money(amountMinor, cur)} paid from “${wallet.name || 'wallet'}”.`);
  }

  async function chargeCard() {
    begin();
    if (amountMinor === undefined || amountProblem) return;
    // Untouched, the amount means "the rest": the server charges its own balance, which is the
    // truth even if this device's copy is a moment behind. A typed amount is charged as typed.
    const requested = typed.current ? amountMinor : undefined;
    const key = `${requested ?? 'rest'}:${card}`;
    if (attempt.current?.key !== key) attempt.current = { key, mutationId: `card_${newId('payment_intent_tenders')}` };
    setBusy(true);
    try {
      const res = await fetch(`/api/payments/intents/${props.intentId}/card`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ testCardNumber: card, mutationId: attempt.current.mutationId, amountMinor: requested }),
      });
      const body = (await res.json().catch(() => ({}))) as {
        message?: string;
        code?: string;
        details?: { balanceMinor?: number };
        tenders?: { requestKey: string | null; amountMinor: number }[];
        balanceMinor?: number;
      };
      if (res.status >= 500) {
        setCardError('The card service did not answer. Try again: the card will not be charged twice.');
        return;
      }
      const mutationId = attempt.current.mutationId;
      attempt.current = null;
      if (res.ok) {
        // What the server charged and what is left, in its own figures (sync shows them shortly).
        const charged = body.tenders?.find((t) => t.requestKey === `card:${mutationId}`)?.amountMinor ?? amountMinor;
        done(`Card ${money(charged, cur)} accepted. Balance ${money(body.balanceMinor ?? 0, cur)}.`);
      } else if (body.code === 'payment_declined') {
        const due = body.details?.balanceMinor ?? balance;
        const why = (body.message ?? 'the bank said no').replace(/\.$/, '');
        setCardError(`Card declined: ${why}. Balance due ${money(due, cur)}.`);
      } else {
        setCardError(body.message ?? 'The card payment failed.');
      }
    } catch {
      setCardError('Card needs a connection. Nothing was charged; take cash or pay later, or try again online.');
    } finally {
      setBusy(false);
    }
  }

  const error = mutateError ?? cardError;
  const cardDisabled = !online || busy || !intent.settled || Boolean(amountProblem);
  return (
    <section className="take-payment" aria-labelledby={`pay-${props.intentId}`}>
      <h4 id={`pay-${props.intentId}`}>
        Take payment{props.customerName ? ` · ${props.customerName}` : ''}
        {config?.mode === 'test' && (
          <span className="badge test-mode" title="Payments go to a test Stripe account: no real money moves.">
            Test mode
          </span>
        )}
      </h4>
      <dl className="payment-summary" aria-label="Payment summary">
        <div>
          <dt>Amount due</dt>
          <dd data-testid="amount-due">{money(intent.amount_minor, cur)}</dd>
        </div>
        <div>
          <dt>Paid</dt>
          <dd data-testid="amount-paid">{money(intent.amount_paid_minor, cur)}</dd>
        </div>
        <div>
          <dt>Refunded</dt>
          <dd data-testid="amount-refunded">{money(intent.amount_refunded_minor, cur)}</dd>
        </div>
        <div className={balance > 0 ? 'due' : 'settled'}>
          <dt>Balance</dt>
          <dd data-testid="balance">{money(balance, cur)}</dd>
        </div>
        {promised > 0 && (
          <div>
            <dt>Promised (pay later)</dt>
            <dd>{money(promised, cur)}</dd>
          </div>
        )}
      </dl>
      {tenders.length > 0 && (
        <ul className="tenders" aria-label="Payments on this booking">
          {tenders.map((t) => (
            <li key={t.id} className={`tender ${t.status}`}>
              {TENDER_LABELS[t.tender_type] ?? t.tender_type} {money(t.amount_minor, cur)} ·{' '}
              {t.status.replace('_', ' ')}
              {t.amount_refunded_minor > 0 && ` · ${money(t.amount_refunded_minor, cur)} refunded`}
              {t.status === 'failed' && t.failure_code && ` (${t.failure_code.replaceAll('_', ' ')})`}
              {t.unsynced && ' · on this device, syncs when online'}
            </li>
          ))}
        </ul>
      )}
      {balance > 0 && (
        <form onSubmit={(e) => e.preventDefault()} className="tender-form">
          <label>
            Amount to take ({cur})
            <input
              value={amount}
              inputMode="decimal"
              onChange={(e) => {
                typed.current = true;
                setAmount(e.target.value);
              }}
              aria-invalid={Boolean(amountProblem)}
              aria-describedby={`amount-help-${props.intentId}`}
            />
          </label>
          <small id={`amount-help-${props.intentId}`} className={amountProblem ? 'error' : 'muted'}>
            {amountProblem ?? `Up to ${money(balance, cur)}. Split it across tenders as you like.`}
          </small>
          <fieldset>
            <legend>Cash or later (works offline)</legend>
            <button type="button" onClick={() => void offline('cash')} disabled={Boolean(amountProblem)}>
              Take cash
            </button>
            <button type="button" onClick={() => void offline('pay_later')} disabled={Boolean(amountProblem)}>
              Pay later
            </button>
          </fieldset>
          <fieldset>
            <legend>Wallet credit (works offline)</legend>
            <label>
              Wallet code
              <input value={walletCode} onChange={(e) => setWalletCode(e.target.value)} placeholder="Optional" />
            </label>
            {wallets.length > 0 ? (
              <>
                <label>
                  Wallet
                  <select value={wallet?.id ?? ''} onChange={(e) => setWalletId(e.target.value)}>
                    {wallets.map((w) => (
                      <option key={w.id} value={w.id}>
                        {w.name || 'Wallet'} ·{' '}
                        {w.unit === 'currency_minor' ? money(w.balance, w.currency ?? cur) : `${w.balance} ${w.unit}s`}
                      </option>
                    ))}
                  </select>
                </label>
                {wallet && wallet.unit !== 'currency_minor' && (
                  <label>
                    Credits to use
                    <input
                      type="number"
                      min={1}
                      max={wallet.balance}
                      value={credits}
                      onChange={(e) => setCredits(e.target.value)}
                    />
                  </label>
                )}
                <button type="button" onClick={() => void payFromWallet()} disabled={Boolean(amountProblem)}>
                  Pay from wallet
                </button>
              </>
            ) : (
              <p className="muted">No wallet with credit for this customer. Enter a wallet code to find one.</p>
            )}
          </fieldset>
          <fieldset>
            <legend>Card (needs a connection)</legend>
            {!online ? (
              <p className="notice" role="note">
                Card needs a connection. Take cash or pay later now, or charge the card when back online.
              </p>
            ) : config?.mode === 'live' ? (
              config.publishableKey ? (
                <StripeCard
                  key={`${amountMinor}`}
                  intentId={props.intentId}
                  amountMinor={amountMinor ?? 0}
                  publishableKey={config.publishableKey}
                  disabled={cardDisabled}
                  onDone={done}
                  onError={setCardError}
                />
              ) : (
                <p className="error">Card payments need STRIPE_PUBLISHABLE_KEY on the server.</p>
              )
            ) : (
              <>
                <label>
                  Test card number
                  <input
                    value={card}
                    onChange={(e) => setCard(e.target.value)}
                    inputMode="numeric"
                    autoComplete="off"
                    aria-describedby={`card-help-${props.intentId}`}
                  />
                </label>
                <small id={`card-help-${props.intentId}`} className="muted">
                  4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined.
                </small>
                {!intent.settled && (
                  <p className="muted" role="status">
                    Waiting for this booking’s changes to reach the server…
                  </p>
                )}
              </>
            )}
            {config?.mode !== 'live' && (
              <button type="button" onClick={() => void chargeCard()} disabled={cardDisabled}>
                {busy ? 'Charging…' : 'Charge card'}
              </button>
            )}
          </fieldset>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && !error && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <button type="button" onClick={props.onClose}>
        Close
      </button>
    </section>
  );
}

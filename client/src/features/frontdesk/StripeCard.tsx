/**
 * Live mode card entry: Stripe's Payment Element. The server creates the Stripe payment intent
 * (idempotent per attempt) and hands back its client secret; Stripe.js collects and confirms the
 * card in the browser, so card numbers never touch this app; the `payment_intent.succeeded`
 * webhook records the tender, which then arrives here through sync.
 */
import { useEffect, useRef, useState } from 'react';
import { newId } from '../../../../shared/ids';

interface PaymentElement {
  mount(el: HTMLElement): void;
  destroy(): void;
}
interface StripeElements {
  create(type: 'payment'): PaymentElement;
}
interface StripeJs {
  elements(opts: { clientSecret: string }): StripeElements;
  confirmPayment(opts: {
    elements: StripeElements;
    redirect: 'if_required';
  }): Promise<{ error?: { message?: string }; paymentIntent?: { status: string } }>;
}
type StripeFactory = (publishableKey: string) => StripeJs;

let stripeJs: Promise<StripeFactory> | undefined;
/** Stripe.js must be loaded from Stripe itself (never bundled); once per page. */
function loadStripeJs(): Promise<StripeFactory> {
  stripeJs ??= new Promise<StripeFactory>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'https://js.stripe.com/v3/';
    script.async = true;
    script.onload = () => {
      const factory = (globalThis as { Stripe?: StripeFactory }).Stripe;
      if (factory) resolve(factory);
      else reject(new Error('Stripe.js did not load.'));
    };
    script.onerror = () => {
      stripeJs = undefined;
      reject(new Error('Stripe.js could not be loaded. Check the connection.'));
    };
    document.head.append(script);
  });
  return stripeJs;
}

export function StripeCard(props: {
  intentId: string;
  amountMinor: number;
  publishableKey: string;
  disabled: boolean;
  onDone(message: string): void;
  onError(message: string): void;
}) {
  const mount = useRef<HTMLDivElement>(null);
  const session = useRef<{ stripe: StripeJs; elements: StripeElements; element: PaymentElement } | null>(null);
  const [phase, setPhase] = useState<'idle' | 'loading' | 'ready' | 'confirming'>('idle');
  useEffect(() => () => session.current?.element.destroy(), []);

  async function open() {
    setPhase('loading');
    try {
      const res = await fetch(`/api/payments/intents/${props.intentId}/card-session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mutationId: `card_${newId('payment_intent_tenders')}`, amountMinor: props.amountMinor }),
      });
      const body = (await res.json()) as { clientSecret?: string; message?: string };
      if (!res.ok || !body.clientSecret) throw new Error(body.message ?? 'The card could not be started.');
      const stripe = (await loadStripeJs())(props.publishableKey);
      const elements = stripe.elements({ clientSecret: body.clientSecret });
      const element = elements.create('payment');
      if (!mount.current) {
        setPhase('idle');
        return;
      }
      element.mount(mount.current);
      session.current = { stripe, elements, element };
      setPhase('ready');
    } catch (err) {
      setPhase('idle');
      props.onError(err instanceof Error ? err.message : 'Card needs a connection.');
    }
  }

  async function confirm() {
    const s = session.current;
    if (!s) return;
    setPhase('confirming');
    const result = await s.stripe.confirmPayment({ elements: s.elements, redirect: 'if_required' }).catch(() => ({
      error: { message: 'Card needs a connection. Nothing was charged.' },
      paymentIntent: undefined,
    }));
    if (result.error) {
      setPhase('ready');
      props.onError(`Card declined: ${(result.error.message ?? 'the bank said no').replace(/\.$/, '')}.`);
      return;
    }
    s.element.destroy();
    session.current = null;
    setPhase('idle');
    props.onDone('Card accepted; it shows as paid once Stripe confirms it.');
  }

  return (
    <div className="stripe-card">
      <div ref={mount} />
      {phase === 'idle' || phase === 'loading' ? (
        <button type="button" onClick={() => void open()} disabled={props.disabled || phase === 'loading'}>
          {phase === 'loading' ? 'Opening card form…' : 'Enter card'}
        </button>
      ) : (
        <button type="button" onClick={() => void confirm()} disabled={phase === 'confirming'}>
          {phase === 'confirming' ? 'Charging…' : 'Charge card'}
        </button>
      )}
    </div>
  );
}

/**
 * A local stand-in for the slice of Stripe's REST API the project uses, spoken over HTTP and
 * form-encoded exactly like api.stripe.com, so the real SDK talks to it through its
 * `host`/`port`/`protocol` options. Used by tests and by the embedded demo ("test mode").
 *
 * Implements customers, Connect accounts (`POST /v1/accounts`), payment intents
 * (create/retrieve/confirm/cancel, destination charges through `transfer_data[destination]`, which
 * create a transfer and emit `transfer.created`), payment methods (retrieve), refunds and the test
 * payment methods `pm_card_visa` (succeeds) and `pm_card_chargeDeclined` (card_declined) — which,
 * like Stripe, resolve into a fresh `pm_…` per use —, honours `Idempotency-Key`, and emits webhook
 * events signed with the webhook secret the way Stripe does.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

type Obj = Record<string, unknown>;

export interface DoubleEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  type: string;
  livemode: false;
  pending_webhooks: number;
  account?: string;
  request: { id: string | null; idempotency_key: string | null };
  data: { object: Obj };
}

/** Where events go: a URL (POSTed like Stripe does) or a function (e.g. `app.inject` in tests). */
export type WebhookTarget =
  | string
  | ((payload: string, headers: Record<string, string>) => Promise<{ statusCode: number; body?: string }>);

export interface StripeDoubleOptions {
  webhookSecret: string;
  webhookTarget?: WebhookTarget;
  /** Send events as they happen (the demo); tests usually leave it off and call `deliver`. */
  autoDeliver?: boolean;
  /** Fee the double charges for a dispute (minor units, Stripe's default is 1500). */
  disputeFeeMinor?: number;
}

export interface Delivery {
  event: DoubleEvent;
  statusCode: number;
  body: string;
}

const API_VERSION = '2026-10-28.endive';

class StripeHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: { type: string; message: string; code?: string; decline_code?: string; [k: string]: unknown },
  ) {
    super(body.message);
  }
}

function newStripeId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
}
const now = () => Math.floor(Date.now() / 1000);

/** Parse `a[b][c]=1&list[0]=x` into nested objects (Stripe's form encoding). */
export function parseForm(body: string): Obj {
  const out: Obj = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.split(/\[|\]\[|\]/).filter((p) => p !== '');
    let cur: Obj = out;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        cur[part] = value;
        return;
      }
      const next = cur[part];
      if (typeof next !== 'object' || next === null) cur[part] = {};
      cur = cur[part] as Obj;
    });
  }
  return out;
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value as Obj).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

function intParam(params: Obj, key: string, required: boolean): number | undefined {
  const raw = params[key];
  if (raw === undefined) {
    if (required) throw invalid(`Missing required param: ${key}.`, { param: key, code: 'parameter_missing' });
    return undefined;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw invalid(`Invalid integer: ${String(raw)}`, { param: key });
  return n;
}

function invalid(message: string, extra: Obj = {}): StripeHttpError {
  return new StripeHttpError(400, { type: 'invalid_request_error', message, ...extra });
}
function missing(kind: string, id: string): StripeHttpError {
  return new StripeHttpError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${kind}: '${id}'`,
    param: 'id',
  });
}

interface TestMethod {
  outcome: 'succeed' | 'decline';
  decline?: string;
  last4: string;
  brand: string;
}
const TEST_METHODS: Record<string, TestMethod> = {
  pm_card_visa: { outcome: 'succeed', last4: '4242', brand: 'visa' },
  pm_card_mastercard: { outcome: 'succeed', last4: '4444', brand: 'mastercard' },
  pm_card_chargeDeclined: { outcome: 'decline', decline: 'generic_decline', last4: '0002', brand: 'visa' },
  pm_card_chargeDeclinedInsufficientFunds: {
    outcome: 'decline',
    decline: 'insufficient_funds',
    last4: '9995',
    brand: 'visa',
  },
};

export class StripeDouble {
  readonly customers = new Map<string, Obj>();
  readonly accounts = new Map<string, Obj>();
  readonly paymentMethods = new Map<string, Obj>();
  readonly transfers = new Map<string, Obj>();
  /** How each resolved payment method behaves (which test token it came from). */
  private readonly methodBehaviour = new Map<string, TestMethod>();
  readonly paymentIntents = new Map<string, Obj>();
  readonly charges = new Map<string, Obj>();
  readonly refunds = new Map<string, Obj>();
  readonly disputes = new Map<string, Obj>();
  readonly payouts = new Map<string, Obj>();
  /** Every event emitted, in order (delivered or not). */
  readonly events: DoubleEvent[] = [];
  /** Every delivery attempt with the receiver's answer. */
  readonly deliveries: Delivery[] = [];
  /** Count of requests per `METHOD path-template`, e.g. `POST /v1/payment_intents`. */
  readonly requestCounts = new Map<string, number>();
  private readonly idempotency = new Map<string, { fingerprint: string; status: number; body: string }>();
  private server: Server | undefined;
  private pending: Promise<unknown> = Promise.resolve();
  port = 0;

  constructor(private readonly opts: StripeDoubleOptions) {}

  static async start(opts: StripeDoubleOptions): Promise<StripeDouble> {
    const d = new StripeDouble(opts);
    await d.listen();
    return d;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** An SDK client pointed at this double. */
  client(key = 'sk_test_double'): Stripe {
    return new Stripe(key, { host: '127.0.0.1', port: this.port, protocol: 'http', maxNetworkRetries: 0 });
  }

  setWebhookTarget(target: WebhookTarget | undefined, autoDeliver = this.opts.autoDeliver): void {
    this.opts.webhookTarget = target;
    this.opts.autoDeliver = autoDeliver;
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await this.pending.catch(() => {});
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Waits for auto-deliveries in flight. */
  async settle(): Promise<void> {
    await this.pending.catch(() => {});
  }

  // ---------------------------------------------------------------- HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const params = method === 'GET' ? parseForm(url.search.slice(1)) : parseForm(Buffer.concat(chunks).toString());
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': newStripeId('req') });
      res.end(body);
    };
    if (!String(req.headers.authorization ?? '').startsWith('Bearer ')) {
      return send(
        401,
        JSON.stringify({ error: { type: 'invalid_request_error', message: 'You did not provide an API key.' } }),
      );
    }
    const fingerprint = `${method} ${url.pathname} ${canonical(params)}`;
    if (key && method === 'POST') {
      const seen = this.idempotency.get(key);
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          return send(
            400,
            JSON.stringify({
              error: {
                type: 'idempotency_error',
                message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
              },
            }),
          );
        }
        res.setHeader('idempotent-replayed', 'true');
        return send(seen.status, seen.body);
      }
    }
    let status = 200;
    let body: string;
    try {
      body = JSON.stringify(this.route(method, url.pathname, params, key ?? null));
    } catch (err) {
      if (!(err instanceof StripeHttpError)) {
        status = 500;
        body = JSON.stringify({ error: { type: 'api_error', message: String(err) } });
      } else {
        status = err.statusCode;
        body = JSON.stringify({ error: err.body });
      }
    }
    if (key && method === 'POST' && status !== 500) this.idempotency.set(key, { fingerprint, status, body });
    send(status, body);
  }

  private count(name: string) {
    this.requestCounts.set(name, (this.requestCounts.get(name) ?? 0) + 1);
  }

  private route(method: string, path: string, params: Obj, idemKey: string | null): Obj {
    const seg = path.split('/').filter(Boolean);
    if (seg[0] !== 'v1') throw missing('route', path);
    const [, resource, id, action] = seg;
    if (resource === 'customers') {
      if (method === 'POST' && !id) return this.createCustomer(params);
      if (method === 'GET' && id) return this.get(this.customers, 'customer', id);
    }
    if (resource === 'accounts' && method === 'POST' && !id) {
      this.count('POST /v1/accounts');
      return this.createAccount(params);
    }
    if (resource === 'payment_methods' && method === 'GET' && id) {
      return this.get(this.paymentMethods, 'payment_method', id);
    }
    if (resource === 'payment_intents') {
      if (method === 'POST' && !id) {
        this.count('POST /v1/payment_intents');
        return this.createPaymentIntent(params, idemKey);
      }
      if (method === 'GET' && id && !action) return this.get(this.paymentIntents, 'payment_intent', id);
      if (method === 'POST' && id && action === 'confirm') {
        this.count('POST /v1/payment_intents/:id/confirm');
        return this.confirm(this.get(this.paymentIntents, 'payment_intent', id), params, idemKey);
      }
      if (method === 'POST' && id && action === 'cancel') return this.cancel(id);
    }
    if (resource === 'charges' && method === 'GET' && id) return this.get(this.charges, 'charge', id);
    if (resource === 'refunds') {
      if (method === 'POST' && !id) {
        this.count('POST /v1/refunds');
        return this.createRefund(params, idemKey);
      }
      if (method === 'GET' && id) return this.get(this.refunds, 'refund', id);
    }
    throw missing('route', `${method} ${path}`);
  }

  private get(map: Map<string, Obj>, kind: string, id: string): Obj {
    const found = map.get(id);
    if (!found) throw missing(kind, id);
    return found;
  }

  private createCustomer(params: Obj): Obj {
    const customer: Obj = {
      id: newStripeId('cus'),
      object: 'customer',
      created: now(),
      email: params.email ?? null,
      name: params.name ?? null,
      phone: params.phone ?? null,
      metadata: (params.metadata as Obj) ?? {},
      livemode: false,
    };
    this.customers.set(customer.id as string, customer);
    return customer;
  }

  /** A Connect account; in test mode it is onboarded at once (charges and payouts enabled). */
  private createAccount(params: Obj): Obj {
    const type = params.type ?? 'standard';
    if (!['standard', 'express', 'custom'].includes(String(type))) {
      throw invalid(`Invalid type: must be one of standard, express, or custom`, { param: 'type' });
    }
    const account: Obj = {
      id: newStripeId('acct'),
      object: 'account',
      type,
      country: params.country ?? 'US',
      email: params.email ?? null,
      default_currency: String(params.default_currency ?? 'usd').toLowerCase(),
      business_profile: (params.business_profile as Obj) ?? {},
      capabilities: { card_payments: 'active', transfers: 'active' },
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
      requirements: { currently_due: [], eventually_due: [], past_due: [], current_deadline: null },
      settings: {},
      metadata: (params.metadata as Obj) ?? {},
      created: now(),
    };
    this.accounts.set(account.id as string, account);
    return account;
  }

  /**
   * A payment method id as given to a payment intent: a test token (`pm_card_visa`) becomes a new
   * `pm_…` object, as on Stripe (so the same token used twice gives two payment methods).
   */
  private resolveMethod(id: string): string {
    if (this.paymentMethods.has(id)) return id;
    const test = TEST_METHODS[id];
    if (!test) throw missing('payment_method', id);
    const pm: Obj = {
      id: newStripeId('pm'),
      object: 'payment_method',
      type: 'card',
      card: {
        brand: test.brand,
        last4: test.last4,
        exp_month: 12,
        exp_year: new Date().getUTCFullYear() + 3,
        fingerprint: `fp${test.last4}${test.brand}`,
        country: 'US',
        funding: 'credit',
      },
      billing_details: { address: null, email: null, name: null, phone: null },
      customer: null,
      metadata: {},
      created: now(),
      livemode: false,
    };
    this.paymentMethods.set(pm.id as string, pm);
    this.methodBehaviour.set(pm.id as string, test);
    return pm.id as string;
  }

  private createPaymentIntent(params: Obj, idemKey: string | null): Obj {
    const amount = intParam(params, 'amount', true)!;
    if (amount < 50) throw invalid('Amount must be at least 50 cents.', { param: 'amount', code: 'amount_too_small' });
    if (typeof params.currency !== 'string') throw invalid('Missing required param: currency.', { param: 'currency' });
    if (params.customer !== undefined && !this.customers.has(String(params.customer))) {
      throw missing('customer', String(params.customer));
    }
    const transferData = params.transfer_data as Obj | undefined;
    if (transferData !== undefined) {
      const destination = String(transferData.destination ?? '');
      if (!this.accounts.has(destination)) {
        throw invalid(`No such destination: '${destination}'`, {
          param: 'transfer_data[destination]',
          code: 'resource_missing',
        });
      }
    }
    const fee = intParam(params, 'application_fee_amount', false);
    if (fee !== undefined && (transferData === undefined || fee > amount)) {
      throw invalid('application_fee_amount needs transfer_data and cannot exceed the amount.', {
        param: 'application_fee_amount',
      });
    }
    const pi: Obj = {
      id: newStripeId('pi'),
      object: 'payment_intent',
      amount,
      amount_received: 0,
      currency: params.currency.toLowerCase(),
      customer: params.customer ?? null,
      description: params.description ?? null,
      metadata: (params.metadata as Obj) ?? {},
      payment_method: typeof params.payment_method === 'string' ? this.resolveMethod(params.payment_method) : null,
      transfer_data: transferData
        ? { destination: transferData.destination, amount: intParam(transferData, 'amount', false) ?? null }
        : null,
      transfer_group: params.transfer_group ?? null,
      application_fee_amount: fee ?? null,
      latest_charge: null,
      last_payment_error: null,
      status: params.payment_method ? 'requires_confirmation' : 'requires_payment_method',
      capture_method: 'automatic',
      created: now(),
      livemode: false,
    };
    pi.client_secret = `${pi.id}_secret_${randomBytes(8).toString('hex')}`;
    this.paymentIntents.set(pi.id as string, pi);
    if (params.confirm === 'true') return this.confirm(pi, {}, idemKey);
    return pi;
  }

  private confirm(pi: Obj, params: Obj, idemKey: string | null): Obj {
    if (pi.status === 'succeeded' || pi.status === 'canceled') {
      throw invalid(`This PaymentIntent's status is ${pi.status}; it cannot be confirmed.`, {
        code: 'payment_intent_unexpected_state',
        payment_intent: pi,
      });
    }
    if (typeof params.payment_method === 'string') pi.payment_method = this.resolveMethod(params.payment_method);
    const pmId = pi.payment_method;
    if (typeof pmId !== 'string') {
      throw invalid('You cannot confirm this PaymentIntent because it has no payment method.', {
        code: 'payment_intent_unexpected_state',
      });
    }
    const pm = this.methodBehaviour.get(pmId);
    if (!pm) throw missing('payment_method', pmId);
    const charge: Obj = {
      id: newStripeId('ch'),
      object: 'charge',
      amount: pi.amount,
      amount_captured: 0,
      amount_refunded: 0,
      currency: pi.currency,
      payment_intent: pi.id,
      customer: pi.customer,
      payment_method: pmId,
      payment_method_details: { type: 'card', card: { brand: pm.brand, last4: pm.last4 } },
      transfer: null,
      transfer_group: pi.transfer_group,
      metadata: pi.metadata,
      created: now(),
      refunded: false,
      disputed: false,
      refunds: { object: 'list', data: [] as Obj[], has_more: false, url: '' },
      balance_transaction: newStripeId('txn'),
      livemode: false,
    };
    pi.latest_charge = charge.id;
    this.charges.set(charge.id as string, charge);
    if (pm.outcome === 'decline') {
      charge.status = 'failed';
      charge.paid = false;
      charge.failure_code = 'card_declined';
      const error = {
        type: 'card_error',
        code: 'card_declined',
        decline_code: pm.decline,
        message: 'Your card was declined.',
        charge: charge.id,
        doc_url: 'https://stripe.com/docs/error-codes/card-declined',
      };
      pi.status = 'requires_payment_method';
      pi.payment_method = null;
      pi.last_payment_error = { ...error, payment_method: { id: pmId, object: 'payment_method', type: 'card' } };
      this.emit('payment_intent.payment_failed', { ...pi }, idemKey);
      throw new StripeHttpError(402, { ...error, payment_intent: { ...pi } });
    }
    charge.status = 'succeeded';
    charge.paid = true;
    charge.captured = true;
    charge.amount_captured = pi.amount;
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    pi.last_payment_error = null;
    const transfer = this.destinationTransfer(pi, charge);
    this.emit('charge.succeeded', { ...charge }, idemKey);
    this.emit('payment_intent.succeeded', { ...pi }, idemKey);
    if (transfer) this.emit('transfer.created', { ...transfer }, idemKey);
    return pi;
  }

  /** A destination charge moves its amount (less the application fee) to the connected account. */
  private destinationTransfer(pi: Obj, charge: Obj): Obj | undefined {
    const data = pi.transfer_data as { destination: string; amount: number | null } | null;
    if (!data) return undefined;
    const amount = data.amount ?? (pi.amount as number) - ((pi.application_fee_amount as number | null) ?? 0);
    const transfer: Obj = {
      id: newStripeId('tr'),
      object: 'transfer',
      amount,
      amount_reversed: 0,
      currency: pi.currency,
      destination: data.destination,
      destination_payment: newStripeId('py'),
      source_transaction: charge.id,
      transfer_group: pi.transfer_group ?? `group_${pi.id}`,
      reversed: false,
      metadata: {},
      created: now(),
      livemode: false,
    };
    this.transfers.set(transfer.id as string, transfer);
    charge.transfer = transfer.id;
    charge.destination = data.destination;
    return transfer;
  }

  private cancel(id: string): Obj {
    const pi = this.get(this.paymentIntents, 'payment_intent', id);
    if (pi.status === 'succeeded' || pi.status === 'canceled') {
      throw invalid(`You cannot cancel this PaymentIntent because it has a status of ${pi.status}.`, {
        code: 'payment_intent_unexpected_state',
      });
    }
    pi.status = 'canceled';
    pi.canceled_at = now();
    this.emit('payment_intent.canceled', { ...pi }, null);
    return pi;
  }

  private createRefund(params: Obj, idemKey: string | null): Obj {
    let charge: Obj | undefined;
    if (typeof params.charge === 'string') charge = this.get(this.charges, 'charge', params.charge);
    else if (typeof params.payment_intent === 'string') {
      const pi = this.get(this.paymentIntents, 'payment_intent', params.payment_intent);
      charge = typeof pi.latest_charge === 'string' ? this.charges.get(pi.latest_charge) : undefined;
      if (charge?.status !== 'succeeded') {
        throw invalid(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, {
          code: 'charge_not_refundable',
        });
      }
    } else throw invalid('One of the following params should be provided for this request: payment_intent or charge.');
    const captured = charge.amount_captured as number;
    const already = charge.amount_refunded as number;
    const amount = intParam(params, 'amount', false) ?? captured - already;
    if (amount <= 0 || amount + already > captured) {
      throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${captured - already}).`, {
        code: already >= captured ? 'charge_already_refunded' : 'amount_too_large',
        param: 'amount',
      });
    }
    const refund: Obj = {
      id: newStripeId('re'),
      object: 'refund',
      amount,
      charge: charge.id,
      payment_intent: charge.payment_intent,
      currency: charge.currency,
      reason: params.reason ?? null,
      metadata: (params.metadata as Obj) ?? {},
      status: 'succeeded',
      created: now(),
      balance_transaction: newStripeId('txn'),
    };
    this.refunds.set(refund.id as string, refund);
    charge.amount_refunded = already + amount;
    charge.refunded = charge.amount_refunded === captured;
    (charge.refunds as { data: Obj[] }).data.unshift(refund);
    this.emit('charge.refunded', structuredClone(charge), idemKey);
    this.emit('refund.created', { ...refund }, idemKey);
    return refund;
  }

  // ---------------------------------------------------------------- events

  /** Build (and record) an event; with autoDeliver on, send it. */
  emit(type: string, object: Obj, idemKey: string | null = null, account?: string): DoubleEvent {
    const event: DoubleEvent = {
      id: newStripeId('evt'),
      object: 'event',
      api_version: API_VERSION,
      created: now(),
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: idemKey },
      data: { object },
      ...(account ? { account } : {}),
    };
    this.events.push(event);
    if (this.opts.autoDeliver && this.opts.webhookTarget) {
      this.pending = this.pending.then(() => this.deliver(event)).catch(() => {});
    }
    return event;
  }

  /** The events of one type (most recent last). */
  eventsOf(type: string): DoubleEvent[] {
    return this.events.filter((e) => e.type === type);
  }

  /** The signed payload and headers Stripe would send for `event`. */
  sign(event: DoubleEvent, secret = this.opts.webhookSecret): { payload: string; headers: Record<string, string> } {
    const payload = JSON.stringify(event, null, 2);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    return { payload, headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header } };
  }

  /** Send one event (again, if it was sent before) to the webhook target, signed. */
  async deliver(event: DoubleEvent): Promise<Delivery> {
    const target = this.opts.webhookTarget;
    if (!target) throw new Error('StripeDouble: no webhook target configured');
    const { payload, headers } = this.sign(event);
    let statusCode: number;
    let body = '';
    if (typeof target === 'string') {
      const res = await fetch(target, { method: 'POST', headers, body: payload });
      statusCode = res.status;
      body = await res.text();
    } else {
      const res = await target(payload, headers);
      statusCode = res.statusCode;
      body = res.body ?? '';
    }
    const delivery = { event, statusCode, body };
    this.deliveries.push(delivery);
    return delivery;
  }

  /**
   * Open a dispute on a payment intent's charge: emits `charge.dispute.created` and, with an
   * outcome, `charge.dispute.closed` (won or lost). Returns the events (not yet delivered unless
   * autoDeliver is on).
   */
  openDispute(
    paymentIntentId: string,
    opts: { outcome?: 'won' | 'lost'; amount?: number; reason?: string } = {},
  ): { dispute: Obj; created: DoubleEvent; closed?: DoubleEvent } {
    const pi = this.get(this.paymentIntents, 'payment_intent', paymentIntentId);
    const charge = typeof pi.latest_charge === 'string' ? this.charges.get(pi.latest_charge) : undefined;
    if (!charge) throw new Error(`no charge on ${paymentIntentId}`);
    if (charge.status !== 'succeeded') throw new Error(`no successful charge on ${paymentIntentId}`);
    const fee = this.opts.disputeFeeMinor ?? 1500;
    const amount = opts.amount ?? (charge.amount_captured as number) - (charge.amount_refunded as number);
    const dispute: Obj = {
      id: newStripeId('dp'),
      object: 'dispute',
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: pi.id,
      reason: opts.reason ?? 'fraudulent',
      status: 'needs_response',
      created: now(),
      evidence_details: { due_by: now() + 7 * 86400, has_evidence: false, submission_count: 0 },
      balance_transactions: [{ id: newStripeId('txn'), amount: -amount, fee, net: -amount - fee }],
      is_charge_refundable: false,
      metadata: pi.metadata,
      livemode: false,
    };
    this.disputes.set(dispute.id as string, dispute);
    charge.disputed = true;
    const created = this.emit('charge.dispute.created', { ...dispute });
    if (!opts.outcome) return { dispute, created };
    dispute.status = opts.outcome;
    if (opts.outcome === 'won') {
      (dispute.balance_transactions as Obj[]).push({ id: newStripeId('txn'), amount, fee: -fee, net: amount + fee });
    }
    const closed = this.emit('charge.dispute.closed', structuredClone(dispute));
    return { dispute, created, closed };
  }

  /** Pay out `amount` to the biz's bank: emits `payout.paid` carrying `metadata.biz_id`. */
  payout(amount: number, opts: { bizId?: string; currency?: string; account?: string } = {}): DoubleEvent {
    const payout: Obj = {
      id: newStripeId('po'),
      object: 'payout',
      amount,
      currency: (opts.currency ?? 'usd').toLowerCase(),
      arrival_date: now() + 86400,
      created: now(),
      status: 'paid',
      method: 'standard',
      type: 'bank_account',
      destination: newStripeId('ba'),
      metadata: opts.bizId ? { biz_id: opts.bizId } : {},
      livemode: false,
    };
    this.payouts.set(payout.id as string, payout);
    return this.emit('payout.paid', { ...payout }, null, opts.account);
  }
}

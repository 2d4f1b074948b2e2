/**
 * Shared helpers for the bench groups: an embedded Postgres, the real app listening on loopback,
 * HTTP "devices" (session cookie + own client address), a bare shape-service HTTP endpoint,
 * percentiles and a forced GC for memory figures.
 */
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import Fastify, { type FastifyInstance } from 'fastify';
import { build } from '../server/app';
import { loadConfig } from '../server/config';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../server/db/embedded';
import { runMigrations } from '../server/db/migrate';
import { type Database, openDatabase } from '../server/db/pool';
import { seedDemo } from '../server/db/seed-demo';
import { type ShapeService, shapeHttpPlugin } from '../server/sync';
import type { BenchContext } from './run';

export const ORIGIN = 'http://localhost:3000';
export const DEMO_PASSWORD = 'demo-pass-1234';

export const round = (n: number, digits = 3) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Nearest-rank percentile of unsorted samples (0 for none). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function waitUntil(fn: () => boolean | Promise<boolean>, ms: number, what: string, stepMs = 5) {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (await fn()) return;
    await sleep(stepMs);
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

/** A forced full GC (exposed at runtime, so plain `tsx` works). */
export const gc: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/** Heap used (and RSS) after two forced collections, in bytes. */
export async function settledMemory(): Promise<{ heap: number; rss: number }> {
  for (let i = 0; i < 2; i++) {
    gc();
    await sleep(50);
  }
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}

export function startPostgres(ctx: BenchContext): Promise<EmbeddedDatabase> {
  return startEmbeddedPostgres({ dir: join(ctx.tmpDir, 'pg'), ephemeral: true });
}

export interface AppStack {
  pg: EmbeddedDatabase;
  database: Database;
  app: FastifyInstance;
  /** `http://127.0.0.1:<port>` */
  base: string;
  close(): Promise<void>;
}

/** Embedded Postgres, migrated and seeded with the demo, and the real app listening on 127.0.0.1:0. */
export async function startAppStack(ctx: BenchContext, opts: { shapeLongPollMs?: number } = {}): Promise<AppStack> {
  const pg = await startPostgres(ctx);
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  try {
    await runMigrations(pg.url);
    // The production pool size (server/db/database.ts opens it with the default).
    database = openDatabase(pg.url);
    await seedDemo(database);
    const config = loadConfig({
      PORT: '3000',
      DATA_DIR: join(ctx.tmpDir, 'data'),
      AUTH_SECRET: 'b'.repeat(40),
      STRIPE_WEBHOOK_SECRET: 'whsec_bench',
      LOG_LEVEL: 'silent',
    });
    app = await build({
      config,
      database,
      dbKind: 'embedded',
      logger: false,
      clientDir: false,
      shapeLongPollMs: opts.shapeLongPollMs,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const db = database;
    const a = app;
    return {
      pg,
      database: db,
      app: a,
      base: `http://127.0.0.1:${port}`,
      close: async () => {
        await a.close().catch(() => {});
        await db.close().catch(() => {});
        await pg.stop();
      },
    };
  } catch (err) {
    await app?.close().catch(() => {});
    await database?.close().catch(() => {});
    await pg.stop().catch(() => {});
    throw err;
  }
}

let ipSeq = 0;
/** A distinct client address per simulated device (sign-in is rate-limited per address). */
function nextIp(): string {
  const n = ++ipSeq;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export interface HttpResult {
  status: number;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are inspected ad hoc
  json(): any;
}

/** A signed-in device over real HTTP: keeps the session cookie, sends Origin and its own address. */
export class HttpDevice {
  readonly ip = nextIp();
  clientId = '';
  bizId = '';
  private jar = new Map<string, string>();

  constructor(readonly base: string) {}

  /** Origin, client address and session cookie, as this device sends them. */
  headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { origin: ORIGIN, 'x-forwarded-for': this.ip, ...extra };
    if (this.jar.size) h.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    return h;
  }

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (!value || expired) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<HttpResult> {
    const res = await fetch(this.base + path, {
      method,
      headers: this.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.keep(res);
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) };
  }

  post(path: string, body: unknown = {}) {
    return this.request('POST', path, body);
  }
  get(path: string) {
    return this.request('GET', path);
  }

  /** A `fetch` carrying this device's session, for the Electric client's `fetchClient`. */
  fetch: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    for (const [k, v] of Object.entries(this.headers())) headers.set(k, v);
    return fetch(input, { ...init, headers });
  };

  /** Sign in, make the biz active, register this device (`POST /api/devices`). */
  async setUp(email: string, bizSlug?: string, clientId?: string): Promise<this> {
    const signIn = await this.post('/api/auth/sign-in/email', { email, password: DEMO_PASSWORD });
    if (signIn.status !== 200) throw new Error(`sign-in ${email}: ${signIn.status} ${signIn.text}`);
    const me = (await this.get('/api/me')).json() as { memberships: { bizId: string; slug: string }[] };
    const biz = bizSlug ? me.memberships.find((m) => m.slug === bizSlug) : me.memberships[0];
    if (!biz) throw new Error(`${email} has no biz ${bizSlug ?? ''}`);
    const active = await this.post('/api/auth/organization/set-active', { organizationId: biz.bizId });
    if (active.status !== 200) throw new Error(`set-active: ${active.status} ${active.text}`);
    this.bizId = biz.bizId;
    if (clientId) {
      const dev = await this.post('/api/devices', { clientId });
      if (dev.status >= 300) throw new Error(`device registration: ${dev.status} ${dev.text}`);
      this.clientId = clientId;
    }
    return this;
  }
}

export interface ShapeEndpoint {
  app: FastifyInstance;
  /** `http://127.0.0.1:<port>/v1/shape` */
  url: string;
  close(): Promise<void>;
}

/** Mounts a shape service on a bare Fastify (the service's own HTTP plugin) on 127.0.0.1:0. */
export async function serveShapes(service: ShapeService): Promise<ShapeEndpoint> {
  const app = Fastify({ logger: false, forceCloseConnections: true, keepAliveTimeout: 65_000 });
  await app.register(shapeHttpPlugin, { service });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}/v1/shape`, close: () => app.close() };
}

/** Test helper: the real app over a test database, plus a cookie-carrying client for app.inject. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { build } from '../app';
import type { AuthHooks } from '../auth/better-auth';
import { loadConfig } from '../config';
import { createTestDatabase, type TestDatabase } from './db';

export const DEMO_PASSWORD = 'demo-pass-1234';
export const ORIGIN = 'http://localhost:3000';

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  mail: { resets: { email: string; url: string }[]; invitations: { email: string; id: string; role: string }[] };
  close(): Promise<void>;
}

export async function createTestApp(
  opts: { demo?: boolean; shapeLongPollMs?: number; sessionCacheMs?: number } = { demo: true },
): Promise<TestApp> {
  const db = await createTestDatabase({ demo: opts.demo ?? true });
  const config = loadConfig({
    PORT: '3000',
    DATA_DIR: join(tmpdir(), 'bizing-test'),
    AUTH_SECRET: 'x'.repeat(40),
    STRIPE_WEBHOOK_SECRET: 'whsec_test',
  });
  const mail: TestApp['mail'] = { resets: [], invitations: [] };
  const authHooks: AuthHooks = {
    sendResetPassword: (email, url) => void mail.resets.push({ email, url }),
    sendInvitation: (email, _biz, id, role) => void mail.invitations.push({ email, id, role }),
  };
  const app = await build({
    config,
    database: db,
    dbKind: 'embedded',
    logger: false,
    clientDir: false,
    authHooks,
    shapeLongPollMs: opts.shapeLongPollMs ?? 1000,
    sessionCacheMs: opts.sessionCacheMs,
  });
  await app.ready();
  return {
    app,
    db,
    mail,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** A signed-in browser stand-in: keeps the session cookie and sends a same-origin Origin. */
export class Client {
  private cookie = '';
  /** Each client is its own device on its own address (sign-in is rate-limited per address). */
  private readonly ip =
    `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        origin: ORIGIN,
        'x-forwarded-for': this.ip,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    this.keepCookies(res);
    return res;
  }
  /** A `fetch` for the Electric client that goes through this client's session via app.inject. */
  fetch: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const res = await this.app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: url.pathname + url.search,
      headers: { origin: ORIGIN, 'x-forwarded-for': this.ip, ...(this.cookie ? { cookie: this.cookie } : {}) },
    });
    const headers = new Headers();
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, String(v));
    return new Response(res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers });
  };

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request('POST', url, body, headers);
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    const res = await this.post('/api/auth/sign-in/email', { email, password });
    if (res.statusCode !== 200) throw new Error(`sign-in ${email} failed: ${res.statusCode} ${res.body}`);
    return this;
  }

  /** Sign in and make the user's first biz active (as the client does after sign-in). */
  async signInTo(email: string, bizSlug?: string) {
    await this.signIn(email);
    const me = (await this.get('/api/me')).json() as { memberships: { bizId: string; slug: string }[] };
    const biz = bizSlug ? me.memberships.find((m) => m.slug === bizSlug) : me.memberships[0];
    if (!biz) throw new Error(`${email} has no biz ${bizSlug ?? ''}`);
    const res = await this.post('/api/auth/organization/set-active', { organizationId: biz.bizId });
    if (res.statusCode !== 200) throw new Error(`set-active failed: ${res.statusCode} ${res.body}`);
    return biz.bizId;
  }

  private keepCookies(res: LightMyRequestResponse) {
    const jar = new Map(
      this.cookie
        .split('; ')
        .filter(Boolean)
        .map((c) => [c.split('=')[0]!, c] as const),
    );
    for (const c of res.cookies) {
      if (c.maxAge === 0 || c.value === '') jar.delete(c.name);
      else jar.set(c.name, `${c.name}=${c.value}`);
    }
    this.cookie = [...jar.values()].join('; ');
  }
}

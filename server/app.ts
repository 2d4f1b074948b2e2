/**
 * The app factory: wiring only. `build(opts)` never reads the environment, so tests build the
 * production app with their own config and database and drive it with `app.inject`.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import type Stripe from 'stripe';
import { type AuthHooks, createAuth } from './auth/better-auth';
import { bookingAlternatives } from './commits/alternatives';
import { integrityRoutes } from './commits/integrity';
import { commitRoutes } from './commits/routes';
import type { Config } from './config';
import type { DbKind } from './db/database';
import type { Database } from './db/pool';
import { paymentsPlugin } from './payments/routes';
import { createStripeClient, stripeMode } from './payments/stripe-client';
import { authPlugin } from './plugins/auth';
import { errorsPlugin } from './plugins/errors';
import { availabilityRoutes } from './routes/availability';
import { checkInCodeRoutes } from './routes/checkin-codes';
import { deviceRoutes } from './routes/devices';
import { entitlementRoutes } from './routes/entitlements';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { photoRoutes } from './routes/photos';
import { reportRoutes } from './routes/reports';
import { shapeRoutes } from './shapes/routes';

export const CLIENT_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../dist');
const VERSION = '0.1.0';

export interface BuildOptions {
  config: Config;
  database: Database;
  dbKind: DbKind;
  /** Pino logger options, or false for silence (tests). */
  logger?: boolean | { level: string };
  /** Serve the built client from this directory when it exists (default: dist/). */
  clientDir?: string | false;
  /** Outgoing mail; without a transport, links are logged (tests capture them here). */
  authHooks?: AuthHooks;
  /** Long-poll hold of the embedded shape service (tests shorten it). */
  shapeLongPollMs?: number;
  /** Tests may inject a Stripe client (e.g. a StripeDouble's `client()`). */
  stripe?: Stripe;
  /** How long a resolved session is reused for the same cookies (see the auth plugin). */
  sessionCacheMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    auth: ReturnType<typeof createAuth>;
    routeList: readonly RouteOptions[];
    /** Payments run against the local Stripe double (no STRIPE_SECRET_KEY). */
    stripeTestMode: boolean;
  }
}

export async function build(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Behind the shape proxy a long-poll lasts ~20 s; keep sockets longer than that.
    keepAliveTimeout: 65_000,
    // Only a proxy on this host or the private network may set the client address (X-Forwarded-For):
    // an address from the internet cannot dodge per-IP limits by claiming another.
    trustProxy: 'loopback, linklocal, uniquelocal',
  });

  // Every route, for the generic cross-tenant test (see routes/tenancy-probe.ts).
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.decorate('routeList', routes);

  const clientDir = opts.clientDir === undefined ? CLIENT_DIST : opts.clientDir;
  const serveClient = Boolean(clientDir && existsSync(resolve(clientDir, 'index.html')));
  if (serveClient) await app.register(fastifyStatic, { root: clientDir as string, wildcard: false });
  await app.register(errorsPlugin, { spaShell: serveClient });
  await app.register(healthRoutes, {
    database: opts.database,
    dbKind: opts.dbKind,
    syncKind: opts.config.electricUrl ? 'electric' : 'embedded',
    version: VERSION,
  });

  const hooks: AuthHooks = opts.authHooks ?? {
    sendResetPassword: (email, url) => app.log.info({ email, url }, 'password reset link (no mail transport)'),
    sendInvitation: (email, bizName, id, role) =>
      app.log.info(
        { email, bizName, role, url: `${opts.config.publicUrl}/invite/${id}` },
        'invitation (no mail transport)',
      ),
  };
  const auth = createAuth(opts.config, opts.database.db, hooks);
  app.decorate('auth', auth);
  await app.register(authPlugin, {
    auth,
    db: opts.database.db,
    publicUrl: opts.config.publicUrl,
    trustedOrigins: opts.config.trustedOrigins,
    sessionCacheMs: opts.sessionCacheMs,
  });
  await app.register(meRoutes, { db: opts.database.db });
  await app.register(deviceRoutes, { db: opts.database.db });
  await app.register(commitRoutes, {
    pool: opts.database.pool,
    // Measured on 2 cores with Postgres alongside (bench `commits`, 50 devices): 2 is as fast as 3 and
    // faster than 4 or 8; more transactions at once only split the same work into smaller groups.
    concurrency: opts.config.commitConcurrency,
    enrichRejection: bookingAlternatives,
  });
  const stripeClient = opts.stripe
    ? { stripe: opts.stripe, testMode: true, close: async () => {} }
    : await createStripeClient({
        secretKey: opts.config.stripe.secretKey,
        webhookSecret: opts.config.stripe.webhookSecret,
        // Test mode: the double delivers its signed events straight into this app.
        webhookTarget: async (payload, headers) => {
          const r = await app.inject({ method: 'POST', url: '/api/stripe/webhook', payload, headers });
          return { statusCode: r.statusCode, body: r.body };
        },
      });
  app.decorate('stripeTestMode', stripeClient.testMode);
  app.addHook('onClose', () => stripeClient.close());
  await app.register(paymentsPlugin, {
    db: opts.database.db,
    stripe: stripeClient.stripe,
    webhookSecret: opts.config.stripe.webhookSecret,
    mode: stripeMode(opts.config.stripe.secretKey, stripeClient.testMode),
    // Payment Element talks to real Stripe only: no publishable key for the local double.
    publishableKey: opts.config.stripe.secretKey ? opts.config.stripe.publishableKey : undefined,
  });
  await app.register(integrityRoutes, { pool: opts.database.pool });
  await app.register(photoRoutes, { pool: opts.database.pool });
  await app.register(entitlementRoutes, { pool: opts.database.pool });
  await app.register(availabilityRoutes, { pool: opts.database.pool });
  await app.register(reportRoutes, { pool: opts.database.pool });
  await app.register(checkInCodeRoutes, { pool: opts.database.pool, authSecret: opts.config.authSecret });
  await app.register(shapeRoutes, {
    db: opts.database.db,
    pool: opts.database.pool,
    databaseUrl: opts.database.url,
    electricUrl: opts.config.electricUrl,
    longPollTimeoutMs: opts.shapeLongPollMs,
  });

  return app;
}

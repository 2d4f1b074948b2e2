/**
 * The only reader of process.env. Validates once at boot, freezes the result, and fails naming
 * the bad key. Everything else receives a Config object (tests build their own).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional();
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalUrl,
  ELECTRIC_URL: optionalUrl,
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_PUBLISHABLE_KEY: optionalString,
  SEED_DEMO: flag,
  DATA_DIR: z.string().default('.data'),
  CLIENT_DIR: optionalString,
  AUTH_SECRET: optionalString.pipe(z.string().min(32).optional()),
  PUBLIC_URL: optionalUrl,
  TRUSTED_ORIGINS: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COMMIT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** External Postgres; undefined → embedded Postgres under `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** Real Electric sync service; undefined → the embedded shape service. */
  readonly electricUrl: string | undefined;
  readonly stripe: Readonly<{
    secretKey: string | undefined;
    webhookSecret: string;
    /** `pk_…` for Stripe.js / Payment Element in the browser (real Stripe only). */
    publishableKey: string | undefined;
  }>;
  /** Seed the demo bizes and logins (always for the embedded database; opt-in otherwise). */
  readonly seedDemo: boolean;
  readonly dataDir: string;
  /** The built client to serve; undefined → dist/ next to the server. */
  readonly clientDir: string | undefined;
  readonly authSecret: string;
  readonly publicUrl: string;
  readonly trustedOrigins: readonly string[];
  readonly logLevel: string;
  /**
   * Commit transactions in flight at once; pushes beyond that wait and commit together
   * (server/commits/commit-queue.ts). 2 suits Postgres on the same machine; raise it for a database
   * across a network, where each transaction spends longer waiting on round trips.
   */
  readonly commitConcurrency: number;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** A secret kept in the data directory, so sessions and webhooks survive restarts of the embedded setup. */
function persistedSecret(dataDir: string, name: string): string {
  const file = resolve(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const trustedOrigins = [
    ...new Set([
      publicUrl,
      `http://localhost:${e.PORT}`,
      `http://127.0.0.1:${e.PORT}`,
      ...(e.TRUSTED_ORIGINS?.split(',')
        .map((s) => s.trim())
        .filter(Boolean) ?? []),
    ]),
  ];
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    electricUrl: e.ELECTRIC_URL,
    stripe: Object.freeze({
      secretKey: e.STRIPE_SECRET_KEY,
      webhookSecret: e.STRIPE_WEBHOOK_SECRET ?? persistedSecret(dataDir, 'stripe-webhook-secret'),
      publishableKey: e.STRIPE_PUBLISHABLE_KEY,
    }),
    seedDemo: e.DATABASE_URL === undefined || e.SEED_DEMO,
    dataDir,
    clientDir: e.CLIENT_DIR === undefined ? undefined : resolve(e.CLIENT_DIR),
    authSecret: e.AUTH_SECRET ?? persistedSecret(dataDir, 'auth-secret'),
    publicUrl,
    trustedOrigins: Object.freeze(trustedOrigins),
    logLevel: e.LOG_LEVEL,
    commitConcurrency: e.COMMIT_CONCURRENCY,
  });
}

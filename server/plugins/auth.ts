/**
 * Mounts better-auth at /api/auth/* and resolves, per request, who is acting: the signed-in user,
 * their active biz and role there. Routes call `request.actor()` (401 without a session, 404
 * without a membership in the named biz) and `assertCan(actor, action)`.
 * Also refuses state-changing requests whose Origin is not trusted.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import { AppError, notFound } from '../../shared/errors';
import { type Action, can, isRole, type Role } from '../../shared/permissions';
import { members } from '../../shared/schema/core/auth';
import type { Auth } from '../auth/better-auth';
import type { Db } from '../db/pool';
import '../routes/tenancy-probe';

export interface Actor {
  userId: string;
  email: string;
  name: string;
  sessionId: string;
  bizId: string;
  memberId: string;
  role: Role;
}

export interface SessionInfo {
  userId: string;
  email: string;
  name: string;
  sessionId: string;
  activeBizId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null. Cached per request. */
    session(): Promise<SessionInfo | null>;
    /** The acting member in `bizId` (default: the session's active biz). Throws 401/404. */
    actor(bizId?: string): Promise<Actor>;
  }
}

export function assertCan(actor: Actor, action: Action): void {
  if (!can(actor.role, action)) throw new AppError('forbidden');
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Webhooks come from Stripe's servers (signed), not from browsers.
const ORIGIN_EXEMPT = ['/api/stripe/webhook'];

function toHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(key, Array.isArray(value) ? value.join(', ') : String(value));
  }
  return headers;
}

/**
 * better-auth answers "not a member" (403) differently from "no such organization" (400); both
 * leak whether a biz exists, so organization endpoints answer either as our plain 404.
 */
function hidesExistence(path: string, status: number, body: string): boolean {
  if (!path.startsWith('/api/auth/organization/')) return false;
  return [400, 401, 403, 404].includes(status) && /NOT_FOUND|NOT_A_MEMBER/.test(body);
}

async function forward(auth: Auth, request: FastifyRequest, reply: FastifyReply, publicUrl: string) {
  const url = new URL(request.url, publicUrl);
  const hasBody = request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD';
  const headers = toHeaders(request);
  // better-auth rate-limits per client IP, which it reads from this header (trustProxy resolves it).
  headers.set('x-forwarded-for', request.ip);
  const response = await auth.handler(
    new Request(url, { method: request.method, headers, body: hasBody ? JSON.stringify(request.body) : undefined }),
  );
  const text = await response.text();
  if (hidesExistence(url.pathname, response.status, text)) throw notFound();
  reply.status(response.status);
  for (const [key, value] of response.headers) {
    if (key.toLowerCase() === 'set-cookie') continue;
    reply.header(key, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) reply.header('set-cookie', cookies);
  return reply.send(text || null);
}

export interface AuthPluginOptions {
  auth: Auth;
  db: Db;
  publicUrl: string;
  trustedOrigins: readonly string[];
  /**
   * How long a resolved session is reused for the same cookies (default 5 s). Saves two queries on
   * every request of a busy device; any change made through /api/auth on this server clears it, so
   * only a revocation on another server instance can take up to this long to be noticed.
   */
  sessionCacheMs?: number;
}

export const authPlugin = fp(
  async (app: FastifyInstance, opts: AuthPluginOptions) => {
    const { auth, db } = opts;
    const trusted = new Set(opts.trustedOrigins);
    const cacheMs = opts.sessionCacheMs ?? 5_000;
    const sessions = new LRUCache<string, SessionInfo>({ max: 10_000, ttl: Math.max(cacheMs, 1) });
    // Membership (id and role) per session and biz, on the same terms: role changes and removals go
    // through /api/auth (organization endpoints), which clears both.
    const memberships = new LRUCache<string, { id: string; role: Role }>({ max: 10_000, ttl: Math.max(cacheMs, 1) });

    app.addHook('onRequest', async (request) => {
      if (!STATE_CHANGING.has(request.method)) return;
      if (ORIGIN_EXEMPT.some((p) => request.url.startsWith(p))) return;
      const origin = request.headers.origin;
      // Browsers always send Origin on cross-site and fetch POSTs; non-browser clients carry no
      // ambient cookies to abuse, so a missing Origin is allowed and a foreign one refused.
      if (origin !== undefined && !trusted.has(origin)) throw new AppError('cross_origin');
    });

    app.route({
      method: ['GET', 'POST'],
      url: '/api/auth/*',
      // better-auth's own routes; their organization answers are normalised in `forward`.
      config: { tenancy: 'session' },
      handler: (request, reply) => {
        // Sign-out, revocations, biz switches: a cached session may be stale from here on.
        if (request.method !== 'GET') {
          sessions.clear();
          memberships.clear();
        }
        return forward(auth, request, reply, opts.publicUrl);
      },
    });

    async function resolveSession(request: FastifyRequest): Promise<SessionInfo | null> {
      const cookie = request.headers.cookie;
      const key = cookie && cacheMs > 0 ? createHash('sha256').update(cookie).digest('base64url') : undefined;
      const cached = key ? sessions.get(key) : undefined;
      if (cached) return cached;
      const s = await auth.api.getSession({ headers: toHeaders(request) });
      if (!s) return null;
      const info: SessionInfo = {
        userId: s.user.id,
        email: s.user.email,
        name: s.user.name,
        sessionId: s.session.id,
        activeBizId: (s.session as { activeOrganizationId?: string | null }).activeOrganizationId ?? null,
      };
      // Never past the session's own expiry.
      const left = new Date(s.session.expiresAt).getTime() - Date.now();
      if (key && left > 0) sessions.set(key, info, { ttl: Math.min(left, cacheMs) });
      return info;
    }

    async function membership(session: SessionInfo, bizId: string) {
      const key = `${session.sessionId}|${bizId}`;
      const cached = cacheMs > 0 ? memberships.get(key) : undefined;
      if (cached) return cached;
      const [row] = await db
        .select({ id: members.id, role: members.role })
        .from(members)
        .where(and(eq(members.bizId, bizId), eq(members.userId, session.userId)))
        .limit(1);
      if (!row || !isRole(row.role)) return undefined;
      const member = { id: row.id, role: row.role };
      if (cacheMs > 0) memberships.set(key, member);
      return member;
    }

    app.decorateRequest('session', async function (this: FastifyRequest) {
      const cache = this as unknown as { _session?: Promise<SessionInfo | null> };
      cache._session ??= resolveSession(this);
      return cache._session;
    });

    app.decorateRequest('actor', async function (this: FastifyRequest, bizId?: string) {
      const session = await this.session();
      if (!session) throw new AppError('unauthenticated');
      const target = bizId ?? session.activeBizId;
      if (!target) throw notFound('Biz');
      const member = await membership(session, target);
      // Not a member and no such biz answer the same way.
      if (!member) throw notFound('Biz');
      return {
        userId: session.userId,
        email: session.email,
        name: session.name,
        sessionId: session.sessionId,
        bizId: target,
        memberId: member.id,
        role: member.role,
      } satisfies Actor;
    });
  },
  { name: 'auth' },
);

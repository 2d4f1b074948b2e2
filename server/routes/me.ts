/**
 * `GET /api/me`: who is signed in, the bizes they belong to with their role, the active biz and
 * what the role may do there. The client caches it to keep showing the user while offline.
 */
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/errors';
import { actionsOf, isRole, shapeScope } from '../../shared/permissions';
import { members } from '../../shared/schema/core/auth';
import { bizes } from '../../shared/schema/core/tenancy';
import type { Db } from '../db/pool';
import './tenancy-probe';

export async function meRoutes(app: FastifyInstance, opts: { db: Db }) {
  app.get('/api/me', { config: { tenancy: 'session' } }, async (request) => {
    const session = await request.session();
    if (!session) throw new AppError('unauthenticated');
    const rows = await opts.db
      .select({ bizId: bizes.id, name: bizes.name, slug: bizes.slug, timezone: bizes.timezone, role: members.role })
      .from(members)
      .innerJoin(bizes, eq(bizes.id, members.bizId))
      .where(eq(members.userId, session.userId))
      .orderBy(asc(bizes.name));
    const memberships = rows.filter((r) => isRole(r.role));
    const active = memberships.find((m) => m.bizId === session.activeBizId) ?? null;
    return {
      user: { id: session.userId, email: session.email, name: session.name },
      memberships,
      activeBizId: active?.bizId ?? null,
      role: active?.role ?? null,
      actions: active && isRole(active.role) ? actionsOf(active.role) : [],
      shapeScope: active && isRole(active.role) ? shapeScope(active.role) : null,
    };
  });
}

/**
 * Every API route declares how it names tenant rows, so one generic test can call it with another
 * biz's ids and prove the answer is `not_found` with nothing changed:
 *   - `public`: no session needed (health);
 *   - `session`: acts only on the caller's own session/active biz, takes no row ids;
 *   - `{ table, param?, body?, creates? }`: the route takes an id of `table` in a path param or a body
 *     field; `creates` marks routes where an unknown id makes a new row (so only the foreign case is 404).
 */
import type { IdTable } from '../../shared/ids';

export type TenancyProbe = 'public' | 'session' | { table: IdTable; param?: string; body?: string; creates?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    tenancy?: TenancyProbe;
  }
}

/**
 * Turns (actor, shape name) into the pinned shape definition the sync service serves: table,
 * `where` with bound params, nothing from the client. Technicians get id lists of their own
 * assigned work; when an assignment changes, the definition changes and the client's next request
 * gets a 409 and refetches that shape.
 */
import type pg from 'pg';
import { can, shapeScope } from '../../shared/permissions';
import { columnsOf } from '../../shared/schema/ddl';
import { tableByName } from '../../shared/schema/registry';
import { SHAPE_OMITTED_COLUMNS, shapesFor } from '../../shared/shapes';
import type { Actor } from '../plugins/auth';

export interface PinnedShape {
  table: string;
  where: string;
  params: string[];
  /** The columns served, when the shape leaves some out (SHAPE_OMITTED_COLUMNS); absent = all. */
  columns?: string[];
}

/** `col IN ($2, $3, …)` for a list, or a clause that matches nothing for an empty one. */
function inList(column: string, ids: string[], first: number): string {
  if (ids.length === 0) return 'false';
  return `${column} IN (${ids.map((_, i) => `$${first + i}`).join(', ')})`;
}

async function assignedIds(pool: pg.Pool, actor: Actor) {
  const { rows } = await pool.query<{ assignment_id: string; unit_id: string; order_id: string }>(
    `SELECT a.id AS assignment_id, u.id AS unit_id, u.booking_order_id AS order_id
     FROM fulfillment_assignments a
     JOIN resources r ON r.biz_id = a.biz_id AND r.id = a.resource_id
     JOIN fulfillment_units u ON u.biz_id = a.biz_id AND u.id = a.fulfillment_unit_id
     WHERE a.biz_id = $1 AND r.host_user_id = $2 AND a.deleted_at IS NULL
       AND a.status NOT IN ('cancelled', 'released')
       AND u.ends_at > now() - interval '14 days' AND u.starts_at < now() + interval '60 days'
     ORDER BY a.id`,
    [actor.bizId, actor.userId],
  );
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  return {
    assignments: uniq(rows.map((r) => r.assignment_id)),
    units: uniq(rows.map((r) => r.unit_id)),
    orders: uniq(rows.map((r) => r.order_id)),
  };
}

/** The pinned definition, or null when the actor's role may not sync this shape. */
export async function pinShape(pool: pg.Pool, actor: Actor, name: string): Promise<PinnedShape | null> {
  const pinned = await pinRows(pool, actor, name);
  const omit = SHAPE_OMITTED_COLUMNS[name];
  const table = tableByName(name);
  if (!pinned || !omit || !table) return pinned;
  return { ...pinned, columns: columnsOf(table, omit).map((c) => c.name) };
}

/** Which rows: always the caller's biz, narrowed further by role. */
async function pinRows(pool: pg.Pool, actor: Actor, name: string): Promise<PinnedShape | null> {
  const scope = shapeScope(actor.role);
  if (!shapesFor(scope).includes(name)) return null;
  if (name === 'bizes') return { table: 'bizes', where: 'id = $1', params: [actor.bizId] };
  const base = { table: name, where: 'biz_id = $1', params: [actor.bizId] };
  if (name === 'audit_events') {
    // Only what the manager dashboard counts (conflicts resolved), and only for those who see reports.
    const where = can(actor.role, 'reports.view')
      ? "biz_id = $1 AND mutation_name = 'conflicts.resolve' AND outcome = 'applied'"
      : 'biz_id = $1 AND false';
    return { table: name, where, params: [actor.bizId] };
  }
  if (scope !== 'assigned') return base;
  const ids = await assignedIds(pool, actor);
  const narrow = (column: string, list: string[]): PinnedShape => ({
    table: name,
    where: `biz_id = $1 AND ${inList(column, list, 2)}`,
    params: [actor.bizId, ...list],
  });
  switch (name) {
    case 'fulfillment_assignments':
      return narrow('id', ids.assignments);
    case 'fulfillment_units':
      return narrow('id', ids.units);
    case 'fulfillment_checkpoints':
    case 'notes':
      return narrow('fulfillment_unit_id', ids.units);
    case 'booking_orders':
      return narrow('id', ids.orders);
    default:
      return base;
  }
}

/**
 * The demo's private session (Private Room with Sam Carter) as the write-path tests book it: its
 * ids, a registered device to push from, and `bookings.create` args.
 */
import type pg from 'pg';
import { newId } from '../../shared/ids';
import { Client, type TestApp } from './app';

export interface PrivateSession {
  privateVersion: string;
  room: string;
  instructor: string;
}

export async function privateSession(pool: pg.Pool): Promise<PrivateSession> {
  const one = async (sql: string) => (await pool.query(sql)).rows[0].id as string;
  return {
    privateVersion: await one(
      "SELECT v.id FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Private session'",
    ),
    room: await one("SELECT id FROM resources WHERE name = 'Private Room'"),
    instructor: await one("SELECT id FROM resources WHERE name = 'Sam Carter'"),
  };
}

/** A signed-in client of `email` with a device registered in its first biz. */
export async function registeredDevice(t: TestApp, email: string) {
  const c = new Client(t.app);
  await c.signInTo(email);
  const clientId = newId('devices');
  await c.post('/api/devices', { clientId });
  return { c, clientId };
}

/** `bookings.create` args: the private session at `startsAt`, the first resource as room. */
export function privateBooking(
  fx: PrivateSession,
  startsAt: string,
  opts: { version?: string; resources?: string[]; code?: string; customerName?: string } = {},
) {
  const resources = opts.resources ?? [fx.room, fx.instructor];
  return {
    id: newId('booking_orders'),
    bookingCode: opts.code ?? `T-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    offerVersionId: opts.version ?? fx.privateVersion,
    startsAt,
    lineId: newId('booking_order_lines'),
    unitId: newId('fulfillment_units'),
    resources: resources.map((resourceId, i) => ({
      resourceId,
      role: i === 0 ? 'room' : 'instructor',
      assignmentId: newId('fulfillment_assignments'),
    })),
    customerName: opts.customerName ?? 'Test Customer',
    source: 'walk_in',
  };
}

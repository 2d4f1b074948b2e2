/**
 * The permission matrix: what each member role may do in its biz. One table, read by the server
 * to enforce (mutators, shapes, routes) and by the client to hide what a role cannot do.
 * Anything not listed is denied.
 */

export const ROLES = ['owner', 'manager', 'front_desk', 'technician', 'customer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Actions a role can be granted; mutators and routes each name the action they need. */
export const ACTIONS = [
  'booking.create',
  'booking.reschedule',
  'booking.cancel',
  'booking.take_over',
  'booking.no_show',
  'booking.check_in',
  'hold.manage',
  'job.update',
  'job.checkpoint',
  'note.write',
  'time.record',
  'payment.take',
  'payment.refund',
  'entitlement.sell',
  'entitlement.redeem',
  'entitlement.adjust',
  'queue.manage',
  'catalog.manage',
  'availability.manage',
  'availability.explain',
  'reports.view',
  'reports.reconcile',
  'members.invite',
  'members.manage',
  'devices.manage',
  'biz.manage',
  'conflicts.resolve',
] as const;
export type Action = (typeof ACTIONS)[number];

const FRONT_DESK: readonly Action[] = [
  'conflicts.resolve',
  'booking.create',
  'booking.reschedule',
  'booking.cancel',
  'booking.no_show',
  'booking.check_in',
  'hold.manage',
  'note.write',
  'payment.take',
  'entitlement.sell',
  'entitlement.redeem',
  'queue.manage',
  'availability.explain',
];
const TECHNICIAN: readonly Action[] = [
  'conflicts.resolve',
  'job.update',
  'job.checkpoint',
  'note.write',
  'time.record',
];
const MANAGER: readonly Action[] = [
  ...FRONT_DESK,
  ...TECHNICIAN,
  'booking.take_over',
  'payment.refund',
  'entitlement.adjust',
  'catalog.manage',
  'availability.manage',
  'reports.view',
  'reports.reconcile',
  'members.invite',
  'devices.manage',
];

const GRANTS: Record<Role, ReadonlySet<Action>> = {
  owner: new Set(ACTIONS),
  manager: new Set(MANAGER),
  front_desk: new Set(FRONT_DESK),
  technician: new Set(TECHNICIAN),
  customer: new Set<Action>(['booking.create', 'booking.cancel']),
};

export function can(role: Role, action: Action): boolean {
  return GRANTS[role].has(action);
}

export function actionsOf(role: Role): Action[] {
  return ACTIONS.filter((a) => GRANTS[role].has(a));
}

/**
 * Which rows of the biz a role's shapes may carry: the whole biz, only the technician's own
 * assigned work, or only the customer's own bookings.
 */
export type ShapeScope = 'biz' | 'assigned' | 'self';

export function shapeScope(role: Role): ShapeScope {
  if (role === 'technician') return 'assigned';
  if (role === 'customer') return 'self';
  return 'biz';
}

/** Roles an inviter may hand out: never more than they hold themselves. */
export function invitableRoles(role: Role): Role[] {
  if (role === 'owner') return ['manager', 'front_desk', 'technician', 'customer'];
  if (role === 'manager') return ['front_desk', 'technician', 'customer'];
  return [];
}

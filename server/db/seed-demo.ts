/**
 * Demo data: two bizes that exercise every screen. "Lumen Yoga" (a New York studio with classes,
 * private sessions, class packs and a walk-in desk) and "Brightline HVAC" (a Bristol field-service
 * firm with technicians, vans and jobs at customer sites). Four weeks of bookings around today.
 * Seeded once: a second run finds the bizes and does nothing.
 */
import { hashPassword } from 'better-auth/crypto';
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { Temporal } from 'temporal-polyfill';
import { type IdTable, newId } from '../../shared/ids';
import type { Role } from '../../shared/permissions';
import { assets } from '../../shared/schema/core/assets';
import { accounts, members } from '../../shared/schema/core/auth';
import { hostUsers, resources } from '../../shared/schema/core/resources';
import { serviceGroups, services } from '../../shared/schema/core/services';
import { bizes, locations, users } from '../../shared/schema/core/tenancy';
import { venues } from '../../shared/schema/core/venues';
import {
  entitlementGrants,
  entitlementLedgerEntries,
  entitlementWallets,
  membershipPlans,
} from '../../shared/schema/entitlements';
import {
  bookingOrderLines,
  bookingOrders,
  fulfillmentAssignments,
  fulfillmentCheckpoints,
  fulfillmentUnits,
} from '../../shared/schema/fulfillment';
import { notes } from '../../shared/schema/notes';
import { offerComponentSelectors, offerComponents, offers, offerVersions } from '../../shared/schema/offers';
import { paymentIntents, paymentIntentTenders, paymentTransactions } from '../../shared/schema/payments';
import { queueEvents, queues, queueTickets } from '../../shared/schema/queue';
import { resourceCapabilityAssignments, resourceCapabilityTemplates } from '../../shared/schema/supply';
import {
  availabilityRules,
  calendarBindings,
  calendarOverlays,
  calendars,
} from '../../shared/schema/time_availability';
import type { Database } from './pool';

export const DEMO_PASSWORD = 'demo-pass-1234';
export const DEMO_BIZ_SLUGS = ['lumen-yoga', 'brightline-hvac'] as const;

type Row = Record<string, unknown>;

/** Rows collected per table, inserted in dependency order at the end. */
class Batch {
  private readonly rows = new Map<PgTable, Row[]>();
  add<T extends PgTable>(table: T, row: T['$inferInsert']): string {
    const list = this.rows.get(table) ?? [];
    list.push(row as Row);
    this.rows.set(table, list);
    return (row as Row).id as string;
  }
  /** Tables parents-first (by their foreign keys), so every insert finds what it references. */
  entries(): [PgTable, Row[]][] {
    const ordered: PgTable[] = [];
    const visit = (table: PgTable, path: Set<PgTable>) => {
      if (ordered.includes(table) || path.has(table) || !this.rows.has(table)) return;
      path.add(table);
      for (const fk of getTableConfig(table).foreignKeys) visit(fk.reference().foreignTable, path);
      ordered.push(table);
    };
    for (const table of this.rows.keys()) visit(table, new Set());
    return ordered.map((t) => [t, this.rows.get(t)!]);
  }
}

/** Deterministic pseudo-random numbers, so every fresh demo looks the same. */
function prng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

/** An instant for a local wall-clock time in a biz's time zone (DST-correct). */
function at(date: Temporal.PlainDate, time: string, timeZone: string): Date {
  const zdt = date.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) });
  return new Date(zdt.epochMilliseconds);
}
const addMin = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

let codeCounter = 0;
function bookingCode(prefix: string): string {
  codeCounter++;
  return `${prefix}-${codeCounter.toString(36).toUpperCase().padStart(5, '0')}`;
}

interface Person {
  id: string;
  email: string;
  name: string;
}

async function person(batch: Batch, email: string, name: string, passwordHash?: string): Promise<Person> {
  const id = newId('users');
  const [firstName, ...rest] = name.split(' ');
  batch.add(users, {
    id,
    email,
    name,
    firstName,
    lastName: rest.join(' '),
    emailVerified: true,
    role: 'staff',
  });
  if (passwordHash) {
    batch.add(accounts, {
      id: newId('accounts'),
      accountId: id,
      providerId: 'credential',
      userId: id,
      password: passwordHash,
    });
  }
  return { id, email, name };
}

function member(batch: Batch, bizId: string, userId: string, role: Role) {
  return batch.add(members, { id: newId('members'), bizId, userId, role });
}

const CUSTOMERS_NY = [
  'Ava Thompson',
  'Noah Martinez',
  'Mia Johnson',
  'Liam Chen',
  'Zoe Williams',
  'Ethan Davis',
  'Chloe Garcia',
  'Lucas Rodriguez',
  'Isla Wilson',
  'Mason Anderson',
  'Aria Taylor',
  'Leo Thomas',
  'Nora Moore',
  'Owen Jackson',
  'Ruby White',
  'Jack Harris',
  'Ella Martin',
  'Henry Lewis',
  'Layla Walker',
  'Wyatt Hall',
  'Hazel Allen',
  'Caleb Young',
  'Stella King',
  'Isaac Wright',
  'Violet Scott',
  'Julian Green',
  'Aurora Adams',
  'Levi Baker',
];

const SITES_BRISTOL = [
  { address: '14 Gloucester Road, Bristol BS7 8AE', lat: 51.4773, lng: -2.5906 },
  { address: '3 Whiteladies Road, Bristol BS8 1PD', lat: 51.4638, lng: -2.6106 },
  { address: '72 North Street, Bedminster, Bristol BS3 1HJ', lat: 51.4401, lng: -2.6047 },
  { address: '9 Cotham Hill, Bristol BS6 6LA', lat: 51.4666, lng: -2.6033 },
  { address: '41 St Marks Road, Easton, Bristol BS5 6JH', lat: 51.4638, lng: -2.5604 },
  { address: '120 Wells Road, Totterdown, Bristol BS4 2AS', lat: 51.4405, lng: -2.5781 },
  { address: '5 Clifton Down Road, Bristol BS8 4AH', lat: 51.4578, lng: -2.6186 },
  { address: '27 Henleaze Road, Bristol BS9 4JY', lat: 51.4908, lng: -2.6088 },
  { address: '88 Fishponds Road, Bristol BS5 6SH', lat: 51.4752, lng: -2.5589 },
  { address: '16 Coronation Road, Southville, Bristol BS3 1AR', lat: 51.4452, lng: -2.6013 },
];
const CUSTOMERS_UK = [
  'Oliver Bennett',
  'Amelia Clarke',
  'Harry Wood',
  'Isla Hughes',
  'George Turner',
  'Poppy Cooper',
  'Alfie Ward',
  'Freya Morris',
  'Charlie Price',
  'Evie Bell',
  'Archie Foster',
  'Daisy Russell',
];

function weeklyHours(batch: Batch, bizId: string, calendarId: string, hours: Record<number, [string, string]>) {
  for (const [day, [start, end]] of Object.entries(hours)) {
    batch.add(availabilityRules, {
      id: newId('availability_rules'),
      bizId,
      calendarId,
      name: `Open ${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][Number(day)]}`,
      kind: 'weekly_recurring',
      action: 'available',
      dayOfWeek: Number(day),
      startTime: start,
      endTime: end,
      priority: 100,
    });
  }
}

function bindCalendar(batch: Batch, bizId: string, calendarId: string, resourceId: string) {
  batch.add(calendarBindings, {
    id: newId('calendar_bindings'),
    bizId,
    calendarId,
    ownerType: 'resource',
    resourceId,
    isPrimary: true,
  });
}

/** A resource wrapper plus its host/venue/asset row. */
function hostResource(batch: Batch, bizId: string, locationId: string, user: Person, tz: string) {
  const resourceId = newId('resources');
  batch.add(resources, {
    id: resourceId,
    bizId,
    locationId,
    type: 'host',
    name: user.name,
    slug: user.name.toLowerCase().replace(/[^a-z]+/g, '-'),
    timezone: tz,
    hostUserId: user.id,
    capacity: 1,
  });
  batch.add(hostUsers, { id: newId('host_users'), bizId, resourceId, userId: user.id, email: user.email });
  return resourceId;
}

interface Sale {
  bizId: string;
  bookingOrderId: string;
  amount: number;
  currency: string;
  paidAt: Date | null;
  tender: 'card' | 'cash' | 'pay_later' | 'entitlement_credit';
}

function payment(batch: Batch, s: Sale) {
  const paid = s.paidAt !== null && s.tender !== 'pay_later';
  const intentId = batch.add(paymentIntents, {
    id: newId('payment_intents'),
    bizId: s.bizId,
    bookingOrderId: s.bookingOrderId,
    status: paid ? 'paid' : 'requires_payment',
    currency: s.currency,
    amountMinor: s.amount,
    amountPaidMinor: paid ? s.amount : 0,
    paidAt: paid ? s.paidAt : null,
  });
  if (s.paidAt === null) return;
  const tenderId = batch.add(paymentIntentTenders, {
    id: newId('payment_intent_tenders'),
    bizId: s.bizId,
    paymentIntentId: intentId,
    tenderType: s.tender,
    status: paid ? 'captured' : 'pending',
    currency: s.currency,
    amountMinor: s.amount,
    receivedOffline: s.tender === 'cash',
    occurredAt: s.paidAt,
  });
  if (!paid) return;
  batch.add(paymentTransactions, {
    id: newId('payment_transactions'),
    bizId: s.bizId,
    paymentIntentId: intentId,
    tenderId,
    type: 'charge',
    status: 'succeeded',
    currency: s.currency,
    amountMinor: s.amount,
    occurredAt: s.paidAt,
  });
}

async function lumenYoga(batch: Batch, today: Temporal.PlainDate, hash: string) {
  const tz = 'America/New_York';
  const rnd = prng(7);
  const bizId = batch.add(bizes, {
    id: newId('bizes'),
    name: 'Lumen Yoga',
    slug: 'lumen-yoga',
    timezone: tz,
    currency: 'USD',
  });
  const parkSlope = batch.add(locations, {
    id: newId('locations'),
    bizId,
    name: 'Park Slope studio',
    slug: 'park-slope',
    timezone: tz,
    isDefault: true,
    address: { line1: '214 7th Avenue', city: 'Brooklyn', region: 'NY', postalCode: '11215', country: 'US' },
  });
  const williamsburg = batch.add(locations, {
    id: newId('locations'),
    bizId,
    name: 'Williamsburg studio',
    slug: 'williamsburg',
    timezone: tz,
    address: { line1: '98 Berry Street', city: 'Brooklyn', region: 'NY', postalCode: '11249', country: 'US' },
  });

  const owner = await person(batch, 'owner@lumen.test', 'Olivia Reyes', hash);
  const manager = await person(batch, 'manager@lumen.test', 'Marcus Lee', hash);
  const desk = await person(batch, 'desk@lumen.test', 'Dana Brooks', hash);
  member(batch, bizId, owner.id, 'owner');
  member(batch, bizId, manager.id, 'manager');
  member(batch, bizId, desk.id, 'front_desk');
  const instructors = [
    await person(batch, 'priya@lumen.test', 'Priya Shah'),
    await person(batch, 'sam@lumen.test', 'Sam Carter'),
    await person(batch, 'leah@lumen.test', 'Leah Kim'),
  ];
  const hostIds = instructors.map((p) => hostResource(batch, bizId, parkSlope, p, tz));

  const room = (locationId: string, name: string, capacity: number) => {
    const venueId = batch.add(venues, {
      id: newId('venues'),
      bizId,
      locationId,
      name,
      slug: name.toLowerCase().replace(/[^a-z]+/g, '-'),
      teardownMinutes: 10,
    });
    return batch.add(resources, {
      id: newId('resources'),
      bizId,
      locationId,
      type: 'venue',
      name,
      slug: `room-${name.toLowerCase().replace(/[^a-z]+/g, '-')}`,
      timezone: tz,
      venueId,
      capacity,
      allowSimultaneousBookings: capacity > 1,
      maxSimultaneousBookings: capacity > 1 ? capacity : null,
      bufferAfterMin: 10,
    });
  };
  const studioA = room(parkSlope, 'Studio A', 20);
  const studioB = room(parkSlope, 'Studio B', 12);
  const privateRoom = room(parkSlope, 'Private Room', 1);
  const studioW = room(williamsburg, 'Studio W', 16);

  const classes = batch.add(serviceGroups, { id: newId('service_groups'), bizId, name: 'Classes', slug: 'classes' });
  const privates = batch.add(serviceGroups, {
    id: newId('service_groups'),
    bizId,
    name: 'Private sessions',
    slug: 'private',
  });
  const svc = (groupId: string, name: string, type: 'class' | 'appointment', minutes: number) =>
    batch.add(services, {
      id: newId('services'),
      bizId,
      serviceGroupId: groupId,
      name,
      slug: name.toLowerCase().replace(/[^a-z]+/g, '-'),
      type,
      defaultDurationMin: minutes,
      minAdvanceBookingHours: type === 'appointment' ? 2 : 0,
    });
  svc(classes, 'Vinyasa Flow', 'class', 60);
  svc(classes, 'Yin Yoga', 'class', 60);
  svc(privates, 'Private Session', 'appointment', 60);

  const offer = (name: string, price: number, capacity: number | null, roomIds: string[]) => {
    const offerId = batch.add(offers, {
      id: newId('offers'),
      bizId,
      name,
      slug: name.toLowerCase().replace(/[^a-z]+/g, '-'),
      executionMode: 'slot',
      status: 'active',
      isPublished: true,
      timezone: tz,
    });
    const versionId = batch.add(offerVersions, {
      id: newId('offer_versions'),
      bizId,
      offerId,
      version: 1,
      status: 'published',
      durationMin: 60,
      capacity,
      basePriceMinor: price,
      currency: 'USD',
    });
    const roomComponent = batch.add(offerComponents, {
      id: newId('offer_components'),
      bizId,
      offerVersionId: versionId,
      name: 'Room',
      slug: 'room',
      targetType: 'venue',
    });
    for (const resourceId of roomIds) {
      batch.add(offerComponentSelectors, {
        id: newId('offer_component_selectors'),
        bizId,
        componentId: roomComponent,
        selectorType: 'resource',
        resourceId,
      });
    }
    const instructorComponent = batch.add(offerComponents, {
      id: newId('offer_components'),
      bizId,
      offerVersionId: versionId,
      name: 'Instructor',
      slug: 'instructor',
      targetType: 'host',
    });
    batch.add(offerComponentSelectors, {
      id: newId('offer_component_selectors'),
      bizId,
      componentId: instructorComponent,
      selectorType: 'resource_type',
      resourceType: 'host',
    });
    return { offerId, versionId };
  };
  const vinyasa = offer('Vinyasa Flow drop-in', 2500, 20, [studioA, studioW]);
  const yin = offer('Yin Yoga drop-in', 2500, 12, [studioB]);
  const privateSession = offer('Private session', 9000, null, [privateRoom]);

  for (const [locationId, name, rooms] of [
    [parkSlope, 'Park Slope hours', [studioA, studioB, privateRoom, ...hostIds]],
    [williamsburg, 'Williamsburg hours', [studioW]],
  ] as const) {
    const calendarId = batch.add(calendars, {
      id: newId('calendars'),
      bizId,
      name,
      timezone: tz,
      slotDurationMin: 60,
      slotIntervalMin: 30,
      minLeadTimeMin: 30,
      maxHorizonDays: 60,
      defaultMode: 'closed',
    });
    weeklyHours(batch, bizId, calendarId, {
      0: ['08:00', '18:00'],
      1: ['07:00', '21:00'],
      2: ['07:00', '21:00'],
      3: ['07:00', '21:00'],
      4: ['07:00', '21:00'],
      5: ['07:00', '21:00'],
      6: ['08:00', '18:00'],
    });
    const holiday = batch.add(calendarOverlays, {
      id: newId('calendar_overlays'),
      bizId,
      calendarId,
      kind: 'blackout',
      name: 'Thanksgiving',
      priority: 10,
    });
    batch.add(availabilityRules, {
      id: newId('availability_rules'),
      bizId,
      calendarId,
      overlayId: holiday,
      name: 'Closed for Thanksgiving',
      kind: 'date_range',
      action: 'unavailable',
      startDate: '2026-11-26',
      endDate: '2026-11-26',
      priority: 10,
    });
    for (const resourceId of rooms) bindCalendar(batch, bizId, calendarId, resourceId);
    void locationId;
  }

  // Class schedule: three classes a day at Park Slope, one evening class in Williamsburg.
  const schedule = [
    { time: '07:00', offer: vinyasa, room: studioA, host: hostIds[0]!, location: parkSlope, cap: 20 },
    { time: '12:00', offer: yin, room: studioB, host: hostIds[1]!, location: parkSlope, cap: 12 },
    { time: '18:00', offer: vinyasa, room: studioA, host: hostIds[2]!, location: parkSlope, cap: 20 },
    { time: '19:00', offer: vinyasa, room: studioW, host: hostIds[0]!, location: williamsburg, cap: 16 },
  ];
  const now = Date.now();
  for (let d = -14; d <= 14; d++) {
    const date = today.add({ days: d });
    if (date.toString() === '2026-11-26') continue;
    for (const c of schedule) {
      const start = at(date, c.time, tz);
      const end = addMin(start, 60);
      const past = end.getTime() < now;
      const attendees = rnd.int(Math.floor(c.cap / 4), c.cap - 2);
      for (let i = 0; i < attendees; i++) {
        const customer = CUSTOMERS_NY[(i * 7 + d + 28) % CUSTOMERS_NY.length]!;
        const noShow = past && rnd.next() < 0.08;
        const orderId = newId('booking_orders');
        batch.add(bookingOrders, {
          id: orderId,
          bizId,
          bookingCode: bookingCode('LY'),
          source: rnd.pick(['web', 'mobile', 'admin', 'walk_in'] as const),
          status: past ? (noShow ? 'no_show' : 'completed') : 'confirmed',
          paymentStatus: past || rnd.next() < 0.5 ? 'paid' : 'unpaid',
          locationId: c.location,
          offerId: c.offer.offerId,
          offerVersionId: c.offer.versionId,
          customerName: customer,
          customerEmail: `${customer.toLowerCase().replace(/ /g, '.')}@example.com`,
          requestedStartAt: start,
          requestedEndAt: end,
          confirmedStartAt: start,
          confirmedEndAt: end,
          currency: 'USD',
          subtotalMinor: 2500,
          totalMinor: 2500,
          checkedInAt: past && !noShow ? addMin(start, -rnd.int(2, 15)) : null,
          checkedInBy: past && !noShow ? desk.id : null,
          noShowAt: noShow ? end : null,
        });
        const lineId = batch.add(bookingOrderLines, {
          id: newId('booking_order_lines'),
          bizId,
          bookingOrderId: orderId,
          lineType: 'offer_base',
          label: 'Drop-in class',
          quantity: 1,
          unitAmountMinor: 2500,
          lineTotalMinor: 2500,
        });
        const unitId = batch.add(fulfillmentUnits, {
          id: newId('fulfillment_units'),
          bizId,
          bookingOrderId: orderId,
          bookingOrderLineId: lineId,
          status: past ? (noShow ? 'no_show' : 'completed') : 'scheduled',
          startsAt: start,
          endsAt: end,
          locationId: c.location,
        });
        // Seats share the room and the instructor: overlap is the point, capacity is checked by count.
        for (const [resourceId, role] of [
          [c.room, 'room'],
          [c.host, 'instructor'],
        ] as const) {
          batch.add(fulfillmentAssignments, {
            id: newId('fulfillment_assignments'),
            bizId,
            fulfillmentUnitId: unitId,
            resourceId,
            role,
            startsAt: start,
            endsAt: end,
            conflictPolicy: 'allow_overlap',
            status: past ? 'completed' : 'confirmed',
          });
        }
        const paid = past || rnd.next() < 0.5;
        payment(batch, {
          bizId,
          bookingOrderId: orderId,
          amount: 2500,
          currency: 'USD',
          paidAt: paid ? addMin(start, -rnd.int(60, 4000)) : null,
          tender: rnd.pick(['card', 'card', 'cash'] as const),
        });
      }
    }
    // Two private sessions most weekdays, in the private room with alternating instructors.
    if (date.dayOfWeek <= 5) {
      for (const [k, time] of ['10:00', '15:00'].entries()) {
        if (rnd.next() < 0.3) continue;
        const start = at(date, time, tz);
        const end = addMin(start, 60);
        const past = end.getTime() < now;
        const customer = rnd.pick(CUSTOMERS_NY);
        const orderId = newId('booking_orders');
        batch.add(bookingOrders, {
          id: orderId,
          bizId,
          bookingCode: bookingCode('LY'),
          source: 'phone',
          status: past ? 'completed' : 'confirmed',
          paymentStatus: past ? 'paid' : 'unpaid',
          locationId: parkSlope,
          offerId: privateSession.offerId,
          offerVersionId: privateSession.versionId,
          customerName: customer,
          customerEmail: `${customer.toLowerCase().replace(/ /g, '.')}@example.com`,
          requestedStartAt: start,
          requestedEndAt: end,
          confirmedStartAt: start,
          confirmedEndAt: end,
          currency: 'USD',
          subtotalMinor: 9000,
          totalMinor: 9000,
          checkedInAt: past ? start : null,
          checkedInBy: past ? desk.id : null,
          isPrivate: true,
        });
        const unitId = batch.add(fulfillmentUnits, {
          id: newId('fulfillment_units'),
          bizId,
          bookingOrderId: orderId,
          status: past ? 'completed' : 'scheduled',
          startsAt: start,
          endsAt: end,
          locationId: parkSlope,
        });
        for (const [resourceId, role, buffer] of [
          [privateRoom, 'room', 10],
          [hostIds[(k + d + 14) % 3]!, 'instructor', 0],
        ] as const) {
          batch.add(fulfillmentAssignments, {
            id: newId('fulfillment_assignments'),
            bizId,
            fulfillmentUnitId: unitId,
            resourceId,
            role,
            startsAt: start,
            endsAt: end,
            occupiedStartAt: start,
            occupiedEndAt: addMin(end, buffer),
            conflictPolicy: 'enforce_no_overlap',
            status: past ? 'completed' : 'confirmed',
          });
        }
        payment(batch, {
          bizId,
          bookingOrderId: orderId,
          amount: 9000,
          currency: 'USD',
          paidAt: past ? end : null,
          tender: 'card',
        });
      }
    }
  }

  // Class packs: a plan and five regulars holding credits, every balance backed by ledger rows.
  const planId = batch.add(membershipPlans, {
    id: newId('membership_plans'),
    bizId,
    name: '10-class pack',
    slug: '10-class-pack',
    status: 'active',
    priceMinor: 20000,
    currency: 'USD',
    entitlementType: 'credit',
    entitlementUnit: 'credit',
    entitlementQuantityPerCycle: 10,
  });
  void planId;
  for (const [i, name] of CUSTOMERS_NY.slice(0, 5).entries()) {
    const customer = await person(batch, `${name.toLowerCase().replace(/ /g, '.')}@example.com`, name);
    member(batch, bizId, customer.id, 'customer');
    const used = [2, 7, 9, 4, 10][i]!;
    const walletId = batch.add(entitlementWallets, {
      id: newId('entitlement_wallets'),
      bizId,
      ownerUserId: customer.id,
      name: '10-class pack',
      entitlementType: 'credit',
      unit: 'credit',
      balance: 10 - used,
    });
    const grantedAt = at(today.add({ days: -30 + i }), '09:00', tz);
    const grantId = batch.add(entitlementGrants, {
      id: newId('entitlement_grants'),
      bizId,
      walletId,
      grantType: 'credit',
      quantity: 10,
      validFromAt: grantedAt,
      reason: 'Purchased 10-class pack',
    });
    batch.add(entitlementLedgerEntries, {
      id: newId('entitlement_ledger_entries'),
      bizId,
      walletId,
      entryType: 'grant',
      quantity: 10,
      balanceAfter: 10,
      grantId,
      occurredAt: grantedAt,
    });
    for (let u = 1; u <= used; u++) {
      batch.add(entitlementLedgerEntries, {
        id: newId('entitlement_ledger_entries'),
        bizId,
        walletId,
        entryType: 'debit',
        quantity: -1,
        balanceAfter: 10 - u,
        occurredAt: addMin(grantedAt, u * 60 * 24 * 2),
        reasonCode: 'class_check_in',
      });
    }
  }

  // The walk-in desk: today's tickets in every state.
  const queueId = batch.add(queues, {
    id: newId('queues'),
    bizId,
    locationId: parkSlope,
    name: 'Front desk walk-ins',
    slug: 'walk-ins',
    avgServiceMin: 8,
  });
  const states = ['done', 'done', 'serving', 'called', 'waiting', 'waiting', 'waiting'] as const;
  for (const [n, status] of states.entries()) {
    const issuedAt = at(today, '08:00', tz);
    const ticketId = batch.add(queueTickets, {
      id: newId('queue_tickets'),
      bizId,
      queueId,
      serviceDate: today.toString(),
      ticketNumber: n + 1,
      customerName: CUSTOMERS_NY[20 + n]!,
      status,
      issuedAt: addMin(issuedAt, n * 6),
      calledAt: status === 'waiting' ? null : addMin(issuedAt, n * 6 + 3),
      servingStartedAt: status === 'done' || status === 'serving' ? addMin(issuedAt, n * 6 + 4) : null,
      doneAt: status === 'done' ? addMin(issuedAt, n * 6 + 12) : null,
    });
    batch.add(queueEvents, {
      id: newId('queue_events'),
      bizId,
      queueId,
      ticketId,
      eventType: 'issued',
      toStatus: 'waiting',
      occurredAt: addMin(issuedAt, n * 6),
    });
  }
  return bizId;
}

async function brightlineHvac(batch: Batch, today: Temporal.PlainDate, hash: string) {
  const tz = 'Europe/London';
  const rnd = prng(11);
  const bizId = batch.add(bizes, {
    id: newId('bizes'),
    name: 'Brightline HVAC',
    slug: 'brightline-hvac',
    timezone: tz,
    currency: 'GBP',
  });
  const depot = batch.add(locations, {
    id: newId('locations'),
    bizId,
    name: 'Bristol depot',
    slug: 'bristol-depot',
    timezone: tz,
    isDefault: true,
    type: 'mobile',
    address: { line1: 'Unit 4, Feeder Road', city: 'Bristol', postalCode: 'BS2 0SB', country: 'GB' },
  });
  const owner = await person(batch, 'owner@brightline.test', 'Grace Holt', hash);
  const desk = await person(batch, 'desk@brightline.test', 'Ravi Patel', hash);
  const tech = await person(batch, 'tech@brightline.test', 'Tom Evans', hash);
  member(batch, bizId, owner.id, 'owner');
  member(batch, bizId, desk.id, 'front_desk');
  member(batch, bizId, tech.id, 'technician');
  const techs = [
    tech,
    await person(batch, 'aisha@brightline.test', 'Aisha Khan'),
    await person(batch, 'ben@brightline.test', 'Ben Murphy'),
  ];
  const techIds = techs.map((p) => hostResource(batch, bizId, depot, p, tz));
  const vanIds = [1, 2, 3].map((n) => {
    const assetId = batch.add(assets, {
      id: newId('assets'),
      bizId,
      locationId: depot,
      name: `Van ${n}`,
      slug: `van-${n}`,
      serialNumber: `BL${n}0 HVC`,
    });
    return batch.add(resources, {
      id: newId('resources'),
      bizId,
      locationId: depot,
      type: 'asset',
      name: `Van ${n}`,
      slug: `van-${n}`,
      timezone: tz,
      assetId,
      capacity: 1,
    });
  });
  const gasSafe = batch.add(resourceCapabilityTemplates, {
    id: newId('resource_capability_templates'),
    bizId,
    scope: 'host',
    name: 'Gas Safe registered',
    slug: 'gas-safe',
  });
  const fGas = batch.add(resourceCapabilityTemplates, {
    id: newId('resource_capability_templates'),
    bizId,
    scope: 'host',
    name: 'F-Gas certified',
    slug: 'f-gas',
  });
  for (const [i, resourceId] of techIds.entries()) {
    batch.add(resourceCapabilityAssignments, {
      id: newId('resource_capability_assignments'),
      bizId,
      resourceId,
      capabilityTemplateId: i === 2 ? fGas : gasSafe,
    });
  }
  batch.add(resourceCapabilityAssignments, {
    id: newId('resource_capability_assignments'),
    bizId,
    resourceId: techIds[0]!,
    capabilityTemplateId: fGas,
  });

  const group = batch.add(serviceGroups, {
    id: newId('service_groups'),
    bizId,
    name: 'Heating & cooling',
    slug: 'hvac',
  });
  const jobTypes = [
    { name: 'Boiler service', minutes: 90, price: 9500, capability: gasSafe },
    { name: 'Air conditioning install', minutes: 240, price: 120000, capability: fGas },
    { name: 'Emergency callout', minutes: 60, price: 12000, capability: gasSafe },
  ].map((j) => {
    batch.add(services, {
      id: newId('services'),
      bizId,
      serviceGroupId: group,
      name: j.name,
      slug: j.name.toLowerCase().replace(/[^a-z]+/g, '-'),
      type: 'appointment',
      defaultDurationMin: j.minutes,
    });
    const offerId = batch.add(offers, {
      id: newId('offers'),
      bizId,
      name: j.name,
      slug: j.name.toLowerCase().replace(/[^a-z]+/g, '-'),
      executionMode: 'slot',
      status: 'active',
      isPublished: true,
      timezone: tz,
    });
    const versionId = batch.add(offerVersions, {
      id: newId('offer_versions'),
      bizId,
      offerId,
      version: 1,
      status: 'published',
      durationMin: j.minutes,
      basePriceMinor: j.price,
      currency: 'GBP',
    });
    const techComponent = batch.add(offerComponents, {
      id: newId('offer_components'),
      bizId,
      offerVersionId: versionId,
      name: 'Technician',
      slug: 'technician',
      targetType: 'host',
    });
    batch.add(offerComponentSelectors, {
      id: newId('offer_component_selectors'),
      bizId,
      componentId: techComponent,
      selectorType: 'capability_template',
      capabilityTemplateId: j.capability,
    });
    const vanComponent = batch.add(offerComponents, {
      id: newId('offer_components'),
      bizId,
      offerVersionId: versionId,
      name: 'Van',
      slug: 'van',
      targetType: 'asset',
    });
    batch.add(offerComponentSelectors, {
      id: newId('offer_component_selectors'),
      bizId,
      componentId: vanComponent,
      selectorType: 'resource_type',
      resourceType: 'asset',
    });
    return { ...j, offerId, versionId };
  });

  const calendarId = batch.add(calendars, {
    id: newId('calendars'),
    bizId,
    name: 'Field hours',
    timezone: tz,
    slotDurationMin: 30,
    slotIntervalMin: 30,
    bufferAfterMin: 30,
    minLeadTimeMin: 60,
    maxHorizonDays: 90,
    defaultMode: 'closed',
  });
  weeklyHours(batch, bizId, calendarId, {
    1: ['08:00', '18:00'],
    2: ['08:00', '18:00'],
    3: ['08:00', '18:00'],
    4: ['08:00', '18:00'],
    5: ['08:00', '18:00'],
    6: ['09:00', '13:00'],
  });
  for (const resourceId of [...techIds, ...vanIds]) bindCalendar(batch, bizId, calendarId, resourceId);

  const now = Date.now();
  const slots = ['08:30', '11:00', '14:00'] as const;
  for (let d = -14; d <= 14; d++) {
    const date = today.add({ days: d });
    if (date.dayOfWeek > 5) continue;
    for (const [t, techResourceId] of techIds.entries()) {
      for (const time of slots) {
        if (rnd.next() < 0.25) continue;
        const job = t === 2 && time === '14:00' ? jobTypes[1]! : rnd.pick([jobTypes[0]!, jobTypes[2]!]);
        const minutes = time === '14:00' ? Math.min(job.minutes, 210) : Math.min(job.minutes, 120);
        const start = at(date, time, tz);
        const end = addMin(start, minutes);
        const past = end.getTime() < now;
        const running = !past && start.getTime() < now;
        const site = rnd.pick(SITES_BRISTOL);
        const customer = rnd.pick(CUSTOMERS_UK);
        const orderId = newId('booking_orders');
        batch.add(bookingOrders, {
          id: orderId,
          bizId,
          bookingCode: bookingCode('BL'),
          source: rnd.pick(['phone', 'web', 'admin'] as const),
          status: past ? 'completed' : running ? 'in_progress' : 'confirmed',
          paymentStatus: past ? 'paid' : 'unpaid',
          locationId: depot,
          offerId: job.offerId,
          offerVersionId: job.versionId,
          customerName: customer,
          customerPhone: `+44 7700 9${rnd.int(10000, 99999)}`,
          requestedStartAt: start,
          requestedEndAt: end,
          confirmedStartAt: start,
          confirmedEndAt: end,
          currency: 'GBP',
          subtotalMinor: job.price,
          totalMinor: job.price,
          notes: `${job.name} at ${site.address}`,
        });
        const unitId = batch.add(fulfillmentUnits, {
          id: newId('fulfillment_units'),
          bizId,
          bookingOrderId: orderId,
          status: past ? 'completed' : running ? 'in_progress' : 'scheduled',
          startsAt: start,
          endsAt: end,
          actualStartAt: past || running ? start : null,
          actualEndAt: past ? end : null,
          locationId: depot,
          siteAddress: site.address,
          siteLat: site.lat,
          siteLng: site.lng,
        });
        for (const [resourceId, role] of [
          [techResourceId, 'technician'],
          [vanIds[t]!, 'van'],
        ] as const) {
          batch.add(fulfillmentAssignments, {
            id: newId('fulfillment_assignments'),
            bizId,
            fulfillmentUnitId: unitId,
            resourceId,
            role,
            startsAt: start,
            endsAt: end,
            occupiedStartAt: addMin(start, -20),
            occupiedEndAt: addMin(end, 20),
            conflictPolicy: 'enforce_no_overlap',
            status: past ? 'completed' : running ? 'in_progress' : 'confirmed',
            isPrimary: role === 'technician',
          });
        }
        const steps = [
          ['On the way', 'en_route'],
          ['Arrived on site', 'arrival'],
          ['Safety checks', 'checklist_item'],
          ['Work complete, customer signed off', 'completion'],
        ] as const;
        for (const [s, [name, kind]] of steps.entries()) {
          const done = past || (running && s < 2);
          batch.add(fulfillmentCheckpoints, {
            id: newId('fulfillment_checkpoints'),
            bizId,
            fulfillmentUnitId: unitId,
            sequence: s + 1,
            name,
            kind,
            status: done ? 'done' : 'pending',
            expectedAt: addMin(start, s === 0 ? -20 : s === 3 ? minutes : s * 5),
            completedAt: done ? addMin(start, s === 0 ? -20 : s === 3 ? minutes : s * 5) : null,
            completedBy: done ? techs[t]!.id : null,
          });
        }
        if (past && rnd.next() < 0.2) {
          batch.add(notes, {
            id: newId('notes'),
            bizId,
            subjectType: 'fulfillment_unit',
            fulfillmentUnitId: unitId,
            body: rnd.pick([
              'Pressure was low; topped up and bled radiators.',
              'Customer asked for a quote on a new thermostat.',
              'Access via side gate; dog in garden.',
              'Replaced ignition electrode, tested OK.',
            ]),
            authorUserId: techs[t]!.id,
            deviceTime: end,
          });
        }
        payment(batch, {
          bizId,
          bookingOrderId: orderId,
          amount: job.price,
          currency: 'GBP',
          paidAt: past ? addMin(end, 30) : null,
          tender: rnd.pick(['card', 'card', 'pay_later'] as const),
        });
      }
    }
  }
  return bizId;
}

/** Seeds the demo bizes unless they exist. Returns true when it wrote anything. */
export async function seedDemo(database: Database, opts: { today?: Temporal.PlainDate } = {}): Promise<boolean> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const today = opts.today ?? Temporal.Now.plainDateISO('UTC');
  const seeded = await database.db.transaction(async (tx) => {
    // Two servers starting together must not both seed.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727275)`);
    const existing = await tx.execute(sql`SELECT 1 FROM bizes WHERE slug IN ('lumen-yoga', 'brightline-hvac') LIMIT 1`);
    if (existing.rows.length > 0) return false;
    const batch = new Batch();
    await lumenYoga(batch, today, hash);
    await brightlineHvac(batch, today, hash);
    for (const [table, rows] of batch.entries()) {
      for (let i = 0; i < rows.length; i += 500) await tx.insert(table).values(rows.slice(i, i + 500));
    }
    return true;
  });
  // Fresh statistics before the first commits: without them the planner has no row counts and the
  // foreign-key checks of the write path settle on a biz-wide index scan instead of the unique key.
  if (seeded) await database.pool.query('ANALYZE');
  return seeded;
}

export type { IdTable };

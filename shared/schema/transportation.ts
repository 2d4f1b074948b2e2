/**
 * Transportation: fleet vehicles, routes with ordered stops, scheduled trips with per-stop seat inventory,
 * passenger manifests, dispatch tasks for drivers/crews, and an append-only log of ETA/arrival events.
 */
import { sql } from 'drizzle-orm';
import { integer, jsonb, pgEnum, pgTable, text, unique, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import {
  appendOnlyColumns,
  auditColumns,
  bizIdCol,
  bizIdUnique,
  checkNamed,
  compositeFk,
  idPk,
  idx,
  metadataCol,
  pgName,
  sameBiz,
  ts,
  userRef,
} from './_common';
import { groupAccounts } from './core/org_scope';
import { resources } from './core/resources';
import { locations } from './core/tenancy';
import { bookingOrders, fulfillmentUnits } from './fulfillment';
import { offerVersions } from './offers';
import { queueEntries } from './queue';
import { calendarBindings } from './time_availability';

export const fleetVehicleStatus = pgEnum('fleet_vehicle_status', [
  'active',
  'maintenance',
  'out_of_service',
  'retired',
]);
export const transportRouteStatus = pgEnum('transport_route_status', ['active', 'inactive', 'archived']);
export const transportRouteStopKind = pgEnum('transport_route_stop_kind', [
  'pickup',
  'dropoff',
  'waypoint',
  'depot',
  'break',
]);
export const transportTripStatus = pgEnum('transport_trip_status', [
  'planned',
  'boarding',
  'in_progress',
  'delayed',
  'completed',
  'cancelled',
]);
export const tripManifestStatus = pgEnum('trip_manifest_status', [
  'booked',
  'checked_in',
  'boarded',
  'no_show',
  'cancelled',
  'completed',
]);
export const dispatchTaskStatus = pgEnum('dispatch_task_status', [
  'queued',
  'assigned',
  'accepted',
  'en_route',
  'in_progress',
  'done',
  'failed',
  'cancelled',
]);
export const etaEventType = pgEnum('eta_event_type', ['predicted', 'updated', 'arrived', 'departed', 'delay_alert']);

/** Where a stop is on the map, when it is not (only) a known location. */
export interface GeoPoint {
  lat?: number;
  lng?: number;
  address?: string;
  placeId?: string;
}

/** A vehicle of the biz's fleet (optionally the transport extension of an asset resource), with its capacity. */
export const fleetVehicles = pgTable(
  'fleet_vehicles',
  {
    id: idPk('fleet_vehicles'),
    bizId: bizIdCol(),
    /** The schedulable resource this vehicle is, when it takes part in availability/assignment. */
    resourceId: text('resource_id'),
    name: varchar('name', { length: 180 }).notNull(),
    plateNumber: varchar('plate_number', { length: 40 }),
    vin: varchar('vin', { length: 64 }),
    seatCapacity: integer('seat_capacity').notNull(),
    luggageCapacity: integer('luggage_capacity'),
    status: fleetVehicleStatus('status').notNull().default('active'),
    telemetryConfig: jsonb('telemetry_config').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('fleet_vehicles', t),
    sameBiz('fleet_vehicles', t, t.resourceId, resources),
    uniqueIndex(pgName('fleet_vehicles_plate_uq'))
      .on(t.bizId, t.plateNumber)
      .where(sql`${t.plateNumber} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    uniqueIndex(pgName('fleet_vehicles_resource_uq'))
      .on(t.bizId, t.resourceId)
      .where(sql`${t.resourceId} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    idx('fleet_vehicles', 'biz_status').on(t.bizId, t.status),
    checkNamed('fleet_vehicles', 'seat_capacity_pos', sql`${t.seatCapacity} > 0`),
    checkNamed(
      'fleet_vehicles',
      'luggage_capacity_nonneg',
      sql`${t.luggageCapacity} IS NULL OR ${t.luggageCapacity} >= 0`,
    ),
  ],
);

/** A named route (shuttle line, tour, transfer) between an origin and a destination, served by trips. */
export const transportRoutes = pgTable(
  'transport_routes',
  {
    id: idPk('transport_routes'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 200 }).notNull(),
    slug: varchar('slug', { length: 140 }).notNull(),
    status: transportRouteStatus('status').notNull().default('active'),
    originLocationId: text('origin_location_id'),
    destinationLocationId: text('destination_location_id'),
    timezone: varchar('timezone', { length: 50 }).notNull().default('UTC'),
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('transport_routes', t),
    uniqueIndex(pgName('transport_routes_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    sameBiz('transport_routes', t, t.originLocationId, locations),
    sameBiz('transport_routes', t, t.destinationLocationId, locations),
    idx('transport_routes', 'biz_status').on(t.bizId, t.status),
    checkNamed('transport_routes', 'slug_nonempty', sql`length(${t.slug}) > 0`),
  ],
);

/** One ordered stop of a route (pickup, dropoff, waypoint, ...) with its planned offset and dwell time. */
export const transportRouteStops = pgTable(
  'transport_route_stops',
  {
    id: idPk('transport_route_stops'),
    bizId: bizIdCol(),
    routeId: text('route_id').notNull(),
    stopOrder: integer('stop_order').notNull(),
    kind: transportRouteStopKind('kind').notNull(),
    name: varchar('name', { length: 180 }).notNull(),
    locationId: text('location_id'),
    geoPoint: jsonb('geo_point').$type<GeoPoint>().notNull().default({}),
    /** Planned minutes after the trip's departure at which the vehicle reaches this stop. */
    offsetFromStartMin: integer('offset_from_start_min'),
    dwellMin: integer('dwell_min'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('transport_route_stops', t),
    /** Target of the (biz, route, stop) FKs that keep a trip's stops on the trip's own route. */
    unique(pgName('transport_route_stops_biz_route_id_uq')).on(t.bizId, t.routeId, t.id),
    sameBiz('transport_route_stops', t, t.routeId, transportRoutes, { onDelete: 'cascade' }),
    sameBiz('transport_route_stops', t, t.locationId, locations),
    uniqueIndex(pgName('transport_route_stops_order_uq')).on(t.routeId, t.stopOrder).where(sql`${t.deletedAt} IS NULL`),
    checkNamed('transport_route_stops', 'stop_order_nonneg', sql`${t.stopOrder} >= 0`),
    checkNamed(
      'transport_route_stops',
      'offset_nonneg',
      sql`${t.offsetFromStartMin} IS NULL OR ${t.offsetFromStartMin} >= 0`,
    ),
    checkNamed('transport_route_stops', 'dwell_nonneg', sql`${t.dwellMin} IS NULL OR ${t.dwellMin} >= 0`),
  ],
);

/** One scheduled run of a route: departure/arrival, vehicle, driver and seat capacity. */
export const transportTrips = pgTable(
  'transport_trips',
  {
    id: idPk('transport_trips'),
    bizId: bizIdCol(),
    routeId: text('route_id').notNull(),
    /** The sellable recipe seats on this trip are booked through, if sold. */
    offerVersionId: text('offer_version_id'),
    fleetVehicleId: text('fleet_vehicle_id'),
    driverResourceId: text('driver_resource_id'),
    calendarBindingId: text('calendar_binding_id'),
    status: transportTripStatus('status').notNull().default('planned'),
    boardingOpensAt: ts('boarding_opens_at'),
    departureAt: ts('departure_at').notNull(),
    arrivalAt: ts('arrival_at').notNull(),
    capacitySeats: integer('capacity_seats').notNull(),
    overbookSeats: integer('overbook_seats').notNull().default(0),
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('transport_trips', t),
    /** Target of the (biz, route, trip) FKs of stop inventory and ETA events. */
    unique(pgName('transport_trips_biz_route_id_uq')).on(t.bizId, t.routeId, t.id),
    sameBiz('transport_trips', t, t.routeId, transportRoutes),
    sameBiz('transport_trips', t, t.offerVersionId, offerVersions),
    sameBiz('transport_trips', t, t.fleetVehicleId, fleetVehicles),
    sameBiz('transport_trips', t, t.driverResourceId, resources),
    sameBiz('transport_trips', t, t.calendarBindingId, calendarBindings),
    idx('transport_trips', 'biz_route_departure').on(t.bizId, t.routeId, t.departureAt),
    idx('transport_trips', 'biz_status_departure').on(t.bizId, t.status, t.departureAt),
    idx('transport_trips', 'biz_vehicle_departure').on(t.bizId, t.fleetVehicleId, t.departureAt),
    idx('transport_trips', 'biz_driver_departure').on(t.bizId, t.driverResourceId, t.departureAt),
    checkNamed('transport_trips', 'window_order', sql`${t.arrivalAt} > ${t.departureAt}`),
    checkNamed(
      'transport_trips',
      'boarding_before_departure',
      sql`${t.boardingOpensAt} IS NULL OR ${t.boardingOpensAt} <= ${t.departureAt}`,
    ),
    checkNamed('transport_trips', 'capacity_pos', sql`${t.capacitySeats} > 0`),
    checkNamed('transport_trips', 'overbook_nonneg', sql`${t.overbookSeats} >= 0`),
  ],
);

/** Seat inventory of one trip at one of its route's stops (capacity, reserved, waitlisted). */
export const tripStopInventory = pgTable(
  'trip_stop_inventory',
  {
    id: idPk('trip_stop_inventory'),
    bizId: bizIdCol(),
    tripId: text('trip_id').notNull(),
    /** Copied from the trip; lets the FKs prove the stop belongs to the trip's route. */
    routeId: text('route_id').notNull(),
    routeStopId: text('route_stop_id').notNull(),
    totalCapacity: integer('total_capacity').notNull(),
    reservedCapacity: integer('reserved_capacity').notNull().default(0),
    waitlistedCount: integer('waitlisted_count').notNull().default(0),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('trip_stop_inventory', t),
    unique(pgName('trip_stop_inventory_trip_stop_uq')).on(t.tripId, t.routeStopId),
    compositeFk(
      'trip_stop_inventory',
      'trip',
      [t.bizId, t.routeId, t.tripId],
      [transportTrips.bizId, transportTrips.routeId, transportTrips.id],
    ).onDelete('cascade'),
    compositeFk(
      'trip_stop_inventory',
      'route_stop',
      [t.bizId, t.routeId, t.routeStopId],
      [transportRouteStops.bizId, transportRouteStops.routeId, transportRouteStops.id],
    ),
    idx('trip_stop_inventory', 'route_stop').on(t.bizId, t.routeStopId),
    checkNamed('trip_stop_inventory', 'total_nonneg', sql`${t.totalCapacity} >= 0`),
    checkNamed('trip_stop_inventory', 'reserved_nonneg', sql`${t.reservedCapacity} >= 0`),
    checkNamed('trip_stop_inventory', 'waitlisted_nonneg', sql`${t.waitlistedCount} >= 0`),
  ],
);

/** A passenger (user or group account) booked on a trip, with seat count and boarding progress. */
export const tripManifests = pgTable(
  'trip_manifests',
  {
    id: idPk('trip_manifests'),
    bizId: bizIdCol(),
    tripId: text('trip_id').notNull(),
    bookingOrderId: text('booking_order_id'),
    fulfillmentUnitId: text('fulfillment_unit_id'),
    queueEntryId: text('queue_entry_id'),
    passengerUserId: userRef('passenger_user_id'),
    passengerGroupAccountId: text('passenger_group_account_id'),
    status: tripManifestStatus('status').notNull().default('booked'),
    seatCount: integer('seat_count').notNull().default(1),
    seatLabel: varchar('seat_label', { length: 80 }),
    checkedInAt: ts('checked_in_at'),
    boardedAt: ts('boarded_at'),
    completedAt: ts('completed_at'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('trip_manifests', t),
    sameBiz('trip_manifests', t, t.tripId, transportTrips, { onDelete: 'cascade' }),
    sameBiz('trip_manifests', t, t.bookingOrderId, bookingOrders),
    sameBiz('trip_manifests', t, t.fulfillmentUnitId, fulfillmentUnits),
    sameBiz('trip_manifests', t, t.queueEntryId, queueEntries),
    sameBiz('trip_manifests', t, t.passengerGroupAccountId, groupAccounts),
    uniqueIndex(pgName('trip_manifests_seat_label_uq'))
      .on(t.tripId, t.seatLabel)
      .where(
        sql`${t.seatLabel} IS NOT NULL AND ${t.status} NOT IN ('cancelled', 'no_show') AND ${t.deletedAt} IS NULL`,
      ),
    idx('trip_manifests', 'biz_trip_status').on(t.bizId, t.tripId, t.status),
    idx('trip_manifests', 'booking_order').on(t.bizId, t.bookingOrderId),
    idx('trip_manifests', 'passenger_user').on(t.passengerUserId),
    checkNamed(
      'trip_manifests',
      'passenger_present',
      sql`${t.passengerUserId} IS NOT NULL OR ${t.passengerGroupAccountId} IS NOT NULL`,
    ),
    checkNamed('trip_manifests', 'seat_count_pos', sql`${t.seatCount} > 0`),
    checkNamed('trip_manifests', 'checked_in_shape', sql`${t.status} <> 'checked_in' OR ${t.checkedInAt} IS NOT NULL`),
    checkNamed('trip_manifests', 'boarded_shape', sql`${t.status} <> 'boarded' OR ${t.boardedAt} IS NOT NULL`),
    checkNamed('trip_manifests', 'completed_shape', sql`${t.status} <> 'completed' OR ${t.completedAt} IS NOT NULL`),
  ],
);

/** A unit of operational work for a driver or crew (pickup run, vehicle prep), optionally tied to a trip. */
export const dispatchTasks = pgTable(
  'dispatch_tasks',
  {
    id: idPk('dispatch_tasks'),
    bizId: bizIdCol(),
    tripId: text('trip_id'),
    assignedResourceId: text('assigned_resource_id'),
    title: varchar('title', { length: 220 }).notNull(),
    instructions: varchar('instructions', { length: 2000 }),
    status: dispatchTaskStatus('status').notNull().default('queued'),
    dueAt: ts('due_at'),
    startedAt: ts('started_at'),
    completedAt: ts('completed_at'),
    /** The dispatcher who asked for the task (may differ from the actor that wrote the row). */
    createdByUserId: userRef('created_by_user_id'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('dispatch_tasks', t),
    sameBiz('dispatch_tasks', t, t.tripId, transportTrips, { onDelete: 'cascade' }),
    sameBiz('dispatch_tasks', t, t.assignedResourceId, resources),
    idx('dispatch_tasks', 'biz_status_due').on(t.bizId, t.status, t.dueAt),
    idx('dispatch_tasks', 'biz_resource_status').on(t.bizId, t.assignedResourceId, t.status),
    idx('dispatch_tasks', 'trip').on(t.bizId, t.tripId),
    checkNamed(
      'dispatch_tasks',
      'assignee_shape',
      sql`${t.status} NOT IN ('assigned', 'accepted', 'en_route', 'in_progress', 'done') OR ${t.assignedResourceId} IS NOT NULL`,
    ),
    checkNamed(
      'dispatch_tasks',
      'completion_order',
      sql`${t.completedAt} IS NULL OR ${t.startedAt} IS NULL OR ${t.completedAt} >= ${t.startedAt}`,
    ),
  ],
);

/** Append-only: one ETA prediction, update, arrival, departure or delay alert for a trip (optionally at a stop). */
export const etaEvents = pgTable(
  'eta_events',
  {
    id: idPk('eta_events'),
    bizId: bizIdCol(),
    tripId: text('trip_id').notNull(),
    /** Copied from the trip; lets the FKs prove the stop belongs to the trip's route. */
    routeId: text('route_id').notNull(),
    routeStopId: text('route_stop_id'),
    eventType: etaEventType('event_type').notNull(),
    eventAt: ts('event_at').notNull().defaultNow(),
    /** Predicted arrival time (predicted / updated / delay_alert). */
    etaAt: ts('eta_at'),
    /** Observed time (arrived / departed). */
    actualAt: ts('actual_at'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    ...appendOnlyColumns(),
  },
  (t) => [
    bizIdUnique('eta_events', t),
    compositeFk(
      'eta_events',
      'trip',
      [t.bizId, t.routeId, t.tripId],
      [transportTrips.bizId, transportTrips.routeId, transportTrips.id],
    ),
    compositeFk(
      'eta_events',
      'route_stop',
      [t.bizId, t.routeId, t.routeStopId],
      [transportRouteStops.bizId, transportRouteStops.routeId, transportRouteStops.id],
    ),
    idx('eta_events', 'biz_trip_event_at').on(t.bizId, t.tripId, t.eventAt),
    idx('eta_events', 'biz_stop_event_at').on(t.bizId, t.routeStopId, t.eventAt),
    checkNamed(
      'eta_events',
      'payload_shape',
      sql`(${t.eventType} IN ('predicted', 'updated') AND ${t.etaAt} IS NOT NULL) OR (${t.eventType} IN ('arrived', 'departed') AND ${t.actualAt} IS NOT NULL) OR ${t.eventType} = 'delay_alert'`,
    ),
  ],
);

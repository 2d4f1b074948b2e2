/**
 * Input and output types of the availability engine. Inputs mirror the Drizzle rows (camelCase, as
 * `$inferSelect` gives them) but only name the fields the engine reads, so rows from PGlite or pg fit
 * after a small mapping. Instants may be a Date, an ISO string or epoch milliseconds; outputs use epoch
 * milliseconds plus ISO strings so they are JSON-safe (for `availability_resolution_runs`).
 */

/** An instant: a Date (Drizzle), an ISO-8601 string (raw rows, JSON) or epoch milliseconds. */
export type TimeInput = Date | string | number;

/** A half-open interval `[start, end)` in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

export type DefaultMode = 'open' | 'closed';
export type RuleEvaluationOrder = 'priority_asc' | 'priority_desc' | 'specificity_then_priority';
export type ConflictMode = 'priority_wins' | 'unavailable_wins' | 'available_wins' | 'most_restrictive_wins';
export type ResourceType = 'host' | 'company_host' | 'asset' | 'venue';

/** `calendars` row. */
export interface CalendarInput {
  id: string;
  name?: string;
  /** IANA zone. */
  timezone: string;
  slotDurationMin: number;
  slotIntervalMin: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  minLeadTimeMin: number;
  maxHorizonDays: number;
  defaultMode: DefaultMode;
  ruleEvaluationOrder: RuleEvaluationOrder;
  conflictMode: ConflictMode;
  /** `inactive` calendars open nothing. */
  status?: 'active' | 'inactive';
}

/** `calendar_bindings` row. */
export interface CalendarBindingInput {
  calendarId: string;
  ownerType: 'resource' | 'service' | 'service_product' | 'offer' | 'offer_version' | 'location' | 'custom_subject';
  resourceId?: string | null;
  offerId?: string | null;
  offerVersionId?: string | null;
  locationId?: string | null;
  isPrimary?: boolean;
  isActive?: boolean;
}

/** `calendar_overlays` row. */
export interface OverlayInput {
  id: string;
  calendarId: string;
  kind: 'base' | 'blackout' | 'seasonal' | 'maintenance' | 'emergency' | 'promo';
  name: string;
  /** Higher overrides lower. */
  priority: number;
  effectiveStartAt?: TimeInput | null;
  effectiveEndAt?: TimeInput | null;
  isActive?: boolean;
}

export type RuleKind = 'weekly_recurring' | 'date_range' | 'timestamp_range';
export type RuleAction = 'available' | 'unavailable' | 'override_hours' | 'special_pricing' | 'capacity_adjustment';

/** `availability_rules` row. */
export interface RuleInput {
  id: string;
  calendarId: string;
  overlayId?: string | null;
  name: string;
  kind: RuleKind;
  action: RuleAction;
  /** 0 = Sunday .. 6 = Saturday. */
  dayOfWeek?: number | null;
  /** Local dates `YYYY-MM-DD` in the calendar's zone. */
  startDate?: string | null;
  endDate?: string | null;
  /** Local wall-clock times `HH:MM[:SS]` (`24:00` allowed as an end); NULL both = the whole day. */
  startTime?: string | null;
  endTime?: string | null;
  startsAt?: TimeInput | null;
  endsAt?: TimeInput | null;
  capacityDelta?: number | null;
  priority: number;
  isActive?: boolean;
}

/** `resources` row. */
export interface ResourceInput {
  id: string;
  name: string;
  type: ResourceType;
  locationId: string;
  bufferBeforeMin?: number;
  bufferAfterMin?: number;
  isActive?: boolean;
  /** false when the resource's status definition is not bookable. */
  isBookable?: boolean;
  /** The resource takes several bookings at once (a class room, an instructor teaching a group). */
  allowSimultaneousBookings?: boolean;
  /** With `allowSimultaneousBookings`: at most this many concurrent occupancies; NULL = no limit. */
  maxSimultaneousBookings?: number | null;
}

/** `resource_capability_assignments` row. */
export interface CapabilityAssignmentInput {
  resourceId: string;
  capabilityTemplateId: string;
  proficiencyScore?: number | null;
  validFrom?: TimeInput | null;
  validTo?: TimeInput | null;
}

/** `offer_versions` row. */
export interface OfferVersionInput {
  id: string;
  offerId?: string;
  durationMin?: number | null;
  /** Seats per session for classes; NULL = one customer per slot. */
  capacity?: number | null;
}

/** `offer_components` row. */
export interface OfferComponentInput {
  id: string;
  name: string;
  targetType: ResourceType;
  mode?: 'required' | 'optional';
  selectorMatchMode?: 'any' | 'all';
  minQuantity?: number;
  sortOrder?: number;
}

export type SelectorType = 'any' | 'resource' | 'resource_type' | 'capability_template' | 'location' | 'custom_subject';

/** `offer_component_selectors` row. */
export interface SelectorInput {
  componentId: string;
  selectorType: SelectorType;
  resourceId?: string | null;
  resourceType?: ResourceType | null;
  capabilityTemplateId?: string | null;
  locationId?: string | null;
  /** Higher = preferred. */
  weight?: number;
}

/**
 * Something that occupies a resource or a seat: a live `fulfillment_assignments` row (reserved,
 * confirmed, in_progress) or an active `booking_holds` row. Rows with another status are ignored.
 */
export interface BusyInterval {
  /** The assignment or hold id. */
  id: string;
  kind?: 'assignment' | 'hold';
  /** The booking order (or hold) it belongs to: named in explanations and used to count seats once. */
  bookingId?: string | null;
  /** NULL for a seat hold on a class that names no resource. */
  resourceId?: string | null;
  startsAt: TimeInput;
  endsAt: TimeInput;
  /** Blocked range including buffers; NULL = startsAt/endsAt. */
  occupiedStartAt?: TimeInput | null;
  occupiedEndAt?: TimeInput | null;
  conflictPolicy?: 'enforce_no_overlap' | 'allow_overlap';
  /**
   * Rows with the same key are one occupancy (the seats of one class session share the room); NULL =
   * derived: `class:<offer version>:<start ms>` for an `allow_overlap` seat, else the booking.
   */
  occupancyKey?: string | null;
  /** The booking's (or hold's) location, for location members of capacity pools. */
  locationId?: string | null;
  /** For seat bookings: the class's offer version, so seats at a start can be counted. */
  offerVersionId?: string | null;
  seats?: number;
  status?: string;
  /** Holds: an expired hold no longer blocks. */
  expiresAt?: TimeInput | null;
  /** Human label for explanations (e.g. the customer or booking code). */
  label?: string;
}

/** `capacity_pools` row: members together take at most `totalCapacity + overbookCapacity` units at once. */
export interface CapacityPoolInput {
  id: string;
  name: string;
  /** Only `active` pools limit anything. */
  status?: 'active' | 'inactive' | 'archived';
  totalCapacity: number;
  overbookCapacity?: number;
}

/** `capacity_pool_members` row. */
export interface CapacityPoolMemberInput {
  capacityPoolId: string;
  memberType: 'resource' | 'offer_version' | 'location' | 'custom_subject';
  resourceId?: string | null;
  offerVersionId?: string | null;
  locationId?: string | null;
  /** Units one booking (per seat) of this member consumes; default 1. */
  capacityWeight?: number;
  /** Units set aside for bookings of this member only; default 0. */
  reservedCapacity?: number;
}

/** The data the engine works over: calendars and their rules, resources and what occupies them. */
export interface AvailabilityData {
  calendars: CalendarInput[];
  calendarBindings: CalendarBindingInput[];
  overlays?: OverlayInput[];
  rules: RuleInput[];
  resources: ResourceInput[];
  capabilityAssignments?: CapabilityAssignmentInput[];
  busy: BusyInterval[];
  capacityPools?: CapacityPoolInput[];
  capacityPoolMembers?: CapacityPoolMemberInput[];
}

/** What is being booked. */
export interface OfferQuery {
  offerVersion: OfferVersionInput;
  components: OfferComponentInput[];
  selectors: SelectorInput[];
  /** Only resources whose home location is this one. */
  locationId?: string;
  /** Only these resources may be used. */
  resourceIds?: string[];
  /** Seats wanted (classes); default 1. */
  seats?: number;
  /** Use this calendar for the slot grid, lead time and horizon instead of the resolved one. */
  calendarId?: string;
}

export interface FindSlotsInput extends AvailabilityData, OfferQuery {
  /** The current time (device clock offline, server clock at commit). */
  now: TimeInput;
  /** Slot starts are searched in `[start, end)`. */
  range: { start: TimeInput; end: TimeInput };
}

export interface SlotComponent {
  componentId: string;
  name: string;
  /** Free qualified resources, best first. */
  candidates: string[];
  /** The distinct resources the engine would assign (min_quantity of them). */
  assigned: string[];
}

export interface Slot {
  startMs: number;
  endMs: number;
  /** ISO-8601 UTC. */
  start: string;
  end: string;
  components: SlotComponent[];
  /** Seats left for classes (after the requested seats are NOT yet taken); null for one-customer offers. */
  remainingSeats: number | null;
}

/**
 * Slot search: which starts of an offer version can be booked, and with which resources.
 *
 * - Governing calendar (slot grid, lead time, horizon, calendar buffers): `input.calendarId`, else the
 *   calendar bound to the offer version, else to the offer, else to `input.locationId`, else the
 *   calendar most of the candidate resources are bound to (ties by id).
 * - Each resource follows its own primary resource calendar (or the governing one if it has none).
 *   The service span `[start, end)` must lie in the open time of every assigned resource (and of an
 *   explicitly bound offer/location calendar); buffers may reach outside open hours.
 * - Slot starts lie on a grid of `slot_interval_min` anchored at each local midnight of the governing
 *   calendar's zone, stepped in elapsed time (so a repeated fall-back hour yields two distinct starts
 *   and no start falls in a spring-forward gap).
 * - A resource is free when its occupied span `[start − before, end + after)` overlaps no live busy
 *   interval's occupied span (half-open: touching is fine). Buffers = the larger of the governing
 *   calendar's and the resource's own.
 * - Classes (offer version capacity set): available while seats booked at that start (+ capacity
 *   adjustments) leave room for the seats wanted; the seats of one session share their resources (one
 *   occupancy key, pools.ts), so they do not block their own class (they do block anything else).
 * - A resource that allows simultaneous bookings is free while fewer than `max_simultaneous_bookings`
 *   distinct occupancies overlap the buffered span at any instant (pools.ts).
 * - Capacity pools (pools.ts): a start whose booking would overflow a pool it draws on is not offered;
 *   a resource whose membership would overflow a pool is not a free candidate.
 * - All required components are satisfied together by distinct resources (bipartite matching); the
 *   candidates are listed best first: selector weight, resources already serving that class session,
 *   proficiency, name, id.
 */
import { type CalendarEvaluation, clockFor, covers, evaluateCalendar } from './calendar';
import {
  checkPool,
  classKey,
  occupancyKeyOf,
  occupancyLimit,
  type PoolState,
  type PoolVerdict,
  peakOccupancy,
  poolBookingsFromBusy,
  preparePools,
} from './pools';
import { DAY, iso, MIN, toMs, toMsOrNull } from './time';
import type {
  AvailabilityData,
  BusyInterval,
  CalendarInput,
  FindSlotsInput,
  Interval,
  OfferComponentInput,
  OfferQuery,
  ResourceInput,
  Slot,
  SlotComponent,
} from './types';

const LIVE = new Set(['reserved', 'confirmed', 'in_progress', 'active']);

export interface BusyRef extends Interval {
  b: BusyInterval;
  startsAt: number;
  /** Occupancy key (pools.ts `occupancyKeyOf`). */
  key: string;
}

export interface PreparedResource {
  resource: ResourceInput;
  calendar: CalendarInput | null;
  evaluation: CalendarEvaluation | null;
  open: Interval[];
  beforeMs: number;
  afterMs: number;
  /** Blocking occupied spans, merged, sorted (shared resources: where they are at their limit). */
  hard: Interval[];
  /** Blocking busy intervals, sorted by occupied start (for explanations). */
  hardRaw: BusyRef[];
  /** Seats of the searched class (exclusive resources): they block unless of the same session. */
  own: BusyRef[];
  /** Concurrent occupancies allowed: 1 = exclusive; more when simultaneous bookings are allowed. */
  limit: number;
  /** Shared resources (limit > 1): every live occupancy, sorted by occupied start. */
  occupants: BusyRef[];
}

export interface Candidate {
  r: PreparedResource;
  weight: number;
  proficiency: number;
  validFrom: number;
  validTo: number;
}

export interface PreparedComponent {
  component: OfferComponentInput;
  units: number;
  candidates: Candidate[];
}

export interface Prepared {
  nowMs: number;
  range: Interval;
  calendar: CalendarInput | null;
  calendarSource: 'input' | 'offer_version' | 'offer' | 'location' | 'resources' | 'none';
  evaluation: CalendarEvaluation | null;
  /** Where slot starts may be generated. */
  windows: Interval[];
  /** Whether the governing calendar's hours must also cover the slot (explicitly bound calendars). */
  checkGoverning: boolean;
  durationMs: number;
  stepMs: number;
  leadMs: number;
  horizonMs: number;
  capacity: number | null;
  seatsWanted: number;
  /** Class seats booked per start (ms) and the bookings holding them. */
  seatsAt: Map<number, { booked: number; bookings: string[] }>;
  components: PreparedComponent[];
  resources: Map<string, PreparedResource>;
  offerVersionId: string | null;
  /** Active capacity pools with the bookings drawing on them. */
  pools: PoolState[];
  /** The searched booking's own location (pool location members). */
  locationId: string | null;
}

export type PrepareInput = AvailabilityData & Partial<OfferQuery> & { now: FindSlotsInput['now'] };

function isLive(b: BusyInterval, nowMs: number): boolean {
  if (b.status !== undefined && !LIVE.has(b.status)) return false;
  const exp = toMsOrNull(b.expiresAt);
  return exp === null || exp > nowMs;
}

function byName(a: ResourceInput, b: ResourceInput): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Builds every index a search needs: calendars evaluated once, busy intervals sorted per resource. */
export function prepare(input: PrepareInput, range: Interval): Prepared {
  const nowMs = toMs(input.now);
  const ov = input.offerVersion ?? null;
  const calendarsById = new Map(input.calendars.map((c) => [c.id, c]));
  const bindings = input.calendarBindings.filter((b) => b.isActive !== false);
  const resourceCalendarId = new Map<string, string>();
  for (const b of [...bindings].sort((x, y) => Number(y.isPrimary !== false) - Number(x.isPrimary !== false))) {
    if (b.ownerType === 'resource' && b.resourceId && !resourceCalendarId.has(b.resourceId)) {
      if (calendarsById.has(b.calendarId)) resourceCalendarId.set(b.resourceId, b.calendarId);
    }
  }

  // Candidate resources per component.
  const capByResource = new Map<string, Map<string, { score: number; from: number; to: number }>>();
  for (const a of input.capabilityAssignments ?? []) {
    let m = capByResource.get(a.resourceId);
    if (!m) {
      m = new Map();
      capByResource.set(a.resourceId, m);
    }
    m.set(a.capabilityTemplateId, {
      score: a.proficiencyScore ?? 0,
      from: toMsOrNull(a.validFrom) ?? -8.64e15,
      to: toMsOrNull(a.validTo) ?? 8.64e15,
    });
  }
  const allowed = input.resourceIds ? new Set(input.resourceIds) : null;
  const usable = input.resources
    .filter(
      (r) =>
        r.isActive !== false &&
        r.isBookable !== false &&
        (!allowed || allowed.has(r.id)) &&
        (!input.locationId || r.locationId === input.locationId),
    )
    .sort(byName);

  const rawComponents: {
    component: OfferComponentInput;
    units: number;
    cands: Omit<Candidate, 'r'>[];
    rs: ResourceInput[];
  }[] = [];
  const components = [...(input.components ?? [])].sort(
    (a, b) => (a.sortOrder ?? 100) - (b.sortOrder ?? 100) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const component of components) {
    const sels = (input.selectors ?? []).filter((s) => s.componentId === component.id);
    const cands: Omit<Candidate, 'r'>[] = [];
    const rs: ResourceInput[] = [];
    for (const r of usable) {
      if (r.type !== component.targetType) continue;
      let matched = 0;
      let weight = 0;
      let proficiency = 0;
      let from = -8.64e15;
      let to = 8.64e15;
      for (const s of sels) {
        let ok = false;
        switch (s.selectorType) {
          case 'any':
            ok = true;
            break;
          case 'resource':
            ok = s.resourceId === r.id;
            break;
          case 'resource_type':
            ok = s.resourceType === r.type;
            break;
          case 'location':
            ok = s.locationId === r.locationId;
            break;
          case 'capability_template': {
            const c = s.capabilityTemplateId ? capByResource.get(r.id)?.get(s.capabilityTemplateId) : undefined;
            if (c) {
              ok = true;
              proficiency = Math.max(proficiency, c.score);
              from = Math.max(from, c.from);
              to = Math.min(to, c.to);
            }
            break;
          }
          default:
            ok = false;
        }
        if (ok) {
          matched++;
          weight = Math.max(weight, s.weight ?? 100);
        }
      }
      const mode = component.selectorMatchMode ?? 'any';
      const pass = sels.length === 0 ? true : mode === 'all' ? matched === sels.length : matched > 0;
      if (!pass) continue;
      if (sels.length === 0) weight = 100;
      cands.push({ weight, proficiency, validFrom: from, validTo: to });
      rs.push(r);
    }
    const units = component.mode === 'optional' ? 0 : Math.max(1, component.minQuantity ?? 1);
    rawComponents.push({ component, units, cands, rs });
  }
  const relevant = ov ? rawComponents.flatMap((c) => c.rs) : usable;

  // Governing calendar.
  let calendarSource: Prepared['calendarSource'] = 'none';
  let calendar: CalendarInput | null = null;
  const bound = (pred: (b: (typeof bindings)[number]) => boolean) => {
    const b = bindings.find((x) => pred(x) && calendarsById.has(x.calendarId));
    return b ? calendarsById.get(b.calendarId)! : null;
  };
  const byVersion = ov ? bound((b) => b.ownerType === 'offer_version' && b.offerVersionId === ov.id) : null;
  const byOffer = ov?.offerId ? bound((b) => b.ownerType === 'offer' && b.offerId === ov.offerId) : null;
  const byLocation = input.locationId
    ? bound((b) => b.ownerType === 'location' && b.locationId === input.locationId)
    : null;
  if (input.calendarId && calendarsById.has(input.calendarId)) {
    calendar = calendarsById.get(input.calendarId)!;
    calendarSource = 'input';
  } else if (byVersion) {
    calendar = byVersion;
    calendarSource = 'offer_version';
  } else if (byOffer) {
    calendar = byOffer;
    calendarSource = 'offer';
  } else if (byLocation) {
    calendar = byLocation;
    calendarSource = 'location';
  } else {
    const counts = new Map<string, number>();
    for (const r of relevant) {
      const c = resourceCalendarId.get(r.id);
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let best: string | null = null;
    for (const [id, n] of counts) {
      if (best === null || n > counts.get(best)! || (n === counts.get(best)! && id < best)) best = id;
    }
    if (best) {
      calendar = calendarsById.get(best)!;
      calendarSource = 'resources';
    }
  }

  const durationMs = (ov?.durationMin ?? calendar?.slotDurationMin ?? 60) * MIN;
  const evalRange = { start: range.start, end: range.end + durationMs };
  const evaluations = new Map<string, CalendarEvaluation>();
  const evaluate = (c: CalendarInput) => {
    let ev = evaluations.get(c.id);
    if (!ev) {
      ev = evaluateCalendar(c, input.rules, input.overlays ?? [], evalRange);
      evaluations.set(c.id, ev);
    }
    return ev;
  };
  const evaluation = calendar ? evaluate(calendar) : null;

  // Busy intervals per resource.
  const busyByResource = new Map<string, BusyInterval[]>();
  const seatsAt = new Map<number, { booked: number; bookings: string[] }>();
  const seatKeys = new Map<number, Map<string, number>>();
  for (const b of input.busy) {
    if (!isLive(b, nowMs)) continue;
    if (b.resourceId) {
      let l = busyByResource.get(b.resourceId);
      if (!l) {
        l = [];
        busyByResource.set(b.resourceId, l);
      }
      l.push(b);
    }
    if (ov && b.offerVersionId === ov.id) {
      const s = toMs(b.startsAt);
      let m = seatKeys.get(s);
      if (!m) {
        m = new Map();
        seatKeys.set(s, m);
      }
      const key = b.bookingId ?? b.id;
      m.set(key, Math.max(m.get(key) ?? 0, b.seats ?? 1));
    }
  }
  for (const [s, m] of seatKeys) {
    let booked = 0;
    for (const n of m.values()) booked += n;
    seatsAt.set(s, { booked, bookings: [...m.keys()].sort() });
  }

  const resources = new Map<string, PreparedResource>();
  const ownPrefix = ov ? classKey(ov.id, 0).slice(0, -1) : null;
  const calBefore = (calendar?.bufferBeforeMin ?? 0) * MIN;
  const calAfter = (calendar?.bufferAfterMin ?? 0) * MIN;
  for (const r of relevant) {
    if (resources.has(r.id)) continue;
    const cid = resourceCalendarId.get(r.id);
    const rc = cid ? calendarsById.get(cid)! : calendar;
    const ev = rc ? evaluate(rc) : null;
    const hardRaw: BusyRef[] = [];
    const own: BusyRef[] = [];
    for (const b of busyByResource.get(r.id) ?? []) {
      const ref: BusyRef = {
        start: toMs(b.occupiedStartAt ?? b.startsAt),
        end: toMs(b.occupiedEndAt ?? b.endsAt),
        startsAt: toMs(b.startsAt),
        b,
        key: occupancyKeyOf(b),
      };
      if (ownPrefix && ref.key.startsWith(ownPrefix)) own.push(ref);
      else hardRaw.push(ref);
    }
    const limit = occupancyLimit(r);
    const occupants: BusyRef[] = [];
    if (limit > 1) {
      // A shared resource: nothing blocks by itself, only the number of overlapping occupancies.
      occupants.push(...hardRaw, ...own);
      occupants.sort((a, b) => a.start - b.start || a.end - b.end);
      hardRaw.length = 0;
      own.length = 0;
    }
    hardRaw.sort((a, b) => a.start - b.start || a.end - b.end);
    own.sort((a, b) => a.start - b.start || a.end - b.end);
    const hard: Interval[] = [];
    for (const h of limit > 1 ? saturated(occupants, limit) : hardRaw) {
      const last = hard[hard.length - 1];
      if (last && h.start <= last.end) last.end = Math.max(last.end, h.end);
      else hard.push({ start: h.start, end: h.end });
    }
    resources.set(r.id, {
      resource: r,
      calendar: rc,
      evaluation: ev,
      open: ev ? ev.open : [],
      beforeMs: Math.max(calBefore, (r.bufferBeforeMin ?? 0) * MIN),
      afterMs: Math.max(calAfter, (r.bufferAfterMin ?? 0) * MIN),
      hard,
      hardRaw,
      own,
      limit,
      occupants,
    });
  }

  const prepared: PreparedComponent[] = rawComponents.map((c) => {
    const candidates = c.rs.map((r, i) => ({ ...c.cands[i]!, r: resources.get(r.id)! }));
    candidates.sort(
      (a, b) => b.weight - a.weight || b.proficiency - a.proficiency || byName(a.r.resource, b.r.resource),
    );
    return { component: c.component, units: c.units, candidates };
  });

  // Where starts may be generated: the governing calendar's open time if explicitly bound, else the
  // union of the candidate resources' open time.
  const checkGoverning = calendarSource !== 'resources' && calendarSource !== 'none';
  let windows: Interval[] = [];
  if (checkGoverning && evaluation) windows = evaluation.open;
  else {
    const all = [...evaluations.values()].flatMap((e) => e.open).sort((a, b) => a.start - b.start);
    for (const w of all) {
      const last = windows[windows.length - 1];
      if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
      else windows.push({ start: w.start, end: w.end });
    }
  }

  const live = input.busy.filter((b) => isLive(b, nowMs));
  const pools = input.capacityPools?.length
    ? preparePools(
        input.capacityPools,
        input.capacityPoolMembers ?? [],
        poolBookingsFromBusy(live, new Map(input.resources.map((r) => [r.id, r.locationId]))),
      )
    : [];

  return {
    nowMs,
    range,
    calendar,
    calendarSource,
    evaluation,
    windows,
    checkGoverning,
    durationMs,
    stepMs: (calendar?.slotIntervalMin ?? 15) * MIN,
    leadMs: (calendar?.minLeadTimeMin ?? 0) * MIN,
    horizonMs: (calendar?.maxHorizonDays ?? 365) * DAY,
    capacity: ov?.capacity ?? null,
    seatsWanted: input.seats ?? 1,
    seatsAt,
    components: prepared,
    resources,
    offerVersionId: ov?.id ?? null,
    pools,
    locationId: input.locationId ?? null,
  };
}

/** Where a shared resource is at its limit: stretches covered by `limit` or more distinct occupancies. */
function saturated(occupants: BusyRef[], limit: number): Interval[] {
  if (!Number.isFinite(limit) || occupants.length < limit) return [];
  const points = [...new Set(occupants.flatMap((o) => [o.start, o.end]))].sort((a, b) => a - b);
  const out: Interval[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const keys = new Set<string>();
    for (const o of occupants) if (o.start <= a && a < o.end) keys.add(o.key);
    if (keys.size >= limit) out.push({ start: a, end: points[i + 1]! });
  }
  return out;
}

/** The occupancy key a new booking at `start` would have on its resources. */
export function newKey(p: Prepared, start: number): string {
  return p.capacity !== null && p.offerVersionId ? classKey(p.offerVersionId, start) : 'new';
}

/** First index in sorted disjoint intervals with end > t. */
function firstEndingAfter(list: Interval[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Is the resource free (open for the service span, and for the buffered span unoccupied, or under its
 * simultaneous-booking limit) for a booking with occupancy key `key`?
 */
export function resourceFree(r: PreparedResource, start: number, end: number, key: string): boolean {
  if (!covers(r.open, start, end)) return false;
  const os = start - r.beforeMs;
  const oe = end + r.afterMs;
  if (r.limit > 1) {
    if (!Number.isFinite(r.limit)) return true;
    return peakOccupancy(r.occupants, os, oe, key) <= r.limit;
  }
  const i = firstEndingAfter(r.hard, os);
  if (i < r.hard.length && r.hard[i]!.start < oe) return false;
  for (const o of r.own) {
    if (o.start >= oe) break;
    if (o.end > os && o.key !== key) return false;
  }
  return true;
}

/**
 * Pools a booking at `start` with these resources would overflow. With no resources, only the pools the
 * offer version or the searched location draw on.
 */
export function poolsFull(p: Prepared, start: number, resourceIds: string[]): PoolVerdict[] {
  if (p.pools.length === 0) return [];
  const locationIds = p.locationId ? [p.locationId] : [];
  for (const id of resourceIds) {
    const loc = p.resources.get(id)?.resource.locationId;
    if (loc && !locationIds.includes(loc)) locationIds.push(loc);
  }
  const out: PoolVerdict[] = [];
  for (const pool of p.pools) {
    const v = checkPool(pool, {
      start,
      end: start + p.durationMs,
      offerVersionId: p.offerVersionId,
      resourceIds,
      locationIds,
      seats: p.seatsWanted,
    });
    if (v && !v.fits) out.push(v);
  }
  return out;
}

/** Class capacity (with adjustments) at a start; null for one-customer offers. */
export function capacityAt(p: Prepared, start: number): number | null {
  if (p.capacity === null) return null;
  let cap = p.capacity;
  for (const a of p.evaluation?.capacityAdjustments ?? []) if (a.start <= start && start < a.end) cap += a.delta;
  return cap;
}

export function remainingSeatsAt(p: Prepared, start: number): number | null {
  const cap = capacityAt(p, start);
  if (cap === null) return null;
  return cap - (p.seatsAt.get(start)?.booked ?? 0);
}

/** Free candidates per component at a start (best first). */
export function freeCandidates(p: Prepared, start: number): Candidate[][] {
  const end = start + p.durationMs;
  const session = p.capacity !== null ? p.seatsAt.has(start) : false;
  const key = newKey(p, start);
  return p.components.map((c) => {
    const free = c.candidates.filter(
      (k) =>
        k.validFrom <= start &&
        start < k.validTo &&
        resourceFree(k.r, start, end, key) &&
        poolsFull(p, start, [k.r.resource.id]).length === 0,
    );
    if (!session) return free;
    // Resources already serving this class session first.
    const serving = free.filter((k) => [...k.r.own, ...k.r.occupants].some((o) => o.key === key));
    if (serving.length === 0) return free;
    return [...serving, ...free.filter((k) => !serving.includes(k))];
  });
}

/** Distinct resources for every required unit (augmenting paths); null when impossible. */
export function assign(p: Prepared, free: Candidate[][]): string[][] | null {
  const units: number[] = [];
  p.components.forEach((c, i) => {
    for (let k = 0; k < c.units; k++) units.push(i);
  });
  const owner = new Map<string, number>();
  const pick: (string | null)[] = units.map(() => null);
  const tryUnit = (u: number, seen: Set<string>): boolean => {
    // Prefer a free, unclaimed resource (best first) before displacing another unit.
    for (const k of free[units[u]!]!) {
      const id = k.r.resource.id;
      if (!seen.has(id) && !owner.has(id)) {
        seen.add(id);
        owner.set(id, u);
        pick[u] = id;
        return true;
      }
    }
    for (const k of free[units[u]!]!) {
      const id = k.r.resource.id;
      if (seen.has(id)) continue;
      seen.add(id);
      const other = owner.get(id);
      if (other === undefined || tryUnit(other, seen)) {
        owner.set(id, u);
        pick[u] = id;
        return true;
      }
    }
    return false;
  };
  for (let u = 0; u < units.length; u++) if (!tryUnit(u, new Set())) return null;
  const out: string[][] = p.components.map(() => []);
  units.forEach((ci, u) => {
    out[ci]!.push(pick[u]!);
  });
  return out;
}

/** Slot starts on the grid inside the windows and the search range (lead time/horizon not applied). */
export function gridStarts(p: Prepared, from: number, to: number): number[] {
  const out: number[] = [];
  if (!p.calendar || p.windows.length === 0) return out;
  const zoneDays = dayStarts(
    p.calendar.timezone,
    Math.max(from - DAY, p.windows[0]!.start),
    Math.min(to + DAY, p.windows[p.windows.length - 1]!.end),
  );
  let wi = 0;
  for (let d = 0; d + 1 < zoneDays.length; d++) {
    const m = zoneDays[d]!;
    const next = zoneDays[d + 1]!;
    while (wi < p.windows.length && p.windows[wi]!.end <= m) wi++;
    for (let w = wi; w < p.windows.length && p.windows[w]!.start < next; w++) {
      const win = p.windows[w]!;
      const lo = Math.max(win.start, m, from);
      const hi = Math.min(win.end, next, to);
      if (hi <= lo) continue;
      let s = m + Math.ceil((lo - m) / p.stepMs) * p.stepMs;
      for (; s < hi; s += p.stepMs) {
        if (s + p.durationMs > win.end) break;
        out.push(s);
      }
    }
  }
  return out;
}

/** Local midnights (epoch ms) from the day containing `from` to the one after `to`. */
function dayStarts(timeZone: string, from: number, to: number): number[] {
  const clock = clockFor(timeZone);
  const out: number[] = [];
  let d = clock.dateOf(from);
  for (let i = 0; i < 4000; i++) {
    const m = clock.startOfDay(d);
    out.push(m);
    if (m > to) break;
    d = d.add({ days: 1 });
  }
  return out;
}

function checkStart(p: Prepared, s: number): Slot | null {
  const end = s + p.durationMs;
  if (p.checkGoverning && !covers(p.windows, s, end)) return null;
  const remaining = remainingSeatsAt(p, s);
  if (remaining !== null && remaining < p.seatsWanted) return null;
  if (poolsFull(p, s, []).length > 0) return null;
  const free = freeCandidates(p, s);
  const assigned = assign(p, free);
  if (!assigned) return null;
  const components: SlotComponent[] = p.components.map((c, i) => ({
    componentId: c.component.id,
    name: c.component.name,
    candidates: free[i]!.map((k) => k.r.resource.id),
    assigned: assigned[i]!,
  }));
  return { startMs: s, endMs: end, start: iso(s), end: iso(end), components, remainingSeats: remaining };
}

/** Bookable window for starts: the search range ∩ [now + lead time, now + horizon]. */
export function bookableWindow(p: Prepared, range: Interval): Interval {
  return {
    start: Math.max(range.start, p.nowMs + p.leadMs),
    end: Math.min(range.end, p.nowMs + p.horizonMs + 1),
  };
}

/** Bookable slots of an offer version in a range, sorted by start. */
export function findSlots(input: FindSlotsInput): Slot[] {
  const range = { start: toMs(input.range.start), end: toMs(input.range.end) };
  const p = prepare(input, range);
  return slotsFrom(p, range);
}

export function slotsFrom(p: Prepared, range: Interval): Slot[] {
  const w = bookableWindow(p, range);
  if (w.end <= w.start) return [];
  const out: Slot[] = [];
  for (const s of gridStarts(p, w.start, w.end)) {
    const slot = checkStart(p, s);
    if (slot) out.push(slot);
  }
  return out;
}

export function checkSlot(p: Prepared, s: number): Slot | null {
  return checkStart(p, s);
}

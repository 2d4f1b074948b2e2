/**
 * Explanations ("why is 3:00 pm not available?"), walk-in availability and alternatives for a
 * rejected time. Explanations are JSON-safe and map onto `availability_resolution_runs`.
 */
import type { CalendarEvaluation, RuleRef } from './calendar';
import {
  assign,
  type Candidate,
  checkSlot,
  findSlots,
  freeCandidates,
  gridStarts,
  newKey,
  type Prepared,
  type PreparedResource,
  type PrepareInput,
  poolsFull,
  prepare,
  remainingSeatsAt,
  resourceFree,
} from './engine';
import type { PoolVerdict } from './pools';
import { clockLabel, DAY, iso, MIN, toMs } from './time';
import type { FindSlotsInput, Interval, Slot, TimeInput } from './types';

export type ReasonCode =
  | 'no_calendar'
  | 'lead_time'
  | 'horizon'
  | 'off_grid'
  | 'calendar_closed'
  | 'capacity_full'
  | 'pool_full'
  | 'no_candidate'
  | 'capability_not_valid'
  | 'busy'
  | 'resource_conflict'
  | 'resource_free'
  | 'calendar_open';

export interface Reason {
  code: ReasonCode;
  /** false = context only (e.g. which rule opened the time, or a free alternative resource). */
  blocking: boolean;
  message: string;
  componentId?: string;
  resourceId?: string;
  resourceName?: string;
  calendarId?: string;
  rule?: RuleRef;
  busyId?: string;
  bookingId?: string;
  occupiedStart?: string;
  occupiedEnd?: string;
  capacity?: number;
  booked?: number;
  limit?: string;
  poolId?: string;
  poolName?: string;
}

export interface ResolutionRun {
  calendarId: string | null;
  windowStartAt: string;
  windowEndAt: string;
  status: 'available' | 'unavailable';
  requestSnapshot: Record<string, unknown>;
  decisionTrace: Reason[];
  resolvedOutput: Record<string, unknown>;
}

export interface Explanation {
  at: string;
  atMs: number;
  end: string;
  available: boolean;
  /** One line, e.g. "3:00 pm is closed: Thanksgiving (blackout overlay)". */
  sentence: string;
  reasons: Reason[];
  slot: Slot | null;
  calendarId: string | null;
  timezone: string;
  /** Ready to insert into `availability_resolution_runs` (add id, biz id, runtime). */
  resolution: ResolutionRun;
}

export function ruleLabel(rule: RuleRef | null): string {
  if (!rule) return 'outside opening hours';
  if (rule.overlayName) return `${rule.overlayName} (${rule.overlayKind} overlay)`;
  return rule.ruleName;
}

/** The stretch of [start, end) that is closed in an evaluation, if any, and what decided it. */
function closedIn(ev: CalendarEvaluation, start: number, end: number): { rule: RuleRef | null } | null {
  for (const s of ev.segments) {
    if (s.end <= start) continue;
    if (s.start >= end) break;
    if (!s.open) return { rule: s.decidedBy };
  }
  if (ev.segments.length === 0 || ev.segments[0]!.start > start || ev.segments[ev.segments.length - 1]!.end < end) {
    return { rule: null };
  }
  return null;
}

function openedBy(ev: CalendarEvaluation, t: number): RuleRef | null {
  for (const s of ev.segments) if (s.start <= t && t < s.end) return s.decidedBy;
  return null;
}

function candidateReasons(p: Prepared, k: Candidate, start: number, end: number, tz: string): Reason[] {
  const r: PreparedResource = k.r;
  const base = { resourceId: r.resource.id, resourceName: r.resource.name };
  const out: Reason[] = [];
  if (!(k.validFrom <= start && start < k.validTo)) {
    out.push({
      ...base,
      code: 'capability_not_valid',
      blocking: true,
      message: `${r.resource.name}'s qualification is not valid then`,
    });
  }
  if (!r.evaluation) {
    out.push({ ...base, code: 'no_calendar', blocking: true, message: `${r.resource.name} has no calendar` });
  } else {
    const c = closedIn(r.evaluation, start, end);
    if (c) {
      out.push({
        ...base,
        code: 'calendar_closed',
        blocking: true,
        calendarId: r.evaluation.calendarId,
        ...(c.rule ? { rule: c.rule } : {}),
        message: `${r.resource.name} is closed: ${ruleLabel(c.rule)}`,
      });
    }
  }
  const os = start - r.beforeMs;
  const oe = end + r.afterMs;
  if (r.limit > 1 && !resourceFree(r, start, end, newKey(p, start))) {
    // A shared resource at its limit: every overlapping occupancy is part of the reason.
    for (const o of r.occupants) {
      if (o.start >= oe) break;
      if (o.end > os) out.push(busyReason(p, r, o, os, oe, tz));
    }
    const first = out.findIndex((x) => x.code === 'busy');
    if (first >= 0) out[first]!.message += ` (${r.resource.name} takes ${r.limit} at once)`;
  }
  for (const v of poolsFull(p, start, [r.resource.id])) {
    if (poolsFull(p, start, []).some((q) => q.poolId === v.poolId)) continue;
    out.push({ ...base, ...poolReason(v), blocking: true });
  }
  for (const h of r.hardRaw) {
    if (h.start >= oe) break;
    if (h.end <= os) continue;
    out.push(busyReason(p, r, h, os, oe, tz));
  }
  for (const o of r.own) {
    if (o.start >= oe) break;
    if (o.end <= os || o.key === newKey(p, start)) continue;
    out.push(busyReason(p, r, o, os, oe, tz));
  }
  return out;
}

function poolReason(v: PoolVerdict): Reason {
  return {
    code: 'pool_full',
    blocking: true,
    poolId: v.poolId,
    poolName: v.poolName,
    capacity: v.available,
    booked: v.used,
    message: `${v.poolName} is full (${v.used} of ${v.available} in use)`,
  };
}

function busyReason(
  p: Prepared,
  r: PreparedResource,
  h: {
    start: number;
    end: number;
    startsAt: number;
    b: { id: string; bookingId?: string | null; label?: string; endsAt: TimeInput };
  },
  os: number,
  oe: number,
  tz: string,
): Reason {
  const booking = h.b.bookingId ?? h.b.id;
  const bufferNote =
    h.end > toMs(h.b.endsAt) || h.start < h.startsAt
      ? ' incl. its buffer'
      : oe > p.durationMs + os
        ? ' with the buffer of this booking'
        : '';
  return {
    code: 'busy',
    blocking: true,
    resourceId: r.resource.id,
    resourceName: r.resource.name,
    busyId: h.b.id,
    bookingId: booking,
    occupiedStart: iso(h.start),
    occupiedEnd: iso(h.end),
    message: `${r.resource.name} is booked (${h.b.label ?? booking}) ${clockLabel(h.start, tz)}–${clockLabel(h.end, tz)}${bufferNote}`,
  };
}

/** Why a start is (not) bookable: rules, overlays, busy intervals, lead time, horizon, capacity. */
export function explain(input: PrepareInput & Partial<Pick<FindSlotsInput, 'range'>>, at: TimeInput): Explanation {
  const atMs = toMs(at);
  const p = prepare(input, { start: atMs - DAY, end: atMs + DAY });
  const tz = p.calendar?.timezone ?? 'UTC';
  const end = atMs + p.durationMs;
  const reasons: Reason[] = [];
  if (!p.calendar) {
    reasons.push({ code: 'no_calendar', blocking: true, message: 'no calendar governs this offer' });
  } else {
    if (atMs < p.nowMs + p.leadMs) {
      reasons.push({
        code: 'lead_time',
        blocking: true,
        limit: iso(p.nowMs + p.leadMs),
        message: `bookings need ${p.calendar.minLeadTimeMin} min notice`,
      });
    }
    if (atMs > p.nowMs + p.horizonMs) {
      reasons.push({
        code: 'horizon',
        blocking: true,
        limit: iso(p.nowMs + p.horizonMs),
        message: `bookings open ${p.calendar.maxHorizonDays} days ahead`,
      });
    }
    if (p.evaluation) {
      const c = p.checkGoverning ? closedIn(p.evaluation, atMs, end) : null;
      if (c) {
        reasons.push({
          code: 'calendar_closed',
          blocking: true,
          calendarId: p.calendar.id,
          ...(c.rule ? { rule: c.rule } : {}),
          message: `${p.calendar.name ?? 'the calendar'} is closed: ${ruleLabel(c.rule)}`,
        });
      } else {
        const by = openedBy(p.evaluation, atMs);
        if (by) {
          reasons.push({
            code: 'calendar_open',
            blocking: false,
            calendarId: p.calendar.id,
            rule: by,
            message: `opened by ${ruleLabel(by)}`,
          });
        }
      }
    }
    if (!gridStarts(p, atMs, atMs + 1).includes(atMs) && !reasons.some((r) => r.code === 'calendar_closed')) {
      reasons.push({
        code: 'off_grid',
        blocking: true,
        message: `starts are every ${p.calendar.slotIntervalMin} min within open hours`,
      });
    }
  }
  const remaining = remainingSeatsAt(p, atMs);
  if (remaining !== null && remaining < p.seatsWanted) {
    const booked = p.seatsAt.get(atMs)?.booked ?? 0;
    reasons.push({
      code: 'capacity_full',
      blocking: true,
      capacity: booked + remaining,
      booked,
      message: `${booked} of ${booked + remaining} seats booked`,
    });
  }
  for (const v of poolsFull(p, atMs, [])) reasons.push(poolReason(v));
  const free = freeCandidates(p, atMs);
  let componentsOk = true;
  p.components.forEach((c, i) => {
    const f = free[i]!;
    if (c.candidates.length === 0 && c.units > 0) {
      componentsOk = false;
      reasons.push({
        code: 'no_candidate',
        blocking: true,
        componentId: c.component.id,
        message: `no resource qualifies as ${c.component.name}`,
      });
      return;
    }
    const short = f.length < c.units;
    if (short) componentsOk = false;
    for (const k of c.candidates) {
      if (f.includes(k)) {
        reasons.push({
          code: 'resource_free',
          blocking: false,
          componentId: c.component.id,
          resourceId: k.r.resource.id,
          resourceName: k.r.resource.name,
          message: `${k.r.resource.name} is free`,
        });
        continue;
      }
      for (const r of candidateReasons(p, k, atMs, end, tz)) {
        reasons.push({ ...r, componentId: c.component.id, blocking: short && r.blocking });
      }
    }
  });
  if (componentsOk && !assign(p, free)) {
    reasons.push({
      code: 'resource_conflict',
      blocking: true,
      message: 'the free resources cannot cover every component with distinct resources',
    });
  }
  const blocking = reasons.filter((r) => r.blocking);
  const available = blocking.length === 0;
  const slot = available ? checkSlot(p, atMs) : null;
  const sentence = sentenceFor(atMs, tz, available, blocking, slot, p);
  const resolution: ResolutionRun = {
    calendarId: p.calendar?.id ?? null,
    windowStartAt: iso(atMs),
    windowEndAt: iso(end),
    status: available ? 'available' : 'unavailable',
    requestSnapshot: {
      offerVersionId: p.offerVersionId,
      at: iso(atMs),
      now: iso(p.nowMs),
      seats: p.seatsWanted,
      ...(input.locationId ? { locationId: input.locationId } : {}),
      ...(input.resourceIds ? { resourceIds: input.resourceIds } : {}),
    },
    decisionTrace: reasons,
    resolvedOutput: { available, sentence, slot },
  };
  return {
    at: iso(atMs),
    atMs,
    end: iso(end),
    available,
    sentence,
    reasons,
    slot,
    calendarId: p.calendar?.id ?? null,
    timezone: tz,
    resolution,
  };
}

const PRECEDENCE: ReasonCode[] = [
  'no_calendar',
  'calendar_closed',
  'lead_time',
  'horizon',
  'capacity_full',
  'pool_full',
  'busy',
  'capability_not_valid',
  'no_candidate',
  'resource_conflict',
  'off_grid',
];

function sentenceFor(
  atMs: number,
  tz: string,
  available: boolean,
  blocking: Reason[],
  slot: Slot | null,
  p: Prepared,
): string {
  const when = clockLabel(atMs, tz);
  if (available) {
    const names = (slot?.components ?? [])
      .flatMap((c) => c.assigned)
      .map((id) => p.resources.get(id)?.resource.name ?? id);
    const seats = slot?.remainingSeats != null ? ` (${slot.remainingSeats} seats left)` : '';
    return `${when} is available${names.length ? ` with ${names.join(' and ')}` : ''}${seats}`;
  }
  const top = [...blocking].sort((a, b) => PRECEDENCE.indexOf(a.code) - PRECEDENCE.indexOf(b.code))[0]!;
  switch (top.code) {
    case 'calendar_closed':
      return `${when} is closed: ${ruleLabel(top.rule ?? null)}`;
    case 'lead_time':
      return `${when} is too soon: ${top.message}`;
    case 'horizon':
      return `${when} is too far ahead: ${top.message}`;
    case 'capacity_full':
    case 'pool_full':
      return `${when} is full: ${top.message}`;
    case 'busy':
      return `${when} is taken: ${top.message}`;
    default:
      return `${when} is not available: ${top.message}`;
  }
}

export interface FreeResource {
  resourceId: string;
  name: string;
  /** When it becomes free (≥ now). */
  freeFrom: string;
  freeFromMs: number;
  /** When that free stretch ends (next booking with buffers, or closing time). */
  freeUntil: string;
  freeUntilMs: number;
  freeForMin: number;
  /** Components (of the offer, if one was given) it qualifies for. */
  componentIds: string[];
}

/**
 * Resources free now or within the next `windowMin` minutes, for walk-ins (no lead time): each with the
 * first free stretch long enough for `durationMin` (default: the offer's duration, else 1 minute),
 * sorted by when it frees up, then by how long it stays free, then by name.
 */
export function freeNow(
  input: Omit<PrepareInput, 'now'> & { now?: TimeInput },
  now: TimeInput,
  windowMin: number,
  opts: { durationMin?: number } = {},
): FreeResource[] {
  const nowMs = toMs(now);
  const horizon = nowMs + windowMin * MIN + DAY;
  const p = prepare({ ...input, now: nowMs }, { start: nowMs, end: horizon });
  const need = (opts.durationMin ?? input.offerVersion?.durationMin ?? 1) * MIN;
  const latest = nowMs + windowMin * MIN;
  const qualifies = new Map<string, string[]>();
  for (const c of p.components) {
    for (const k of c.candidates) {
      const l = qualifies.get(k.r.resource.id) ?? [];
      l.push(c.component.id);
      qualifies.set(k.r.resource.id, l);
    }
  }
  const out: FreeResource[] = [];
  for (const r of p.resources.values()) {
    // Blocked = busy widened so that a new booking's own buffers fit: [start − after, end + before).
    const blocked: Interval[] = (r.limit > 1 ? r.hard : [...r.hardRaw, ...r.own])
      .map((h) => ({ start: h.start - r.afterMs, end: h.end + r.beforeMs }))
      .sort((a, b) => a.start - b.start);
    for (const o of r.open) {
      if (o.end <= nowMs) continue;
      if (o.start > latest) break;
      let cursor = Math.max(o.start, nowMs);
      let found: Interval | null = null;
      for (const b of blocked) {
        if (b.end <= cursor) continue;
        if (b.start >= o.end) break;
        if (b.start - cursor >= need) {
          found = { start: cursor, end: b.start };
          break;
        }
        cursor = Math.max(cursor, b.end);
        if (cursor > latest) break;
      }
      if (!found && cursor <= latest && o.end - cursor >= need) found = { start: cursor, end: o.end };
      if (found && found.start <= latest) {
        out.push({
          resourceId: r.resource.id,
          name: r.resource.name,
          freeFrom: iso(found.start),
          freeFromMs: found.start,
          freeUntil: iso(found.end),
          freeUntilMs: found.end,
          freeForMin: Math.floor((found.end - found.start) / MIN),
          componentIds: qualifies.get(r.resource.id) ?? [],
        });
        break;
      }
    }
  }
  return out.sort(
    (a, b) =>
      a.freeFromMs - b.freeFromMs ||
      b.freeUntilMs - a.freeUntilMs ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : a.resourceId < b.resourceId ? -1 : 1),
  );
}

export interface Alternatives {
  /** The nearest bookable slots around the wanted start (closest first; earlier wins a tie). */
  slots: Slot[];
  /** Per component, the qualified resources free at the wanted start (best first). */
  resourcesAtWanted: { componentId: string; name: string; resourceIds: string[] }[];
}

/** Nearest free slots around a rejected time and other qualified resources for that time. */
export function alternatives(input: Omit<FindSlotsInput, 'range'>, wantedStart: TimeInput, n: number): Alternatives {
  const wanted = toMs(wantedStart);
  let slots: Slot[] = [];
  for (const days of [3, 14, 60]) {
    slots = findSlots({ ...input, range: { start: wanted - days * DAY, end: wanted + days * DAY } }).filter(
      (s) => s.startMs !== wanted,
    );
    if (slots.length >= n) break;
  }
  slots.sort((a, b) => Math.abs(a.startMs - wanted) - Math.abs(b.startMs - wanted) || a.startMs - b.startMs);
  const p = prepare(input, { start: wanted - DAY, end: wanted + DAY });
  const free = freeCandidates(p, wanted);
  return {
    slots: slots.slice(0, n),
    resourcesAtWanted: p.components.map((c, i) => ({
      componentId: c.component.id,
      name: c.component.name,
      resourceIds: free[i]!.map((k) => k.r.resource.id),
    })),
  };
}

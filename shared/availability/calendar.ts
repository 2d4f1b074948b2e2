/**
 * Calendar evaluation: the open time of one calendar over a UTC range, from its default mode, its
 * rules and its overlays.
 *
 * Evaluation order (later in the order = higher precedence, "painted on top"):
 * - base rules (no overlay) come first, then each active overlay's rules, overlays by ascending overlay
 *   priority (a higher overlay priority overrides a lower one);
 * - within a layer, by `rule_evaluation_order`: `priority_asc` (lower priority first, so the highest
 *   priority number has the last word), `priority_desc` (the reverse), `specificity_then_priority`
 *   (weekly_recurring < date_range < timestamp_range, then priority ascending); ties by rule id.
 *
 * Conflict modes, for each stretch of time matched by several rules:
 * - `priority_wins`: the last matching rule in evaluation order decides;
 * - `unavailable_wins`: closed if any matching rule closes it, else open if any opens it;
 * - `available_wins`: open if any matching rule opens it, else closed if any closes it;
 * - `most_restrictive_wins`: like unavailable_wins, and in addition `override_hours` can only shrink
 *   hours (its window alone does not open time nothing else opens).
 * Time no rule matches follows `default_mode`. An inactive calendar opens nothing.
 *
 * `override_hours` on a local day means "open exactly in this window that day": it votes open inside
 * its window and closed for the rest of that local day. A `date_range` rule with times applies its
 * window on each date of the range; without times it covers the whole dates.
 */
import type { Temporal } from 'temporal-polyfill';
import { parseTimeMin, toMsOrNull, ZoneClock } from './time';
import type { CalendarInput, Interval, OverlayInput, RuleInput } from './types';

/** Which rule (and overlay) a decision came from; JSON-safe. */
export interface RuleRef {
  ruleId: string;
  ruleName: string;
  action: RuleInput['action'];
  kind: RuleInput['kind'];
  overlayId?: string;
  overlayName?: string;
  overlayKind?: OverlayInput['kind'];
}

export interface CalendarSegment extends Interval {
  open: boolean;
  /** The rule whose vote decided; null = the calendar's default mode. */
  decidedBy: RuleRef | null;
  /** Every rule matching this stretch, in evaluation order. */
  matched: RuleRef[];
}

export interface CapacityAdjustment extends Interval {
  delta: number;
  rule: RuleRef;
}

export interface CalendarEvaluation {
  calendarId: string;
  range: Interval;
  /** Consecutive stretches covering the range, each open or closed, with its deciding rule. */
  segments: CalendarSegment[];
  /** The merged open intervals (sorted, disjoint, non-adjacent). */
  open: Interval[];
  capacityAdjustments: CapacityAdjustment[];
}

interface PreparedRule {
  rule: RuleInput;
  ref: RuleRef;
  order: number;
  window: Interval | null;
}

interface Piece extends Interval {
  r: PreparedRule;
  open: boolean;
  /** An override_hours "open" vote: under most_restrictive_wins it cannot open time by itself. */
  weak: boolean;
}

const SPECIFICITY: Record<RuleInput['kind'], number> = { weekly_recurring: 1, date_range: 2, timestamp_range: 3 };

const clocks = new Map<string, ZoneClock>();
/** One ZoneClock (with its caches) per zone; caches hold pure functions of (date, time, zone). */
export function clockFor(timeZone: string): ZoneClock {
  let c = clocks.get(timeZone);
  if (!c) {
    if (clocks.size > 64) clocks.clear();
    c = new ZoneClock(timeZone);
    clocks.set(timeZone, c);
  }
  return c;
}

function orderRules(calendar: CalendarInput, rules: RuleInput[], overlays: OverlayInput[]): PreparedRule[] {
  const activeOverlays = overlays
    .filter((o) => o.calendarId === calendar.id && o.isActive !== false)
    .sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const layerOf = new Map<string, { layer: number; overlay: OverlayInput }>();
  activeOverlays.forEach((overlay, i) => {
    layerOf.set(overlay.id, { layer: i + 1, overlay });
  });
  const prepared: { p: PreparedRule; layer: number }[] = [];
  for (const rule of rules) {
    if (rule.calendarId !== calendar.id || rule.isActive === false) continue;
    let layer = 0;
    let window: Interval | null = null;
    const ref: RuleRef = { ruleId: rule.id, ruleName: rule.name, action: rule.action, kind: rule.kind };
    if (rule.overlayId) {
      const l = layerOf.get(rule.overlayId);
      if (!l) continue; // inactive or unknown overlay
      layer = l.layer;
      ref.overlayId = l.overlay.id;
      ref.overlayName = l.overlay.name;
      ref.overlayKind = l.overlay.kind;
      const ws = toMsOrNull(l.overlay.effectiveStartAt);
      const we = toMsOrNull(l.overlay.effectiveEndAt);
      if (ws !== null || we !== null) window = { start: ws ?? -8.64e15, end: we ?? 8.64e15 };
    }
    prepared.push({ p: { rule, ref, order: 0, window }, layer });
  }
  const mode = calendar.ruleEvaluationOrder;
  prepared.sort((a, b) => {
    if (a.layer !== b.layer) return a.layer - b.layer;
    const ra = a.p.rule;
    const rb = b.p.rule;
    if (mode === 'specificity_then_priority') {
      const d = SPECIFICITY[ra.kind] - SPECIFICITY[rb.kind];
      if (d !== 0) return d;
    }
    const pd = mode === 'priority_desc' ? rb.priority - ra.priority : ra.priority - rb.priority;
    if (pd !== 0) return pd;
    return ra.id < rb.id ? -1 : ra.id > rb.id ? 1 : 0;
  });
  return prepared.map((x, i) => {
    x.p.order = i;
    return x.p;
  });
}

/** Local dates whose day may intersect the range. */
function datesOf(clock: ZoneClock, range: Interval): Temporal.PlainDate[] {
  const out: Temporal.PlainDate[] = [];
  let d = clock.dateOf(range.start);
  const last = clock.dateOf(range.end - 1);
  while (d.toString() <= last.toString() || out.length === 0) {
    out.push(d);
    if (out.length > 4000) break;
    d = d.add({ days: 1 });
  }
  return out;
}

function dowOf(date: Temporal.PlainDate): number {
  return date.dayOfWeek % 7; // Temporal: 1 = Monday .. 7 = Sunday → 0 = Sunday .. 6 = Saturday
}

function pushClipped(out: Piece[], p: Piece, range: Interval) {
  let start = Math.max(p.start, range.start);
  let end = Math.min(p.end, range.end);
  if (p.r.window) {
    start = Math.max(start, p.r.window.start);
    end = Math.min(end, p.r.window.end);
  }
  if (end > start) out.push({ ...p, start, end });
}

function piecesOf(p: PreparedRule, clock: ZoneClock, dates: Temporal.PlainDate[], range: Interval, out: Piece[]) {
  const { rule } = p;
  const action = rule.action;
  if (action !== 'available' && action !== 'unavailable' && action !== 'override_hours') return;
  const open = action !== 'unavailable';
  const weak = action === 'override_hours';
  if (rule.kind === 'timestamp_range') {
    const s = toMsOrNull(rule.startsAt);
    const e = toMsOrNull(rule.endsAt);
    if (s === null || e === null) return;
    pushClipped(out, { start: s, end: e, r: p, open, weak }, range);
    return;
  }
  const startMin = rule.startTime ? parseTimeMin(rule.startTime) : 0;
  const endMin = rule.endTime ? parseTimeMin(rule.endTime) : 1440;
  for (const date of dates) {
    const ds = date.toString();
    if (rule.kind === 'weekly_recurring') {
      if (rule.dayOfWeek !== dowOf(date)) continue;
    }
    if (rule.startDate && ds < rule.startDate) continue;
    if (rule.endDate && ds > rule.endDate) continue;
    const s = clock.at(date, startMin, 'start');
    const e = endMin >= 1440 ? clock.at(date, 1440, 'start') : clock.at(date, endMin, 'end');
    if (e <= s) continue;
    pushClipped(out, { start: s, end: e, r: p, open, weak }, range);
    if (action === 'override_hours') {
      const dayStart = clock.startOfDay(date);
      const dayEnd = clock.at(date, 1440, 'start');
      pushClipped(out, { start: dayStart, end: s, r: p, open: false, weak: false }, range);
      pushClipped(out, { start: e, end: dayEnd, r: p, open: false, weak: false }, range);
    }
  }
}

function capacityPiecesOf(
  p: PreparedRule,
  clock: ZoneClock,
  dates: Temporal.PlainDate[],
  range: Interval,
  out: CapacityAdjustment[],
) {
  const { rule } = p;
  if (rule.action !== 'capacity_adjustment' || !rule.capacityDelta) return;
  const pieces: Piece[] = [];
  piecesOf({ ...p, rule: { ...rule, action: 'available' } }, clock, dates, range, pieces);
  for (const x of pieces) out.push({ start: x.start, end: x.end, delta: rule.capacityDelta, rule: p.ref });
}

function resolve(calendar: CalendarInput, active: Piece[]): { open: boolean; by: RuleRef | null } {
  const defaultOpen = calendar.defaultMode === 'open';
  if (active.length === 0) return { open: defaultOpen, by: null };
  // `active` is sorted by evaluation order; scan from the highest precedence down.
  const last = (pred: (x: Piece) => boolean): Piece | undefined => {
    for (let i = active.length - 1; i >= 0; i--) if (pred(active[i]!)) return active[i];
    return undefined;
  };
  switch (calendar.conflictMode) {
    case 'priority_wins': {
      const top = active[active.length - 1]!;
      return { open: top.open, by: top.r.ref };
    }
    case 'available_wins': {
      const o = last((x) => x.open);
      if (o) return { open: true, by: o.r.ref };
      return { open: false, by: last((x) => !x.open)!.r.ref };
    }
    case 'most_restrictive_wins': {
      const c = last((x) => !x.open);
      if (c) return { open: false, by: c.r.ref };
      const o = last((x) => x.open && !x.weak);
      if (o) return { open: true, by: o.r.ref };
      return { open: defaultOpen, by: null };
    }
    default: {
      const c = last((x) => !x.open);
      if (c) return { open: false, by: c.r.ref };
      return { open: true, by: last((x) => x.open)!.r.ref };
    }
  }
}

/** Full evaluation with the deciding rule of every stretch (used by explanations and resolution runs). */
export function evaluateCalendar(
  calendar: CalendarInput,
  rules: RuleInput[],
  overlays: OverlayInput[],
  range: Interval,
): CalendarEvaluation {
  const result: CalendarEvaluation = {
    calendarId: calendar.id,
    range,
    segments: [],
    open: [],
    capacityAdjustments: [],
  };
  if (range.end <= range.start) return result;
  if (calendar.status === 'inactive') {
    result.segments.push({ start: range.start, end: range.end, open: false, decidedBy: null, matched: [] });
    return result;
  }
  const clock = clockFor(calendar.timezone);
  const prepared = orderRules(calendar, rules, overlays);
  const dates = datesOf(clock, range);
  const pieces: Piece[] = [];
  for (const p of prepared) {
    piecesOf(p, clock, dates, range, pieces);
    capacityPiecesOf(p, clock, dates, range, result.capacityAdjustments);
  }
  // Sweep over the boundaries with an active set kept in evaluation order.
  const bounds = new Set<number>([range.start, range.end]);
  for (const x of pieces) {
    bounds.add(x.start);
    bounds.add(x.end);
  }
  const sortedBounds = [...bounds].sort((a, b) => a - b);
  pieces.sort((a, b) => a.start - b.start || a.r.order - b.r.order);
  let next = 0;
  let active: Piece[] = [];
  for (let i = 0; i + 1 < sortedBounds.length; i++) {
    const s = sortedBounds[i]!;
    const e = sortedBounds[i + 1]!;
    let changed = false;
    if (active.some((x) => x.end <= s)) {
      active = active.filter((x) => x.end > s);
      changed = true;
    }
    while (next < pieces.length && pieces[next]!.start <= s) {
      const x = pieces[next++]!;
      if (x.end > s) {
        active.push(x);
        changed = true;
      }
    }
    if (changed) active.sort((a, b) => a.r.order - b.r.order);
    const { open, by } = resolve(calendar, active);
    const prev = result.segments[result.segments.length - 1];
    const matched = active.map((x) => x.r.ref);
    if (prev && prev.end === s && prev.open === open && prev.decidedBy === by && sameRefs(prev.matched, matched)) {
      prev.end = e;
    } else {
      result.segments.push({ start: s, end: e, open, decidedBy: by, matched });
    }
  }
  for (const seg of result.segments) {
    if (!seg.open) continue;
    const last = result.open[result.open.length - 1];
    if (last && last.end >= seg.start) last.end = Math.max(last.end, seg.end);
    else result.open.push({ start: seg.start, end: seg.end });
  }
  return result;
}

function sameRefs(a: RuleRef[], b: RuleRef[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The open time of a calendar over a UTC range `[start, end)` (epoch ms or any TimeInput already
 * converted), as sorted disjoint intervals in epoch milliseconds.
 */
export function openIntervals(
  calendar: CalendarInput,
  rules: RuleInput[],
  overlays: OverlayInput[],
  range: Interval,
): Interval[] {
  return evaluateCalendar(calendar, rules, overlays, range).open;
}

/** Index of the segment containing `t`, or -1. */
export function segmentAt(ev: CalendarEvaluation, t: number): CalendarSegment | undefined {
  let lo = 0;
  let hi = ev.segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ev.segments[mid]!;
    if (t < s.start) hi = mid - 1;
    else if (t >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** True when `[start, end)` lies inside one of the sorted disjoint intervals. */
export function covers(intervals: Interval[], start: number, end: number): boolean {
  let lo = 0;
  let hi = intervals.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid]!.start <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && intervals[found]!.end >= end;
}

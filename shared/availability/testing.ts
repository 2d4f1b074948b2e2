/** Small builders for availability tests and benchmarks (pure; no test framework here). */
import type {
  BusyInterval,
  CalendarInput,
  FindSlotsInput,
  OfferComponentInput,
  ResourceInput,
  RuleInput,
  SelectorInput,
} from './types';

export function calendar(over: Partial<CalendarInput> = {}): CalendarInput {
  return {
    id: 'cal',
    name: 'Hours',
    timezone: 'UTC',
    slotDurationMin: 60,
    slotIntervalMin: 60,
    bufferBeforeMin: 0,
    bufferAfterMin: 0,
    minLeadTimeMin: 0,
    maxHorizonDays: 365,
    defaultMode: 'closed',
    ruleEvaluationOrder: 'specificity_then_priority',
    conflictMode: 'unavailable_wins',
    ...over,
  };
}

let seq = 0;
/** Weekly `available` rules for the given weekdays (0 = Sunday). */
export function weekly(days: number[], startTime: string, endTime: string, over: Partial<RuleInput> = {}): RuleInput[] {
  return days.map((d) => ({
    id: `wk${++seq}`,
    calendarId: 'cal',
    name: `Open ${d}`,
    kind: 'weekly_recurring' as const,
    action: 'available' as const,
    dayOfWeek: d,
    startTime,
    endTime,
    priority: 100,
    ...over,
  }));
}

export const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

export function resource(id: string, type: ResourceInput['type'] = 'venue', over: Partial<ResourceInput> = {}) {
  return { id, name: id, type, locationId: 'loc', ...over } satisfies ResourceInput;
}

export function busy(id: string, resourceId: string, start: string, end: string, over: Partial<BusyInterval> = {}) {
  return {
    id,
    bookingId: `bo_${id}`,
    resourceId,
    startsAt: start,
    endsAt: end,
    status: 'confirmed',
    conflictPolicy: 'enforce_no_overlap',
    ...over,
  } satisfies BusyInterval;
}

export function component(id: string, targetType: OfferComponentInput['targetType'], sortOrder = 100) {
  return { id, name: id, targetType, sortOrder } satisfies OfferComponentInput;
}

export function anyOf(componentId: string): SelectorInput {
  return { componentId, selectorType: 'any' };
}

/** One venue `r1` on calendar `cal`, one offer version `ov` of 60 min needing one venue. */
export function basicInput(over: Partial<FindSlotsInput> = {}): FindSlotsInput {
  const base: FindSlotsInput = {
    calendars: [calendar()],
    calendarBindings: [{ calendarId: 'cal', ownerType: 'resource', resourceId: 'r1' }],
    overlays: [],
    rules: weekly(EVERY_DAY, '09:00', '17:00'),
    resources: [resource('r1')],
    capabilityAssignments: [],
    busy: [],
    offerVersion: { id: 'ov', offerId: 'of', durationMin: 60, capacity: null },
    components: [component('room', 'venue')],
    selectors: [anyOf('room')],
    now: '2026-01-01T00:00:00Z',
    range: { start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z' },
  };
  const input = { ...base, ...over };
  // Bind every resource without a binding to the calendar.
  const bound = new Set(input.calendarBindings.map((b) => b.resourceId));
  for (const r of input.resources) {
    if (!bound.has(r.id))
      input.calendarBindings = [
        ...input.calendarBindings,
        { calendarId: input.calendars[0]!.id, ownerType: 'resource', resourceId: r.id },
      ];
  }
  return input;
}

/**
 * Group `availability`: the pure engine over synthetic but realistic data (New York calendar with
 * weekly hours and a blackout overlay, 20 resources, 500 live bookings), searching 30 days of slots
 * for a room + instructor offer.
 *   availability_30d_20r_p50_ms / _p99_ms   findSlots over 30 days × 20 resources × 500 bookings
 */
import { findSlots } from '../shared/availability/index';
import type { BusyInterval, FindSlotsInput, ResourceInput, RuleInput } from '../shared/availability/types';
import type { BenchContext, Metrics } from './run';

const DAY = 86_400_000;
const MIN = 60_000;

export function syntheticInput(): FindSlotsInput {
  const start = Date.parse('2026-11-02T05:00:00Z'); // Monday 00:00 in New York
  const resources: ResourceInput[] = [];
  for (let i = 0; i < 8; i++)
    resources.push({ id: `room${i}`, name: `Room ${i}`, type: 'venue', locationId: 'loc', bufferAfterMin: 10 });
  for (let i = 0; i < 12; i++) resources.push({ id: `host${i}`, name: `Host ${i}`, type: 'host', locationId: 'loc' });
  const hours: Record<number, [string, string]> = {
    0: ['08:00', '18:00'],
    1: ['07:00', '21:00'],
    2: ['07:00', '21:00'],
    3: ['07:00', '21:00'],
    4: ['07:00', '21:00'],
    5: ['07:00', '21:00'],
    6: ['08:00', '18:00'],
  };
  const rules: RuleInput[] = Object.entries(hours).map(([d, [s, e]]) => ({
    id: `wk${d}`,
    calendarId: 'cal',
    name: `Open ${d}`,
    kind: 'weekly_recurring',
    action: 'available',
    dayOfWeek: Number(d),
    startTime: s,
    endTime: e,
    priority: 100,
  }));
  rules.push({
    id: 'thx',
    calendarId: 'cal',
    overlayId: 'ov_thx',
    name: 'Closed for Thanksgiving',
    kind: 'date_range',
    action: 'unavailable',
    startDate: '2026-11-26',
    endDate: '2026-11-26',
    priority: 10,
  });
  // 500 bookings, deterministic pseudo-random, on the hour/half hour inside opening hours.
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const busy: BusyInterval[] = [];
  for (let i = 0; i < 500; i++) {
    const r = resources[Math.floor(rnd() * resources.length)]!;
    const s = start + Math.floor(rnd() * 30) * DAY + (12 + Math.floor(rnd() * 24)) * 30 * MIN;
    const len = [30, 60, 90][Math.floor(rnd() * 3)]! * MIN;
    busy.push({
      id: `fa${i}`,
      bookingId: `bo${i}`,
      resourceId: r.id,
      startsAt: new Date(s),
      endsAt: new Date(s + len),
      occupiedStartAt: new Date(s),
      occupiedEndAt: new Date(s + len + (r.type === 'venue' ? 10 * MIN : 0)),
      conflictPolicy: 'enforce_no_overlap',
      status: 'confirmed',
    });
  }
  return {
    calendars: [
      {
        id: 'cal',
        name: 'Studio hours',
        timezone: 'America/New_York',
        slotDurationMin: 60,
        slotIntervalMin: 30,
        bufferBeforeMin: 0,
        bufferAfterMin: 0,
        minLeadTimeMin: 30,
        maxHorizonDays: 60,
        defaultMode: 'closed',
        ruleEvaluationOrder: 'specificity_then_priority',
        conflictMode: 'unavailable_wins',
      },
    ],
    calendarBindings: resources.map((r) => ({ calendarId: 'cal', ownerType: 'resource' as const, resourceId: r.id })),
    overlays: [{ id: 'ov_thx', calendarId: 'cal', kind: 'blackout', name: 'Thanksgiving', priority: 10 }],
    rules,
    resources,
    busy,
    offerVersion: { id: 'ov', offerId: 'of', durationMin: 60, capacity: null },
    components: [
      { id: 'room', name: 'Room', targetType: 'venue', sortOrder: 1 },
      { id: 'instructor', name: 'Instructor', targetType: 'host', sortOrder: 2 },
    ],
    selectors: [
      { componentId: 'room', selectorType: 'resource_type', resourceType: 'venue' },
      { componentId: 'instructor', selectorType: 'resource_type', resourceType: 'host' },
    ],
    now: new Date(start - DAY),
    range: { start, end: start + 30 * DAY },
  };
}

export async function run(ctx: BenchContext): Promise<Metrics> {
  const input = syntheticInput();
  let count = 0;
  for (let i = 0; i < 30; i++) count = findSlots(input).length;
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    findSlots(input);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const pct = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  ctx.log(`${count} slots per 30-day search`);
  return {
    availability_30d_20r_p50_ms: Math.round(pct(0.5) * 1000) / 1000,
    availability_30d_20r_p99_ms: Math.round(pct(0.99) * 1000) / 1000,
  };
}

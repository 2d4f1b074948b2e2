/**
 * Group `availability`: the pure engine over synthetic but realistic data (New York calendar with
 * weekly hours and a blackout overlay, 20 resources, 500 live bookings), searching 30 days of slots
 * for a room + instructor offer.
 *   availability_30d_20r_p50_ms / _p99_ms   findSlots over 30 days × 20 resources × 500 bookings
 *   availability_30d_20r_pglite_p50_ms      the same search reading its inputs from PGlite as the browser
 *                                           does (client tables from clientTableDdl, loadAvailability, then
 *                                           findSlots), p50 of 50 runs after 5 warm-ups
 */
import { PGlite } from '@electric-sql/pglite';
import { findSlots } from '../shared/availability/index';
import { loadAvailability } from '../shared/availability/load';
import type { BusyInterval, FindSlotsInput, ResourceInput, RuleInput } from '../shared/availability/types';
import type { SqlTx } from '../shared/mutators/types';
import { clientTableDdl } from '../shared/schema/ddl';
import { tableByName } from '../shared/schema/registry';
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

/** The tables loadAvailability reads. */
const LOADED_TABLES = [
  'offer_versions',
  'offer_components',
  'offer_component_selectors',
  'calendars',
  'calendar_bindings',
  'calendar_overlays',
  'availability_rules',
  'resources',
  'resource_capability_assignments',
  'booking_orders',
  'fulfillment_units',
  'fulfillment_assignments',
  'booking_holds',
];

async function insertAll(db: PGlite, table: string, rows: Record<string, unknown>[]) {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!);
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const params: unknown[] = [];
    const values = chunk.map(
      (r) =>
        `(${cols.map((c) => `$${params.push(r[c] instanceof Date ? (r[c] as Date).toISOString() : (r[c] ?? null))}`).join(', ')})`,
    );
    await db.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${values.join(', ')}`, params);
  }
}

/** An in-memory PGlite holding `input` in the client tables (enums as text, no constraints). */
export async function syntheticPglite(input: FindSlotsInput, bizId: string): Promise<PGlite> {
  const db = new PGlite();
  for (const name of LOADED_TABLES) {
    const table = tableByName(name);
    if (!table) throw new Error(`no table ${name}`);
    await db.exec(clientTableDdl(table, { keepNotNull: false }));
  }
  const biz = { biz_id: bizId };
  const ov = input.offerVersion;
  await insertAll(db, 'offer_versions', [
    {
      ...biz,
      id: ov.id,
      offer_id: ov.offerId,
      duration_min: ov.durationMin,
      capacity: ov.capacity,
      status: 'published',
    },
  ]);
  await insertAll(
    db,
    'offer_components',
    input.components.map((c) => ({
      ...biz,
      id: c.id,
      offer_version_id: ov.id,
      name: c.name,
      target_type: c.targetType,
      sort_order: c.sortOrder ?? 0,
    })),
  );
  await insertAll(
    db,
    'offer_component_selectors',
    input.selectors.map((s, i) => ({
      ...biz,
      id: `sel${i}`,
      component_id: s.componentId,
      selector_type: s.selectorType,
      resource_type: s.resourceType ?? null,
    })),
  );
  await insertAll(
    db,
    'calendars',
    input.calendars.map((c) => ({
      ...biz,
      id: c.id,
      name: c.name,
      timezone: c.timezone,
      slot_duration_min: c.slotDurationMin,
      slot_interval_min: c.slotIntervalMin,
      buffer_before_min: c.bufferBeforeMin,
      buffer_after_min: c.bufferAfterMin,
      min_lead_time_min: c.minLeadTimeMin,
      max_horizon_days: c.maxHorizonDays,
      default_mode: c.defaultMode,
      rule_evaluation_order: c.ruleEvaluationOrder,
      conflict_mode: c.conflictMode,
      status: 'active',
    })),
  );
  await insertAll(
    db,
    'calendar_bindings',
    input.calendarBindings.map((b, i) => ({
      ...biz,
      id: `cb${i}`,
      calendar_id: b.calendarId,
      owner_type: b.ownerType,
      resource_id: b.resourceId ?? null,
      is_primary: true,
      is_active: true,
    })),
  );
  await insertAll(
    db,
    'calendar_overlays',
    (input.overlays ?? []).map((o) => ({
      ...biz,
      id: o.id,
      calendar_id: o.calendarId,
      kind: o.kind,
      name: o.name,
      priority: o.priority,
      is_active: true,
    })),
  );
  await insertAll(
    db,
    'availability_rules',
    input.rules.map((r) => ({
      ...biz,
      id: r.id,
      calendar_id: r.calendarId,
      overlay_id: r.overlayId ?? null,
      name: r.name,
      kind: r.kind,
      action: r.action,
      day_of_week: r.dayOfWeek ?? null,
      start_date: r.startDate ?? null,
      end_date: r.endDate ?? null,
      start_time: r.startTime ?? null,
      end_time: r.endTime ?? null,
      priority: r.priority,
      is_active: true,
    })),
  );
  await insertAll(
    db,
    'resources',
    input.resources.map((r) => ({
      ...biz,
      id: r.id,
      name: r.name,
      type: r.type,
      location_id: r.locationId ?? null,
      buffer_before_min: r.bufferBeforeMin ?? 0,
      buffer_after_min: r.bufferAfterMin ?? 0,
      is_active: true,
    })),
  );
  const busy = input.busy;
  await insertAll(
    db,
    'booking_orders',
    busy.map((b) => ({ ...biz, id: b.bookingId, status: 'confirmed', booking_code: b.bookingId, seats: 1 })),
  );
  await insertAll(
    db,
    'fulfillment_units',
    busy.map((b) => ({
      ...biz,
      id: `fu_${b.id}`,
      booking_order_id: b.bookingId,
      status: 'scheduled',
      starts_at: b.startsAt,
      ends_at: b.endsAt,
    })),
  );
  await insertAll(
    db,
    'fulfillment_assignments',
    busy.map((b) => ({
      ...biz,
      id: b.id,
      fulfillment_unit_id: `fu_${b.id}`,
      resource_id: b.resourceId,
      starts_at: b.startsAt,
      ends_at: b.endsAt,
      occupied_start_at: b.occupiedStartAt,
      occupied_end_at: b.occupiedEndAt,
      conflict_policy: b.conflictPolicy,
      status: b.status,
    })),
  );
  return db;
}

async function runPglite(ctx: BenchContext, input: FindSlotsInput, expected: number): Promise<number> {
  const bizId = 'biz_bench';
  const db = await syntheticPglite(input, bizId);
  try {
    const start = Number(input.range.start);
    const range = { start: new Date(start - 86_400_000), end: new Date(start + 31 * DAY) };
    const once = async () => {
      const data = await loadAvailability(db as unknown as SqlTx, bizId, input.offerVersion.id, range);
      if (!data) throw new Error('offer version not found in PGlite');
      return findSlots({ ...data, now: input.now, range: input.range }).length;
    };
    const count = await once();
    if (count !== expected) ctx.log(`warning: PGlite search found ${count} slots, in-memory ${expected}`);
    for (let i = 0; i < 4; i++) await once();
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await once();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  } finally {
    await db.close();
  }
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
  const pglite = await runPglite(ctx, input, count);
  return {
    availability_30d_20r_p50_ms: Math.round(pct(0.5) * 1000) / 1000,
    availability_30d_20r_p99_ms: Math.round(pct(0.99) * 1000) / 1000,
    availability_30d_20r_pglite_p50_ms: Math.round(pglite * 1000) / 1000,
  };
}

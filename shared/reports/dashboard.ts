/**
 * The manager dashboard's figures: ONE set of SQL texts with their parameter builders, and one
 * assembly step, run the same way by the device (PGlite, through its overlay views, live) and by
 * the server (`GET /api/reports/dashboard`, Postgres). Both sides therefore compute the figures from
 * the same rows with the same code, so they are equal (client/src/features/manager/dashboard.pg.test.ts).
 *
 * Definitions (shown in the UI too):
 * - range: local dates `from`..`to` (inclusive) in the biz's time zone → instants `[start, end)`;
 * - bookings: orders whose confirmed start is in range, not cancelled/draft/held; a booking's venue is
 *   its own `location_id`, else the venue of its primary assigned resource (walk-ins name no venue);
 * - no-show rate: no-shows ÷ bookings whose outcome is known (checked in, in progress, completed or
 *   no-show), so future bookings do not dilute it;
 * - utilization: per resource, booked minutes (distinct assignment intervals, clipped to the range,
 *   so the seats of one class count once) ÷ open minutes of the resource's calendar in the range (its
 *   primary resource calendar, else its venue's calendar), evaluated by shared/availability;
 *   resources without a calendar show booked time only;
 * - revenue: captured tenders minus their refunds, by tender type and currency (pay-later is owed,
 *   not collected, so it is not counted);
 * - queue waits: tickets issued in range, wait = called (or service start) − issued;
 * - conflicts resolved: applied `conflicts.resolve` audit events (synced to managers only; venue
 *   filter does not apply);
 * - field jobs: fulfillment units done at a customer's site (`site_address` set); a job's venue is its
 *   unit's, else its booking's. Completed = completed with `actual_end_at` (the device time of the
 *   step that completed it) in range; in progress = in progress now and started before the range
 *   ends; time on job = the stopped `jobs.clock` entries of the completed jobs, averaged over the
 *   jobs that have any; photos = photos uploaded to the server, taken in range.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { openIntervals } from '../availability/calendar';
import type { CalendarInput, OverlayInput, RuleInput } from '../availability/types';
import { idOf } from '../mutators/args';
import type { SqlTx } from '../mutators/types';

/** At most this many days per request: a year of figures stays a quick query on a phone. */
export const MAX_RANGE_DAYS = 366;

const localDate = z.iso.date();

/** Days from one local date to another; 0 for a malformed date (its own issue is reported already). */
function spanDays(from: string, to: string): number {
  try {
    return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to)).days;
  } catch {
    return 0;
  }
}

/** The query a screen or the route accepts (untrusted input, validated). */
export const DashboardQuery = z
  .strictObject({
    from: localDate,
    to: localDate,
    /** '' or absent = every venue. */
    locationId: z.union([z.literal(''), idOf('locations')]).optional(),
  })
  .refine((q) => q.to >= q.from, { message: 'to must not be before from', path: ['to'] })
  .refine((q) => spanDays(q.from, q.to) < MAX_RANGE_DAYS, {
    message: `the range may span at most ${MAX_RANGE_DAYS} days`,
    path: ['to'],
  });
export type DashboardQuery = z.output<typeof DashboardQuery>;

/** Bound values every query draws its parameters from. */
export interface DashboardParams {
  bizId: string;
  timeZone: string;
  from: string;
  to: string;
  /** '' = every venue. */
  locationId: string;
  /** ISO instants of the range `[start, end)`. */
  start: string;
  end: string;
}

/** Local dates → the instants that bound them in the biz's zone. */
export function dashboardParams(bizId: string, timeZone: string, q: DashboardQuery): DashboardParams {
  const from = Temporal.PlainDate.from(q.from);
  const to = Temporal.PlainDate.from(q.to);
  const start = from.toZonedDateTime({ timeZone }).toInstant();
  const end = to.add({ days: 1 }).toZonedDateTime({ timeZone }).toInstant();
  return {
    bizId,
    timeZone,
    from: q.from,
    to: q.to,
    locationId: q.locationId ?? '',
    start: new Date(start.epochMilliseconds).toISOString(),
    end: new Date(end.epochMilliseconds).toISOString(),
  };
}

/** The last `days` local dates up to today in `timeZone` (the screen's presets). */
export function lastDays(timeZone: string, days: number, today = Temporal.Now.plainDateISO(timeZone)) {
  return { from: today.subtract({ days: days - 1 }).toString(), to: today.toString() };
}

/**
 * A booking's venue: its own, else the venue of its primary (then first) assigned resource. Computed
 * once per query (MATERIALIZED) and then joined: without planner statistics (PGlite never analyzes;
 * a fresh server database may not have yet) an inline subquery was re-run for every booking row.
 */
const BOOKING_VENUE_CTE = `
  bv AS MATERIALIZED (
    SELECT DISTINCT ON (u.booking_order_id) u.booking_order_id, r.location_id
    FROM fulfillment_units u
    JOIN fulfillment_assignments a ON a.fulfillment_unit_id = u.id AND a.biz_id = u.biz_id
    JOIN resources r ON r.id = a.resource_id AND r.biz_id = a.biz_id
    WHERE u.biz_id = $1 AND $4::text <> ''
    ORDER BY u.booking_order_id, a.is_primary DESC, a.id
  )`;
const BOOKING_VENUE_JOIN = 'LEFT JOIN bv ON bv.booking_order_id = b.id';

export interface DayRow {
  day: string;
  bookings: number;
  checked_in: number;
  no_shows: number;
  outcome_known: number;
}
export interface BookedRow {
  resource_id: string;
  name: string;
  type: string;
  location_id: string | null;
  booked_min: number;
}
export interface TenderRow {
  tender_type: string;
  currency: string;
  net_minor: number;
  tenders: number;
}
export interface QueueRow {
  queue_id: string;
  name: string;
  tickets: number;
  called: number;
  left_queue: number;
  avg_wait_min: number | null;
  max_wait_min: number | null;
}
export interface ConflictRow {
  action: string;
  resolved: number;
}
export interface JobDayRow {
  day: string;
  completed: number;
  /** Completed jobs with clock entries, and their minutes on the job (whole minutes per job). */
  timed: number;
  timed_min: number;
}
export interface FieldRow {
  in_progress: number;
  photos: number;
}
interface BindingRow {
  calendar_id: string;
  owner_type: string;
  resource_id: string | null;
  location_id: string | null;
  is_primary: boolean;
}

interface Query<R> {
  sql: string;
  params(p: DashboardParams): unknown[];
  /** Phantom: the row type. */
  readonly row?: R;
}
const q = <R>(sql: string, params: (p: DashboardParams) => unknown[]): Query<R> => ({ sql, params });
const inRange = (p: DashboardParams) => [p.bizId, p.start, p.end, p.locationId];

/** Every query of the dashboard. Each names all its parameters (Postgres must infer each type). */
export const DASHBOARD_QUERIES = {
  days: q<DayRow>(
    `WITH ${BOOKING_VENUE_CTE}
     SELECT to_char(b.confirmed_start_at AT TIME ZONE $5::text, 'YYYY-MM-DD') AS day,
            count(*)::int AS bookings,
            count(*) FILTER (WHERE b.checked_in_at IS NOT NULL)::int AS checked_in,
            count(*) FILTER (WHERE b.status::text = 'no_show')::int AS no_shows,
            count(*) FILTER (WHERE b.status::text IN ('checked_in', 'in_progress', 'completed', 'no_show'))::int
              AS outcome_known
     FROM booking_orders b ${BOOKING_VENUE_JOIN}
     WHERE b.biz_id = $1 AND b.deleted_at IS NULL
       AND b.confirmed_start_at >= $2::timestamptz AND b.confirmed_start_at < $3::timestamptz
       AND b.status::text NOT IN ('cancelled', 'draft', 'held')
       AND ($4::text = '' OR coalesce(b.location_id, bv.location_id) = $4::text)
     GROUP BY 1 ORDER BY 1`,
    (p) => [...inRange(p), p.timeZone],
  ),
  booked: q<BookedRow>(
    `SELECT r.id AS resource_id, r.name, r.type::text AS type, r.location_id,
            coalesce(round(sum(extract(epoch FROM (least(a.ends_at, $3::timestamptz)
              - greatest(a.starts_at, $2::timestamptz))) / 60)), 0)::int AS booked_min
     FROM resources r
     LEFT JOIN (
       -- Seats of one class share the room's hours: each distinct interval counts once.
       SELECT DISTINCT resource_id, starts_at, ends_at FROM fulfillment_assignments
       WHERE biz_id = $1 AND deleted_at IS NULL AND status::text NOT IN ('cancelled', 'released')
         AND starts_at < $3::timestamptz AND ends_at > $2::timestamptz
     ) a ON a.resource_id = r.id
     WHERE r.biz_id = $1 AND r.deleted_at IS NULL AND ($4::text = '' OR r.location_id = $4::text)
     GROUP BY r.id, r.name, r.type, r.location_id
     ORDER BY r.name, r.id`,
    inRange,
  ),
  revenue: q<TenderRow>(
    `WITH ${BOOKING_VENUE_CTE}
     SELECT t.tender_type::text AS tender_type, t.currency,
            sum(t.amount_minor - t.amount_refunded_minor)::int AS net_minor, count(*)::int AS tenders
     FROM payment_intent_tenders t
     JOIN payment_intents i ON i.id = t.payment_intent_id AND i.biz_id = t.biz_id
     LEFT JOIN booking_orders b ON b.id = i.booking_order_id AND b.biz_id = i.biz_id ${BOOKING_VENUE_JOIN}
     WHERE t.biz_id = $1 AND t.status::text IN ('captured', 'partially_refunded', 'refunded')
       AND t.occurred_at >= $2::timestamptz AND t.occurred_at < $3::timestamptz
       AND ($4::text = '' OR coalesce(b.location_id, bv.location_id) = $4::text)
     GROUP BY 1, 2 ORDER BY 1, 2`,
    inRange,
  ),
  queues: q<QueueRow>(
    `SELECT qu.id AS queue_id, qu.name, count(*)::int AS tickets,
            count(coalesce(t.called_at, t.serving_started_at))::int AS called,
            count(*) FILTER (WHERE t.status::text = 'left')::int AS left_queue,
            round(avg(extract(epoch FROM (coalesce(t.called_at, t.serving_started_at) - t.issued_at)) / 60), 1)::float
              AS avg_wait_min,
            round(max(extract(epoch FROM (coalesce(t.called_at, t.serving_started_at) - t.issued_at)) / 60))::int
              AS max_wait_min
     FROM queues qu JOIN queue_tickets t ON t.queue_id = qu.id AND t.biz_id = qu.biz_id
     WHERE qu.biz_id = $1 AND t.issued_at >= $2::timestamptz AND t.issued_at < $3::timestamptz
       AND ($4::text = '' OR qu.location_id = $4::text)
     GROUP BY qu.id, qu.name ORDER BY qu.name, qu.id`,
    inRange,
  ),
  conflicts: q<ConflictRow>(
    `SELECT coalesce(e.after->'args'->>'action', 'unknown') AS action, count(*)::int AS resolved
     FROM audit_events e
     WHERE e.biz_id = $1 AND e.mutation_name = 'conflicts.resolve' AND e.outcome::text = 'applied'
       AND e.server_time >= $2::timestamptz AND e.server_time < $3::timestamptz
     GROUP BY 1 ORDER BY 1`,
    (p) => [p.bizId, p.start, p.end],
  ),
  jobs: q<JobDayRow>(
    `WITH clock AS MATERIALIZED (
       SELECT fulfillment_unit_id,
              round(sum(extract(epoch FROM ((data->>'endedAt')::timestamptz - (data->>'startedAt')::timestamptz)))
                / 60)::int AS minutes
       FROM fulfillment_checkpoints
       WHERE biz_id = $1 AND deleted_at IS NULL AND data->>'entry' = 'time' AND status::text = 'done'
         AND data->>'startedAt' IS NOT NULL AND data->>'endedAt' IS NOT NULL
       GROUP BY fulfillment_unit_id
     )
     SELECT to_char(u.actual_end_at AT TIME ZONE $5::text, 'YYYY-MM-DD') AS day, count(*)::int AS completed,
            count(c.minutes)::int AS timed, coalesce(sum(c.minutes), 0)::int AS timed_min
     FROM fulfillment_units u
     LEFT JOIN booking_orders b ON b.id = u.booking_order_id AND b.biz_id = u.biz_id
     LEFT JOIN clock c ON c.fulfillment_unit_id = u.id
     WHERE u.biz_id = $1 AND u.deleted_at IS NULL AND u.site_address IS NOT NULL AND u.status::text = 'completed'
       AND u.actual_end_at >= $2::timestamptz AND u.actual_end_at < $3::timestamptz
       AND ($4::text = '' OR coalesce(u.location_id, b.location_id) = $4::text)
     GROUP BY 1 ORDER BY 1`,
    (p) => [...inRange(p), p.timeZone],
  ),
  field: q<FieldRow>(
    `SELECT
       (SELECT count(*)::int FROM fulfillment_units u
        LEFT JOIN booking_orders b ON b.id = u.booking_order_id AND b.biz_id = u.biz_id
        WHERE u.biz_id = $1 AND u.deleted_at IS NULL AND u.site_address IS NOT NULL
          AND u.status::text = 'in_progress' AND coalesce(u.actual_start_at, u.starts_at) < $3::timestamptz
          AND ($4::text = '' OR coalesce(u.location_id, b.location_id) = $4::text)) AS in_progress,
       (SELECT count(*)::int FROM fulfillment_photos p
        JOIN fulfillment_units u ON u.id = p.fulfillment_unit_id AND u.biz_id = p.biz_id
        LEFT JOIN booking_orders b ON b.id = u.booking_order_id AND b.biz_id = u.biz_id
        WHERE p.biz_id = $1 AND p.deleted_at IS NULL
          AND p.taken_at >= $2::timestamptz AND p.taken_at < $3::timestamptz
          AND ($4::text = '' OR coalesce(u.location_id, b.location_id) = $4::text)) AS photos`,
    inRange,
  ),
  // The calendars' inputs, with the same aliases as shared/availability/load.ts.
  calendars: q<CalendarInput>(
    `SELECT id, name, timezone, slot_duration_min AS "slotDurationMin", slot_interval_min AS "slotIntervalMin",
            buffer_before_min AS "bufferBeforeMin", buffer_after_min AS "bufferAfterMin",
            min_lead_time_min AS "minLeadTimeMin", max_horizon_days AS "maxHorizonDays",
            default_mode AS "defaultMode", rule_evaluation_order AS "ruleEvaluationOrder",
            conflict_mode AS "conflictMode", status
     FROM calendars WHERE biz_id = $1 AND deleted_at IS NULL ORDER BY id`,
    (p) => [p.bizId],
  ),
  bindings: q<BindingRow>(
    `SELECT calendar_id, owner_type::text AS owner_type, resource_id, location_id, is_primary
     FROM calendar_bindings
     WHERE biz_id = $1 AND deleted_at IS NULL AND is_active AND owner_type::text IN ('resource', 'location')
     ORDER BY is_primary DESC, id`,
    (p) => [p.bizId],
  ),
  overlays: q<OverlayInput>(
    `SELECT id, calendar_id AS "calendarId", kind, name, priority, effective_start_at AS "effectiveStartAt",
            effective_end_at AS "effectiveEndAt", is_active AS "isActive"
     FROM calendar_overlays WHERE biz_id = $1 AND deleted_at IS NULL ORDER BY id`,
    (p) => [p.bizId],
  ),
  rules: q<RuleInput>(
    `SELECT id, calendar_id AS "calendarId", overlay_id AS "overlayId", name, kind, action,
            day_of_week AS "dayOfWeek", start_date::text AS "startDate", end_date::text AS "endDate",
            start_time::text AS "startTime", end_time::text AS "endTime", starts_at AS "startsAt",
            ends_at AS "endsAt", capacity_delta AS "capacityDelta", priority, is_active AS "isActive"
     FROM availability_rules WHERE biz_id = $1 AND deleted_at IS NULL ORDER BY id`,
    (p) => [p.bizId],
  ),
} as const;

export type DashboardParts = {
  [K in keyof typeof DASHBOARD_QUERIES]: NonNullable<(typeof DASHBOARD_QUERIES)[K]['row']>[];
};

export interface UtilizationRow {
  resourceId: string;
  name: string;
  type: string;
  bookedMin: number;
  /** Open minutes of the resource's calendar in range; null when no calendar governs it. */
  openMin: number | null;
  /** Booked ÷ open, in percent with one decimal; null without open time. */
  pct: number | null;
}

export interface DashboardReport {
  range: { from: string; to: string; start: string; end: string; timeZone: string; locationId: string };
  /** Every local date of the range, zero-filled. */
  days: { day: string; bookings: number; checkedIn: number; noShows: number; jobsCompleted: number }[];
  totals: {
    bookings: number;
    checkedIn: number;
    noShows: number;
    /** Percent with one decimal, of bookings whose outcome is known; null when none is. */
    noShowRatePct: number | null;
    queueTickets: number;
    /** Mean wait over every called ticket, minutes with one decimal. */
    avgQueueWaitMin: number | null;
    conflictsResolved: number;
    /** Field jobs (see the definitions above). */
    jobsCompleted: number;
    jobsInProgress: number;
    /** Mean minutes on the job (clock entries) of the completed jobs that were timed; null when none was. */
    avgTimeOnJobMin: number | null;
    timedJobs: number;
    photosUploaded: number;
  };
  utilization: UtilizationRow[];
  revenue: { tenderType: string; currency: string; netMinor: number; tenders: number }[];
  queues: {
    queueId: string;
    name: string;
    tickets: number;
    called: number;
    left: number;
    avgWaitMin: number | null;
    maxWaitMin: number | null;
  }[];
  conflicts: { action: string; resolved: number }[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Open minutes per resource from its calendar (resource binding first, then its venue's). */
function openMinutes(parts: DashboardParts, p: DashboardParams): Map<string, number> {
  const calendars = new Map(parts.calendars.map((c) => [c.id, c]));
  const byResource = new Map<string, string>();
  const byLocation = new Map<string, string>();
  for (const b of parts.bindings) {
    if (!calendars.has(b.calendar_id)) continue;
    if (b.owner_type === 'resource' && b.resource_id && !byResource.has(b.resource_id))
      byResource.set(b.resource_id, b.calendar_id);
    if (b.owner_type === 'location' && b.location_id && !byLocation.has(b.location_id))
      byLocation.set(b.location_id, b.calendar_id);
  }
  const rules = parts.rules.map((r) => ({
    ...r,
    startTime: r.startTime ? r.startTime.slice(0, 5) : r.startTime,
    endTime: r.endTime ? r.endTime.slice(0, 5) : r.endTime,
  }));
  const range = { start: Date.parse(p.start), end: Date.parse(p.end) };
  const perCalendar = new Map<string, number>();
  const minutesOf = (calendarId: string) => {
    let m = perCalendar.get(calendarId);
    if (m === undefined) {
      const open = openIntervals(calendars.get(calendarId)!, rules, parts.overlays, range);
      m = Math.round(open.reduce((s, i) => s + (i.end - i.start), 0) / 60_000);
      perCalendar.set(calendarId, m);
    }
    return m;
  };
  const out = new Map<string, number>();
  for (const r of parts.booked) {
    const calendarId = byResource.get(r.resource_id) ?? (r.location_id ? byLocation.get(r.location_id) : undefined);
    if (calendarId) out.set(r.resource_id, minutesOf(calendarId));
  }
  return out;
}

/** Every local date from `from` to `to`. */
function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = Temporal.PlainDate.from(from); Temporal.PlainDate.compare(d, Temporal.PlainDate.from(to)) <= 0; ) {
    out.push(d.toString());
    d = d.add({ days: 1 });
  }
  return out;
}

/** The figures from the queries' rows: pure, so the device and the server assemble them identically. */
export function assembleDashboard(parts: DashboardParts, p: DashboardParams): DashboardReport {
  const byDay = new Map(parts.days.map((d) => [d.day, d]));
  const jobsByDay = new Map(parts.jobs.map((d) => [d.day, d.completed]));
  const days = datesOf(p.from, p.to).map((day) => {
    const d = byDay.get(day);
    return {
      day,
      bookings: d?.bookings ?? 0,
      checkedIn: d?.checked_in ?? 0,
      noShows: d?.no_shows ?? 0,
      jobsCompleted: jobsByDay.get(day) ?? 0,
    };
  });
  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
  const timedJobs = sum(parts.jobs, (d) => d.timed);
  const known = sum(parts.days, (d) => d.outcome_known);
  const noShows = sum(parts.days, (d) => d.no_shows);
  const open = openMinutes(parts, p);
  const utilization = parts.booked
    // A resource with neither hours nor bookings in range says nothing.
    .filter((r) => r.booked_min > 0 || (open.get(r.resource_id) ?? 0) > 0)
    .map((r): UtilizationRow => {
      const openMin = open.get(r.resource_id) ?? null;
      return {
        resourceId: r.resource_id,
        name: r.name,
        type: r.type,
        bookedMin: r.booked_min,
        openMin,
        pct: openMin ? round1((r.booked_min / openMin) * 100) : null,
      };
    });
  const called = sum(parts.queues, (x) => x.called);
  const waitSum = sum(parts.queues, (x) => (x.avg_wait_min ?? 0) * x.called);
  return {
    range: { from: p.from, to: p.to, start: p.start, end: p.end, timeZone: p.timeZone, locationId: p.locationId },
    days,
    totals: {
      bookings: sum(parts.days, (d) => d.bookings),
      checkedIn: sum(parts.days, (d) => d.checked_in),
      noShows,
      noShowRatePct: known ? round1((noShows / known) * 100) : null,
      queueTickets: sum(parts.queues, (x) => x.tickets),
      avgQueueWaitMin: called ? round1(waitSum / called) : null,
      conflictsResolved: sum(parts.conflicts, (c) => c.resolved),
      jobsCompleted: sum(parts.jobs, (d) => d.completed),
      jobsInProgress: parts.field[0]?.in_progress ?? 0,
      avgTimeOnJobMin: timedJobs ? round1(sum(parts.jobs, (d) => d.timed_min) / timedJobs) : null,
      timedJobs,
      photosUploaded: parts.field[0]?.photos ?? 0,
    },
    utilization,
    revenue: parts.revenue.map((t) => ({
      tenderType: t.tender_type,
      currency: t.currency,
      netMinor: t.net_minor,
      tenders: t.tenders,
    })),
    queues: parts.queues.map((x) => ({
      queueId: x.queue_id,
      name: x.name,
      tickets: x.tickets,
      called: x.called,
      left: x.left_queue,
      avgWaitMin: x.avg_wait_min,
      maxWaitMin: x.max_wait_min,
    })),
    conflicts: parts.conflicts.map((c) => ({ action: c.action, resolved: c.resolved })),
  };
}

/** Runs every query over one connection (in sequence) and assembles the report. */
export async function runDashboard(tx: SqlTx, p: DashboardParams): Promise<DashboardReport> {
  const parts = {} as Record<string, unknown[]>;
  for (const [name, query] of Object.entries(DASHBOARD_QUERIES)) {
    parts[name] = (await tx.query(query.sql, query.params(p))).rows;
  }
  return assembleDashboard(parts as DashboardParts, p);
}

/** The table view's CSV: one line per day, then the totals (RFC 4180 quoting where needed). */
export function dashboardCsv(r: DashboardReport): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [
    ['day', 'bookings', 'checked_in', 'no_shows'].join(','),
    ...r.days.map((d) => [d.day, d.bookings, d.checkedIn, d.noShows].map(cell).join(',')),
    '',
    ['resource', 'booked_min', 'open_min', 'utilization_pct'].join(','),
    ...r.utilization.map((u) => [u.name, u.bookedMin, u.openMin, u.pct].map(cell).join(',')),
    '',
    ['tender_type', 'currency', 'net_minor', 'tenders'].join(','),
    ...r.revenue.map((t) => [t.tenderType, t.currency, t.netMinor, t.tenders].map(cell).join(',')),
    '',
    ['queue', 'tickets', 'called', 'left', 'avg_wait_min', 'max_wait_min'].join(','),
    ...r.queues.map((x) => [x.name, x.tickets, x.called, x.left, x.avgWaitMin, x.maxWaitMin].map(cell).join(',')),
    '',
    [
      'total_bookings',
      'check_ins',
      'no_shows',
      'no_show_rate_pct',
      'conflicts_resolved',
      'jobs_completed',
      'jobs_in_progress',
      'avg_time_on_job_min',
      'timed_jobs',
      'photos_uploaded',
    ].join(','),
    [
      r.totals.bookings,
      r.totals.checkedIn,
      r.totals.noShows,
      r.totals.noShowRatePct,
      r.totals.conflictsResolved,
      r.totals.jobsCompleted,
      r.totals.jobsInProgress,
      r.totals.avgTimeOnJobMin,
      r.totals.timedJobs,
      r.totals.photosUploaded,
    ]
      .map(cell)
      .join(','),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Group `commits`: the validated write path over real HTTP (`POST /api/commits` on the real app on
 * loopback, embedded Postgres with the demo seed), booking creations as the mutations.
 *   commits_per_s_c10 / _c50 / _c200  applied commits per second, N devices each sending one
 *                                     mutation per request, sequentially, at distinct far-future slots
 *                                     (8 s after 1 s warm-up; clients in a separate Node process)
 *   commit_p99_ms_c50                 request latency p99 at 50 devices
 *   commits_vs_sql_ratio              c50 throughput / plain SQL INSERTs of equivalent booking_orders
 *                                     rows through the same pool with 50 concurrent inserters
 *   duplicate_effects                 after a retry storm (10 devices × the same 5-mutation batch sent
 *                                     20× at once, all on the same 5 contended slots): booking rows,
 *                                     client_mutations and audit events beyond one per mutation, plus
 *                                     answers differing from the stored outcome (must be 0)
 *   double_bookings                   overlapping live enforce_no_overlap assignments of one resource (must be 0)
 *   reconcile_1000_s                  1,000 queued mutations of one device pushed in batches of 50 until
 *                                     all are applied and a ShapeStream on booking_orders (through the
 *                                     shape proxy) has seen all 1,000 ids
 */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isChangeMessage, type Message, type Row, ShapeStream } from '@electric-sql/client';
import { ID_PREFIXES, newId } from '../shared/ids';
import { type AppStack, HttpDevice, mapLimit, percentile, round, sleep, startAppStack, waitUntil } from './_harness';
import type { BenchContext, Metrics } from './run';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EMAIL = 'desk@lumen.test';
const LOAD_MS = 8_000;
const SQL_MS = 6_000;
const SLOT_BASE = Date.UTC(2040, 0, 1, 0, 0, 0);
const SLOT_STEP_MS = 3 * 3_600_000; // 60 min booking + buffers never touch the next slot

interface Fixtures {
  version: string;
  offer: string;
  currency: string;
  price: number;
  durationMin: number;
  room: string;
  instructor: string;
  bizId: string;
  userId: string;
}

interface Dev {
  http: HttpDevice;
  nextMutation: number;
}

let slotSeq = 0;
let codeSeq = 0;
const nextSlot = () => new Date(SLOT_BASE + slotSeq++ * SLOT_STEP_MS);
const nextCode = () => `BN-${(codeSeq++).toString(36).toUpperCase().padStart(7, '0')}`;

function bookingArgs(fx: Fixtures, startsAt: Date) {
  return {
    id: newId('booking_orders'),
    bookingCode: nextCode(),
    offerVersionId: fx.version,
    startsAt: startsAt.toISOString(),
    lineId: newId('booking_order_lines'),
    unitId: newId('fulfillment_units'),
    resources: [
      { resourceId: fx.room, role: 'room', assignmentId: newId('fulfillment_assignments') },
      { resourceId: fx.instructor, role: 'instructor', assignmentId: newId('fulfillment_assignments') },
    ],
    customerName: 'Bench Customer',
    source: 'walk_in',
  };
}

type Mutation = { id: number; name: string; args: ReturnType<typeof bookingArgs>; deviceTime: string };
type Result = { id: number; status: 'applied' | 'rejected'; txid?: string; error?: { code: string } };

function mutation(dev: Dev, args: ReturnType<typeof bookingArgs>): Mutation {
  return { id: dev.nextMutation++, name: 'bookings.create', args, deviceTime: new Date().toISOString() };
}

async function commit(dev: Dev, mutations: Mutation[]): Promise<{ results: Result[]; incomplete: boolean }> {
  const res = await dev.http.post('/api/commits', { clientId: dev.http.clientId, mutations });
  if (res.status !== 200) throw new Error(`commit: ${res.status} ${res.text.slice(0, 300)}`);
  return res.json();
}

async function fixtures(stack: AppStack): Promise<Fixtures> {
  const q = async (sql: string) => {
    const { rows } = await stack.database.pool.query(sql);
    if (!rows[0]) throw new Error(`fixture missing: ${sql}`);
    return rows[0];
  };
  const v = await q(
    `SELECT v.id, v.offer_id, v.currency, v.base_price_minor, v.duration_min, o.biz_id FROM offer_versions v
     JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Private session' AND v.status = 'published'`,
  );
  return {
    version: v.id,
    offer: v.offer_id,
    currency: v.currency,
    price: Number(v.base_price_minor),
    durationMin: Number(v.duration_min ?? 60),
    bizId: v.biz_id,
    room: (await q(`SELECT id FROM resources WHERE name = 'Private Room' AND biz_id = '${v.biz_id}'`)).id,
    instructor: (await q(`SELECT id FROM resources WHERE name = 'Sam Carter' AND biz_id = '${v.biz_id}'`)).id,
    userId: (await q(`SELECT id FROM users WHERE email = '${EMAIL}'`)).id,
  };
}

/**
 * The load generator runs in its own Node process (node:http over kept-alive loopback connections), so
 * the clients do not share the server's event loop. It mints ids like shared/ids.ts (`<prefix>_<ULID>`).
 */
const LOADER = `
import http from 'node:http';
import { monotonicFactory } from 'ulidx';
const cfg = JSON.parse(await new Promise((ok) => { let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => ok(s)); }));
// Plain node:http over kept-alive connections: fetch costs the load generator about three times the
// CPU per request, taken from the same two cores the server is measured on.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });
const base = new URL(cfg.base);
const post = (path, headers, body) => new Promise((ok, ko) => {
  const req = http.request({ host: base.hostname, port: base.port, path, method: 'POST', agent,
    headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => { let json = null; try { json = JSON.parse(Buffer.concat(chunks).toString()); } catch {} ok({ status: res.statusCode, json }); });
    res.on('error', ko);
  });
  req.on('error', ko);
  req.end(body);
});
const ulid = monotonicFactory();
const id = (t) => cfg.prefixes[t] + '_' + ulid();
let slot = cfg.slotStart, code = cfg.codeStart;
const fx = cfg.fx;
function booking() {
  const startsAt = new Date(cfg.slotBase + slot++ * cfg.slotStep).toISOString();
  return { id: id('booking_orders'), bookingCode: 'BL-' + (code++).toString(36).toUpperCase().padStart(7, '0'),
    offerVersionId: fx.version, startsAt, lineId: id('booking_order_lines'), unitId: id('fulfillment_units'),
    resources: [{ resourceId: fx.room, role: 'room', assignmentId: id('fulfillment_assignments') },
      { resourceId: fx.instructor, role: 'instructor', assignmentId: id('fulfillment_assignments') }],
    customerName: 'Bench Customer', source: 'walk_in' };
}
const latencies = []; let applied = 0, other = 0, failed = 0, measuring = false;
const t0 = performance.now(); const warmEnd = t0 + cfg.warmupMs; const end = warmEnd + cfg.ms;
await Promise.all(cfg.devices.map(async (d) => {
  while (performance.now() < end) {
    const body = JSON.stringify({ clientId: d.clientId, mutations: [{ id: d.next++, name: 'bookings.create', args: booking(), deviceTime: new Date().toISOString() }] });
    const t = performance.now();
    const res = await post('/api/commits', d.headers, body);
    const json = res.json;
    const ms = performance.now() - t;
    if (t < warmEnd) continue;
    latencies.push(ms);
    if (res.status !== 200 || !json) failed++;
    else if (json.results[0] && json.results[0].status === 'applied') applied++;
    else other++;
  }
}));
const elapsed = (performance.now() - warmEnd) / 1000;
process.stdout.write(JSON.stringify({ applied, other, failed, latencies, elapsed, slots: slot - cfg.slotStart,
  codes: code - cfg.codeStart, next: cfg.devices.map((d) => d.next) }));
`;

interface LoadResult {
  perS: number;
  applied: number;
  other: number;
  failed: number;
  latencies: number[];
  elapsed: number;
  serverCpu: number;
}

/** N devices, each sending one booking per request back to back, for `ms` (after `warmupMs`). */
async function load(stack: AppStack, fx: Fixtures, devices: Dev[], ms: number, warmupMs = 1_000): Promise<LoadResult> {
  const cfg = {
    base: stack.base,
    fx,
    prefixes: ID_PREFIXES,
    slotBase: SLOT_BASE,
    slotStep: SLOT_STEP_MS,
    slotStart: slotSeq + 1_000_000, // a region of its own; the parent skips past what it used
    codeStart: codeSeq,
    warmupMs,
    ms,
    devices: devices.map((d) => ({ clientId: d.http.clientId, headers: d.http.headers(), next: d.nextMutation })),
  };
  const child = spawn(process.execPath, ['--input-type=module', '-e', LOADER], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((ok) => child.on('close', ok));
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  child.stdin.end(JSON.stringify(cfg));
  const code = await exited;
  const cpu = process.cpuUsage(cpu0);
  // The app's process (this one) CPU over the child's life, as a share of one core.
  const serverCpu = (cpu.user + cpu.system) / 1000 / (performance.now() - wall0);
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  const r = JSON.parse(out) as Omit<LoadResult, 'perS' | 'serverCpu'> & {
    slots: number;
    codes: number;
    next: number[];
  };
  slotSeq = cfg.slotStart + r.slots;
  codeSeq += r.codes;
  devices.forEach((d, i) => {
    d.nextMutation = r.next[i]!;
  });
  return { ...r, perS: r.applied / r.elapsed, serverCpu };
}

/** Plain SQL: one INSERT of an equivalent booking_orders row per statement, `workers` at once. */
async function sqlBaseline(stack: AppStack, fx: Fixtures, workers: number, ms: number) {
  let n = 0;
  const started = performance.now();
  const end = started + ms;
  const endMs = fx.durationMin * 60_000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < end) {
        const start = nextSlot();
        const stop = new Date(start.getTime() + endMs);
        await stack.database.pool.query(
          `INSERT INTO booking_orders (id, biz_id, booking_code, source, status, payment_status, location_id, offer_id,
             offer_version_id, customer_name, customer_email, customer_phone, seats, requested_start_at,
             requested_end_at, confirmed_start_at, confirmed_end_at, currency, subtotal_minor, total_minor,
             is_private, notes, created_by)
           VALUES ($1, $2, $3, 'walk_in', 'confirmed', 'unpaid', NULL, $4, $5, 'Bench Customer', NULL, NULL, 1,
             $6, $7, $6, $7, $8, $9, $9, true, NULL, $10)`,
          [
            newId('booking_orders'),
            fx.bizId,
            nextCode(),
            fx.offer,
            fx.version,
            start.toISOString(),
            stop.toISOString(),
            fx.currency,
            fx.price,
            fx.userId,
          ],
        );
        n++;
      }
    }),
  );
  return n / ((performance.now() - started) / 1000);
}

/** 10 devices each send the same 5-mutation batch 20× at once; all batches aim at the same 5 slots. */
async function retryStorm(stack: AppStack, fx: Fixtures, devices: Dev[]) {
  const slots = Array.from({ length: 5 }, () => nextSlot());
  const batches = devices.map((dev) => ({ dev, mutations: slots.map((s) => mutation(dev, bookingArgs(fx, s))) }));
  const answers = await Promise.all(
    batches.map(({ dev, mutations }) => Promise.all(Array.from({ length: 20 }, () => commit(dev, mutations)))),
  );
  const pool = stack.database.pool;
  let incomplete = 0;
  let differing = 0;
  let extraBookings = 0;
  let extraRecords = 0;
  let extraAudit = 0;
  let applied = 0;
  for (const [i, { dev, mutations }] of batches.entries()) {
    const stored = await pool.query<{ mutation_id: number; status: string; n: number }>(
      `SELECT mutation_id, min(status) AS status, count(*)::int AS n FROM client_mutations
       WHERE client_id = $1 GROUP BY mutation_id`,
      [dev.http.clientId],
    );
    const byId = new Map(stored.rows.map((r) => [Number(r.mutation_id), r]));
    for (const m of mutations) {
      const rec = byId.get(m.id);
      if (rec && rec.n > 1) extraRecords += rec.n - 1;
      const booked = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM booking_orders WHERE id = $1', [
        m.args.id,
      ]);
      const n = booked.rows[0]!.n;
      if (n > 1) extraBookings += n - 1;
      applied += Math.min(n, 1);
      const audit = await pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM audit_events WHERE device_id = $1 AND mutation_id = $2',
        [dev.http.clientId, String(m.id)],
      );
      if (audit.rows[0]!.n > 1) extraAudit += audit.rows[0]!.n - 1;
      // Every one of the 20 answers must be the stored outcome (and an applied one must have its row).
      for (const a of answers[i]!) {
        if (a.incomplete) incomplete++;
        const r = a.results.find((x) => x.id === m.id);
        if (!r) continue;
        if (!rec || r.status !== rec.status || (r.status === 'applied') !== n > 0) differing++;
      }
    }
  }
  return { extraBookings, extraRecords, extraAudit, differing, incomplete, applied, slots: slots.length };
}

/** Live (non-deleted, blocking) assignments of one resource that overlap an earlier one. */
async function doubleBookings(stack: AppStack): Promise<number> {
  const { rows } = await stack.database.pool.query<{ n: number }>(`
    WITH live AS (
      SELECT biz_id, resource_id, id,
        coalesce(occupied_start_at, starts_at) AS s, coalesce(occupied_end_at, ends_at) AS e
      FROM fulfillment_assignments
      WHERE deleted_at IS NULL AND conflict_policy = 'enforce_no_overlap'
        AND status IN ('reserved', 'confirmed', 'in_progress')
    ), ordered AS (
      SELECT s, max(e) OVER (PARTITION BY biz_id, resource_id ORDER BY s, id
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
      FROM live
    )
    SELECT count(*)::int AS n FROM ordered WHERE prev_end > s`);
  return rows[0]!.n;
}

/** One device's 1,000 queued mutations pushed 50 at a time until applied and seen back through sync. */
async function reconcile(ctx: BenchContext, stack: AppStack, fx: Fixtures) {
  const http = await new HttpDevice(stack.base).setUp(EMAIL, undefined, newId('devices'));
  const dev: Dev = { http, nextMutation: 1 };
  const seen = new Set<string>();
  let upToDate = false;
  // Aborted afterwards: a stream without subscribers keeps long-polling, and it runs in the app's process.
  const aborter = new AbortController();
  const stream = new ShapeStream({
    url: `${stack.base}/api/shapes/booking_orders`,
    params: { client_id: http.clientId } as never,
    fetchClient: http.fetch,
    signal: aborter.signal,
  });
  stream.subscribe(
    (messages: Message<Row>[]) => {
      for (const m of messages) {
        if (isChangeMessage(m)) {
          if (m.headers.operation === 'insert') seen.add(String(m.value.id));
        } else if (m.headers.control === 'up-to-date') upToDate = true;
      }
    },
    (err) => ctx.log(`shape stream error: ${err}`),
  );
  try {
    await waitUntil(() => upToDate, 60_000, 'initial booking_orders sync');
    ctx.log(`reconcile: booking_orders shape synced (${seen.size} rows)`);
    const queue = Array.from({ length: 1000 }, () => mutation(dev, bookingArgs(fx, nextSlot())));
    const ids = queue.map((m) => m.args.id);
    const t0 = performance.now();
    let pending = queue;
    let rounds = 0;
    while (pending.length > 0) {
      if (++rounds > 100) throw new Error('reconcile: mutations keep failing');
      const batch = pending.slice(0, 50);
      const { results } = await commit(dev, batch);
      const done = new Set(results.map((r) => r.id));
      const rejected = results.filter((r) => r.status !== 'applied');
      if (rejected.length) throw new Error(`reconcile: rejected ${JSON.stringify(rejected[0])}`);
      pending = pending.filter((m) => !done.has(m.id));
    }
    const applied = (performance.now() - t0) / 1000;
    await waitUntil(() => ids.every((id) => seen.has(id)), 60_000, 'all 1,000 bookings synced back');
    const synced = (performance.now() - t0) / 1000;
    ctx.log(`reconcile: 1,000 applied in ${applied.toFixed(2)} s, synced back in ${synced.toFixed(2)} s`);
    return synced;
  } finally {
    stream.unsubscribeAll();
    aborter.abort();
  }
}

export async function run(ctx: BenchContext): Promise<Metrics> {
  let t = performance.now();
  const stack = await startAppStack(ctx);
  try {
    const fx = await fixtures(stack);
    ctx.log(`app + seeded Postgres up in ${((performance.now() - t) / 1000).toFixed(1)} s on ${stack.base}`);

    t = performance.now();
    const devices: Dev[] = await mapLimit(Array.from({ length: 200 }), 8, async () => ({
      http: await new HttpDevice(stack.base).setUp(EMAIL, undefined, newId('devices')),
      nextMutation: 1,
    }));
    ctx.log(`200 devices signed in and registered in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const reconcile1000 = await reconcile(ctx, stack, fx);

    const levels: Record<number, LoadResult> = {};
    for (const n of [10, 50, 200]) {
      const r = await load(stack, fx, devices.slice(0, n), LOAD_MS);
      levels[n] = r;
      ctx.log(
        `c${n}: ${r.applied} applied (${r.other} not, ${r.failed} failed) in ${r.elapsed.toFixed(1)} s → ${r.perS.toFixed(0)}/s, ` +
          `p50 ${percentile(r.latencies, 50).toFixed(1)} ms, p99 ${percentile(r.latencies, 99).toFixed(1)} ms, ` +
          `app process CPU ${(r.serverCpu * 100).toFixed(0)}% of a core`,
      );
      if (r.other + r.failed > 0) throw new Error(`c${n}: ${r.other} commits were not applied`);
      await sleep(300);
    }

    const sqlPerS = await sqlBaseline(stack, fx, 50, SQL_MS);
    ctx.log(`plain SQL INSERT booking_orders, 50 concurrent: ${sqlPerS.toFixed(0)}/s`);

    const storm = await retryStorm(stack, fx, devices.slice(0, 10));
    ctx.log(
      `retry storm: ${storm.applied} bookings on ${storm.slots} contended slots; extra bookings ${storm.extraBookings}, ` +
        `extra records ${storm.extraRecords}, extra audit ${storm.extraAudit}, differing answers ${storm.differing}, ` +
        `incomplete batches ${storm.incomplete}`,
    );
    if (storm.applied !== storm.slots) ctx.log(`WARNING: expected exactly one winner per slot`);
    const doubles = await doubleBookings(stack);
    const total = (await stack.database.pool.query('SELECT count(*)::int AS n FROM fulfillment_assignments')).rows[0].n;
    ctx.log(`double bookings over ${total} assignments: ${doubles}`);

    return {
      commits_per_s_c10: round(levels[10]!.perS, 1),
      commits_per_s_c50: round(levels[50]!.perS, 1),
      commits_per_s_c200: round(levels[200]!.perS, 1),
      commit_p99_ms_c50: round(percentile(levels[50]!.latencies, 99), 1),
      commits_vs_sql_ratio: round(levels[50]!.perS / sqlPerS, 4),
      duplicate_effects: storm.extraBookings + storm.extraRecords + storm.extraAudit + storm.differing,
      double_bookings: doubles,
      reconcile_1000_s: round(reconcile1000),
    };
  } finally {
    await stack.close();
  }
}

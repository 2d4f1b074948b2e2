/**
 * Group `fanout`: 1,000 concurrent live long-polls on one shape of the embedded shape service (its
 * own HTTP plugin on loopback), all parked, then one committed change.
 *   live_subscribers_1000_ok  1 when every one of the 1,000 live requests answered 200 with the
 *                             committed row exactly once (and an up-to-date), else 0
 *   subscriber_memory_kb      server-process heap growth (after forced GC) per parked subscriber;
 *                             the subscribers run in a separate Node process
 */
import { spawn } from 'node:child_process';
import pg from 'pg';
import { createShapeService } from '../server/sync';
import { round, serveShapes, settledMemory, startPostgres, waitUntil } from './_harness';
import type { BenchContext, Metrics } from './run';

const SUBSCRIBERS = 1000;

/** The subscribers: N live requests at once; reports, per request, status and whether the row came once. */
const SUBSCRIBERS_JS = `
const cfg = JSON.parse(process.argv[1]);
const started = performance.now();
let parkedSent = 0;
const results = await Promise.all(Array.from({ length: cfg.n }, async () => {
  try {
    const p = fetch(cfg.url, { signal: AbortSignal.timeout(cfg.timeoutMs) });
    if (++parkedSent === cfg.n) process.stdout.write('sent\\n');
    const res = await p;
    const body = await res.json();
    const hits = body.filter((m) => m.value && m.value.id === cfg.id && m.headers.operation === 'insert').length;
    const upToDate = body.some((m) => m.headers && m.headers.control === 'up-to-date');
    return { status: res.status, hits, upToDate, at: performance.now() };
  } catch (err) {
    return { status: 0, hits: 0, upToDate: false, error: String(err), at: performance.now() };
  }
}));
const ok = results.filter((r) => r.status === 200 && r.hits === 1 && r.upToDate).length;
const errors = [...new Set(results.filter((r) => r.status !== 200).map((r) => r.error || r.status))].slice(0, 3);
process.stdout.write(JSON.stringify({ ok, n: results.length, errors, spanMs: Math.max(...results.map((r) => r.at)) - Math.min(...results.map((r) => r.at)) }) + '\\n');
`;

export async function run(ctx: BenchContext): Promise<Metrics> {
  const server = await startPostgres(ctx);
  const pool = new pg.Pool({ connectionString: server.url, max: 2 });
  pool.on('error', () => {});
  try {
    await pool.query('CREATE TABLE bench_fan (id text PRIMARY KEY, biz_id text NOT NULL, n int NOT NULL, label text)');
    await pool.query(
      `INSERT INTO bench_fan SELECT 'fan_' || g, 'biz_fan', g, 'label ' || md5(g::text) FROM generate_series(1, 100) g`,
    );
    const service = createShapeService({ databaseUrl: server.url, longPollTimeoutMs: 90_000 });
    await service.ready();
    const endpoint = await serveShapes(service);
    try {
      // Follow the shape to its tail once, like a client before it goes live.
      const u = new URL(endpoint.url);
      u.searchParams.set('table', 'bench_fan');
      u.searchParams.set('where', 'biz_id = $1');
      u.searchParams.set('params[1]', 'biz_fan');
      let offset = '-1';
      let handle = '';
      for (let hop = 0; ; hop++) {
        if (hop > 10) throw new Error('shape never up to date');
        u.searchParams.set('offset', offset);
        if (handle) u.searchParams.set('handle', handle);
        const res = await fetch(u);
        const body = (await res.json()) as { headers: { control?: string } }[];
        handle = res.headers.get('electric-handle') ?? '';
        offset = res.headers.get('electric-offset') ?? '';
        if (body.at(-1)?.headers.control === 'up-to-date') break;
      }
      u.searchParams.set('offset', offset);
      u.searchParams.set('handle', handle);
      u.searchParams.set('live', 'true');
      const id = 'fan_new';

      const before = await settledMemory();
      const child = spawn(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          SUBSCRIBERS_JS,
          JSON.stringify({ url: u.href, n: SUBSCRIBERS, id, timeoutMs: 80_000 }),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      const exited = new Promise<number | null>((ok) => child.on('close', ok));
      try {
        let t = performance.now();
        await waitUntil(() => service.stats().waiters >= SUBSCRIBERS, 60_000, `${SUBSCRIBERS} parked long-polls`, 20);
        ctx.log(`${SUBSCRIBERS} live long-polls parked in ${((performance.now() - t) / 1000).toFixed(2)} s`);
        const parked = await settledMemory();
        const heapKb = (parked.heap - before.heap) / SUBSCRIBERS / 1024;
        const rssKb = (parked.rss - before.rss) / SUBSCRIBERS / 1024;
        ctx.log(`per subscriber: heap ${heapKb.toFixed(1)} KB, RSS ${rssKb.toFixed(1)} KB (server process)`);

        t = performance.now();
        await pool.query('INSERT INTO bench_fan (id, biz_id, n, label) VALUES ($1, $2, 0, $3)', [id, 'biz_fan', 'new']);
        const code = await exited;
        const allMs = performance.now() - t;
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (code !== 0 || !line) throw new Error(`subscribers exited with ${code}: ${out.slice(0, 300)}`);
        const r = JSON.parse(line) as { ok: number; n: number; errors: unknown[]; spanMs: number };
        ctx.log(
          `change delivered: ${r.ok}/${r.n} subscribers got it exactly once; all answered within ` +
            `${allMs.toFixed(0)} ms of the INSERT (answers spread over ${r.spanMs.toFixed(0)} ms)` +
            (r.errors.length ? `; errors: ${JSON.stringify(r.errors)}` : ''),
        );
        return {
          live_subscribers_1000_ok: r.ok === SUBSCRIBERS && r.n === SUBSCRIBERS ? 1 : 0,
          subscriber_memory_kb: round(heapKb, 1),
        };
      } finally {
        if (child.exitCode === null) child.kill();
      }
    } finally {
      await service.close();
      await endpoint.close();
    }
  } finally {
    await pool.end();
    await server.stop();
  }
}

/**
 * A `fetch` for the Electric client that carries every shape request of the device over one
 * connection (`POST /api/shapes/batch`), so dozens of live shapes never exhaust the browser's ~6
 * HTTP/1.1 connections per origin (which would stall commits and every other API call).
 *
 * Requests wait a few milliseconds to join a batch; at most one batch is in flight. A new request
 * arriving while a batch is parked on long-polls cancels that batch and is sent together with
 * the unanswered ones. Requests the server released unanswered are re-sent in the next batch, from
 * the same offset, so the Electric client sees ordinary (if slightly later) answers.
 *
 * While the link is down, requests are not sent one per shape: after a failed batch the next one
 * waits (250 ms doubling to at most 2 s, jittered) and carries every request that arrived
 * meanwhile, so the device probes every second or two, and the first batch after the link returns
 * resumes every shape. `wake()` (the browser's `online` event) sends at once.
 */

interface Pending {
  name: string;
  query: Record<string, string>;
  resolve(res: Response): void;
  reject(err: unknown): void;
  signal?: AbortSignal | null;
}

export interface MultiplexOptions {
  batchUrl: string;
  clientId: string;
  fetch: typeof fetch;
  /** How long a request waits for others to join its batch. */
  gatherMs?: number;
  /** Longest pause between batches while they keep failing. */
  maxRetryDelayMs?: number;
}

export type MultiplexFetch = typeof fetch & {
  /** The network is back (e.g. the `online` event): stop waiting out the retry delay. */
  wake(): void;
};

export function createMultiplexFetch(opts: MultiplexOptions): MultiplexFetch {
  const gatherMs = opts.gatherMs ?? 8;
  const maxRetryDelayMs = opts.maxRetryDelayMs ?? 2_000;
  let queue: Pending[] = [];
  let inFlight: { items: Pending[]; controller: AbortController } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let retryAt = 0;

  const schedule = () => {
    if (timer) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        if (inFlight) {
          // Pre-empt a parked batch: its unanswered requests rejoin the queue.
          inFlight.controller.abort();
          return;
        }
        void send();
      },
      Math.max(gatherMs, retryAt - Date.now()),
    );
  };

  const failed = () => {
    failures++;
    const ceiling = Math.min(maxRetryDelayMs, 250 * 2 ** Math.min(failures - 1, 10));
    retryAt = Date.now() + ceiling / 2 + Math.random() * (ceiling / 2);
  };

  async function send() {
    const items = queue.filter((p) => !p.signal?.aborted);
    queue = [];
    if (items.length === 0) return;
    const controller = new AbortController();
    inFlight = { items, controller };
    let answered = new Set<number>();
    try {
      const res = await opts.fetch(opts.batchUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        signal: controller.signal,
        body: JSON.stringify({
          clientId: opts.clientId,
          requests: items.map((p) => ({ name: p.name, query: p.query })),
        }),
      });
      if (res.status >= 500) failed();
      else failures = retryAt = 0;
      if (!res.ok) {
        // The whole batch failed (signed out, revoked, server error): every request sees that answer.
        const text = await res.text();
        for (const p of items) p.resolve(new Response(text, { status: res.status, headers: res.headers }));
        answered = new Set(items.map((_, i) => i));
      } else {
        const body = (await res.json()) as {
          responses: { i: number; status: number; headers: Record<string, string>; body: string }[];
        };
        for (const r of body.responses) {
          answered.add(r.i);
          const p = items[r.i];
          if (p && !p.signal?.aborted) p.resolve(new Response(r.status === 204 ? null : r.body, r));
        }
      }
    } catch (err) {
      if (!controller.signal.aborted) {
        // Network failure: each Electric stream retries; the next batch waits out the retry delay.
        failed();
        for (const p of items) p.reject(err);
        answered = new Set(items.map((_, i) => i));
      }
    } finally {
      inFlight = undefined;
    }
    queue.push(...items.filter((_, i) => !answered.has(i) && !items[i]!.signal?.aborted));
    if (queue.length) schedule();
  }

  const multiplexFetch: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const name = url.pathname.split('/').pop() ?? '';
    const query: Record<string, string> = {};
    url.searchParams.forEach((v, k) => {
      query[k] = v;
    });
    return new Promise<Response>((resolve, reject) => {
      const pending: Pending = { name, query, resolve, reject, signal: init?.signal };
      init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')), { once: true });
      queue.push(pending);
      schedule();
    });
  };
  return Object.assign(multiplexFetch, {
    wake() {
      failures = retryAt = 0;
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (queue.length) schedule();
    },
  });
}

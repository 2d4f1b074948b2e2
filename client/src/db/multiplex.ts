/**
 * A `fetch` for the Electric client that carries every shape request of the device over one
 * connection (`POST /api/shapes/batch`), so dozens of live shapes never exhaust the browser's ~6
 * HTTP/1.1 connections per origin (which would stall commits and every other API call).
 *
 * Requests wait a few milliseconds to join a batch; at most one batch is in flight. A new request
 * arriving while a batch is parked on long-polls cancels that batch and is sent together with
 * the unanswered ones. Requests the server released unanswered are re-sent in the next batch, from
 * the same offset, so the Electric client sees ordinary (if slightly later) answers.
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
}

export function createMultiplexFetch(opts: MultiplexOptions): typeof fetch {
  const gatherMs = opts.gatherMs ?? 8;
  let queue: Pending[] = [];
  let inFlight: { items: Pending[]; controller: AbortController } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (inFlight) {
        // Pre-empt a parked batch: its unanswered requests rejoin the queue.
        inFlight.controller.abort();
        return;
      }
      void send();
    }, gatherMs);
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
        // Network failure: let each Electric stream apply its own retry/backoff.
        for (const p of items) p.reject(err);
        answered = new Set(items.map((_, i) => i));
      }
    } finally {
      inFlight = undefined;
    }
    queue.push(...items.filter((_, i) => !answered.has(i) && !items[i]!.signal?.aborted));
    if (queue.length) schedule();
  }

  return async (input, init) => {
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
}

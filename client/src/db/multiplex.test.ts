/** The multiplexed shape transport while the link is down: paced as one, resumed at once by `wake()`. */
import { describe, expect, it } from 'vitest';
import { createMultiplexFetch } from './multiplex';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function link() {
  const state = { up: false, calls: 0 };
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    state.calls++;
    if (!state.up) throw new TypeError('fetch failed');
    const { requests } = JSON.parse(String(init?.body)) as { requests: unknown[] };
    const responses = requests.map((_, i) => ({ i, status: 200, headers: {}, body: '[]' }));
    return new Response(JSON.stringify({ responses }), { status: 200 });
  };
  return { state, transport: createMultiplexFetch({ batchUrl: 'http://x/api/shapes/batch', clientId: 'd', fetch }) };
}

/** A shape stream that re-asks as soon as its request fails, as a stream without backoff would. */
async function eager(transport: typeof fetch, name: string, until: () => boolean) {
  while (!until()) {
    const ok = await transport(`http://x/api/shapes/${name}?offset=-1`).then(
      () => true,
      () => false,
    );
    if (ok) return;
  }
}

describe('multiplexed shape transport', () => {
  it('probes a dead link every second or two for the whole device, however many shapes ask', async () => {
    const { state, transport } = link();
    let done = false;
    const streams = Array.from({ length: 20 }, (_, i) => eager(transport, `t${i}`, () => done));
    await sleep(3_000);
    done = true;
    // 250 ms, 500 ms, 1 s, 2 s (jittered down to half): a handful of batches, not one per shape.
    expect(state.calls).toBeGreaterThanOrEqual(3);
    expect(state.calls).toBeLessThanOrEqual(8);
    state.up = true;
    transport.wake();
    await Promise.all(streams);
  });

  it('sends at once on wake() instead of waiting out the retry delay', async () => {
    const { state, transport } = link();
    for (let i = 0; i < 3; i++) await transport('http://x/api/shapes/a?offset=-1').catch(() => undefined);
    state.up = true;
    const started = Date.now();
    const pending = transport('http://x/api/shapes/a?offset=-1');
    await sleep(50);
    expect(state.calls).toBe(3); // still waiting (≥ 500 ms after three failures)
    transport.wake();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

/** Test support for the shape service: a service + Fastify app on a fresh test database. */
import Fastify, { type FastifyInstance } from 'fastify';
import { shapeHttpPlugin } from './http';
import { createShapeService, type ShapeService, type ShapeServiceOptions } from './service';

export interface Harness {
  service: ShapeService;
  app: FastifyInstance;
  /** Base URL of the shape endpoint, e.g. `http://127.0.0.1:1234/v1/shape`. */
  url: string;
  close(): Promise<void>;
}

export async function startShapeServer(opts: ShapeServiceOptions, port = 0): Promise<Harness> {
  const service = createShapeService({
    longPollTimeoutMs: 2_000,
    ...opts,
  });
  await service.ready();
  const app = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(shapeHttpPlugin, { service });
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  const p = typeof address === 'object' && address ? address.port : 0;
  return {
    service,
    app,
    url: `http://127.0.0.1:${p}/v1/shape`,
    close: async () => {
      await service.close();
      await app.close();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** A raw protocol request; `params` are appended to the URL's query string. */
export async function shapeGet(url: string, params: Record<string, string>, init?: RequestInit): Promise<RawResponse> {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  const res = await fetch(u, init);
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body, text };
}

export type Msg = {
  key?: string;
  value?: Record<string, string | null>;
  old_value?: Record<string, string | null>;
  headers: Record<string, unknown>;
};

/** Follows a shape from offset -1 until up-to-date; returns all messages, handle and offset. */
export async function syncToUpToDate(
  url: string,
  params: Record<string, string>,
): Promise<{ messages: Msg[]; handle: string; offset: string; responses: RawResponse[] }> {
  let offset = '-1';
  let handle: string | undefined;
  const messages: Msg[] = [];
  const responses: RawResponse[] = [];
  for (let i = 0; i < 1000; i++) {
    const r = await shapeGet(url, { ...params, offset, ...(handle ? { handle } : {}) });
    responses.push(r);
    if (r.status !== 200) throw new Error(`status ${r.status}: ${r.text}`);
    handle = r.headers.get('electric-handle') as string;
    offset = r.headers.get('electric-offset') as string;
    const body = r.body as Msg[];
    messages.push(...body);
    if (body.at(-1)?.headers.control === 'up-to-date') return { messages, handle, offset, responses };
  }
  throw new Error('never up to date');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function waitFor(fn: () => boolean | Promise<boolean>, ms = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

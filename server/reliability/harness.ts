/**
 * Reliability harness: the real server as a child process (so it can be killed with SIGKILL), a
 * small HTTP session client, and a TCP proxy that can delay, drop or cut connections.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../db/embedded';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  port: number;
  url: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `server/main.ts` on `databaseUrl`; resolves once /api/health answers. */
export async function startServer(databaseUrl: string, port?: number): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    // The child gets exactly its configuration, nothing inherited (it runs node by absolute path).
    env: {
      PORT: String(p),
      DATABASE_URL: databaseUrl,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'bizing-rel-')),
      AUTH_SECRET: 'reliability-secret-reliability-secret-42',
      STRIPE_WEBHOOK_SECRET: 'whsec_reliability',
      PUBLIC_URL: `http://localhost:${p}`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port: p,
    url,
    child,
    kill: (signal = 'SIGKILL') =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill(signal);
      }),
  };
}

/** A cookie-keeping HTTP client for one signed-in device. */
export class Session {
  cookie = '';
  /** Each simulated device has its own address (sign-in is rate-limited per address). */
  readonly ip =
    `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
  constructor(
    public base: string,
    readonly origin: string,
  ) {}

  // biome-ignore lint/suspicious/noExplicitAny: tests inspect response bodies ad hoc
  async request(method: string, path: string, body?: unknown): Promise<{ status: number; json: any; text: string }> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        origin: this.origin,
        'x-forwarded-for': this.ip,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name] = pair!.split('=');
      this.cookie = [...this.cookie.split('; ').filter((x) => x && !x.startsWith(`${name}=`)), pair].join('; ');
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, json, text };
  }

  async signIn(email: string, password = 'demo-pass-1234') {
    const res = await this.request('POST', '/api/auth/sign-in/email', { email, password });
    if (res.status !== 200) throw new Error(`sign-in failed ${res.status} ${res.text}`);
    const me = (await this.request('GET', '/api/me')).json;
    await this.request('POST', '/api/auth/organization/set-active', { organizationId: me.memberships[0].bizId });
    return me.memberships[0].bizId as string;
  }
}

export interface FaultProxy {
  port: number;
  /** 'pass' forwards; 'drop' refuses new connections; 'cut' forwards then cuts each response after `cutAfterBytes`. */
  mode: 'pass' | 'drop' | 'cut';
  delayMs: number;
  cutAfterBytes: number;
  close(): Promise<void>;
}

/** A TCP proxy in front of `targetPort` whose behaviour tests switch at will. */
export async function faultProxy(targetPort: number): Promise<FaultProxy> {
  const sockets = new Set<net.Socket>();
  const state = { mode: 'pass' as FaultProxy['mode'], delayMs: 0, cutAfterBytes: 200 };
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (state.mode === 'drop') {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    let sent = 0;
    client.on('data', (d) => {
      setTimeout(() => upstream.write(d), state.delayMs);
    });
    upstream.on('data', (d) => {
      if (state.mode === 'cut') {
        const room = state.cutAfterBytes - sent;
        if (room > 0) client.write(d.subarray(0, room));
        sent += d.length;
        if (sent >= state.cutAfterBytes) {
          client.destroy();
          upstream.destroy();
        }
        return;
      }
      setTimeout(() => client.write(d), state.delayMs);
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address() as net.AddressInfo;
  return Object.assign(state, {
    port: address.port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  }) as FaultProxy;
}

/**
 * Test support: a signed-in device with a real PGlite store synced from a test app's server, whose
 * network can be cut: `net.up = false` fails every request like a dead link, `net.shapes = false`
 * only shape requests (commits still get through); `net.attempts` counts the requests refused.
 */
import { PGlite } from '@electric-sql/pglite';
import { electricSync } from '@electric-sql/pglite-sync';
import { expect } from 'vitest';
import { Client, type TestApp } from '../../../server/test/app';
import { newId } from '../../../shared/ids';
import { BIZ_SHAPES } from '../../../shared/shapes';
import { LocalStore, type SyncedPGlite } from './store';

export interface StoreOptions {
  /** A directory to keep the store in (reopened by a restart); in memory by default. */
  dataDir?: string;
  shapes?: readonly string[];
  confirmAfterMs?: number;
}

/** A registered device of `email` and a store factory over its cuttable network. */
export async function device(t: TestApp, email: string, defaults: StoreOptions = {}) {
  const c = new Client(t.app);
  const bizId = await c.signInTo(email);
  const me = (await c.get('/api/me')).json();
  const clientId = newId('devices');
  await c.post('/api/devices', { clientId });
  const net = { up: true, shapes: true, attempts: 0 };
  const fetchThrough: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    if (!net.up || (!net.shapes && url.pathname.startsWith('/api/shapes'))) {
      net.attempts++;
      throw new TypeError('fetch failed');
    }
    if (init?.method === 'POST') {
      const res = await c.post(url.pathname, JSON.parse(String(init.body)));
      return new Response(res.body, { status: res.statusCode, headers: res.headers as Record<string, string> });
    }
    return c.fetch(input, init);
  };
  /** Opens (or reopens) the device's store, initialised but not syncing yet. */
  const open = async (opts: StoreOptions = defaults) => {
    const pg = (await PGlite.create(opts.dataDir ?? 'memory://', {
      extensions: { sync: electricSync() },
    })) as unknown as SyncedPGlite;
    const store = new LocalStore({
      pg,
      actor: { userId: me.user.id, bizId, memberId: '', role: me.role, deviceId: clientId },
      baseUrl: 'http://localhost',
      fetch: fetchThrough,
      shapes: opts.shapes ?? BIZ_SHAPES,
      confirmAfterMs: opts.confirmAfterMs ?? 120_000,
      multiplex: true,
    });
    await store.init();
    return store;
  };
  return { c, clientId, bizId, net, open, store: await open() };
}

export async function untilSynced(store: LocalStore) {
  await store.startSync();
  await expect.poll(() => store.state.initialSyncDone, { timeout: 30_000 }).toBe(true);
}

/** A device whose store has finished its initial sync; `offline()` / `online()` also tell the store. */
export async function syncedDevice(t: TestApp, email: string, opts: StoreOptions = {}) {
  const d = await device(t, email, opts);
  await untilSynced(d.store);
  return {
    ...d,
    offline: () => {
      d.net.up = false;
      d.store.setOnline(false);
    },
    online: () => {
      d.net.up = true;
      d.store.setOnline(true);
    },
  };
}

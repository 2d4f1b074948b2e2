/**
 * Test support: a signed-in device with a real PGlite store synced from a test app's server, whose
 * network can be cut and restored (`offline()` / `online()`).
 */
import { PGlite } from '@electric-sql/pglite';
import { electricSync } from '@electric-sql/pglite-sync';
import { expect } from 'vitest';
import { Client, type TestApp } from '../../../server/test/app';
import { newId } from '../../../shared/ids';
import { BIZ_SHAPES } from '../../../shared/shapes';
import { LocalStore, type SyncedPGlite } from './store';

export async function syncedDevice(t: TestApp, email: string) {
  const c = new Client(t.app);
  const biz = await c.signInTo(email);
  const me = (await c.get('/api/me')).json();
  const clientId = newId('devices');
  await c.post('/api/devices', { clientId });
  const net = { up: true };
  const fetchThrough: typeof fetch = async (input, init) => {
    if (!net.up) throw new TypeError('fetch failed');
    if (init?.method === 'POST') {
      const url = new URL(String(input));
      const res = await c.post(url.pathname, JSON.parse(String(init.body)));
      return new Response(res.body, { status: res.statusCode, headers: res.headers as Record<string, string> });
    }
    return c.fetch(input, init);
  };
  const pg = (await PGlite.create('memory://', { extensions: { sync: electricSync() } })) as unknown as SyncedPGlite;
  const store = new LocalStore({
    pg,
    actor: { userId: me.user.id, bizId: biz, memberId: '', role: me.role, deviceId: clientId },
    baseUrl: 'http://localhost',
    fetch: fetchThrough,
    shapes: BIZ_SHAPES,
    confirmAfterMs: 120_000,
    multiplex: true,
  });
  await store.init();
  await store.startSync();
  await expect.poll(() => store.state.initialSyncDone, { timeout: 30_000 }).toBe(true);
  return {
    c,
    store,
    offline: () => {
      net.up = false;
      store.setOnline(false);
    },
    online: () => {
      net.up = true;
      store.setOnline(true);
    },
  };
}

/**
 * The device database's Web Worker: PGlite (IndexedDB), shape sync and the outbox run here, off the
 * UI thread. Screens query through PGliteWorker and call the store through rpc.ts.
 */
import { PGlite } from '@electric-sql/pglite';
import { worker } from '@electric-sql/pglite/worker';
import { electricSync } from '@electric-sql/pglite-sync';
import { AppError } from '../../../shared/errors';
import type { MutatorActor } from '../../../shared/mutators/types';
import { channelName, type RpcMessage } from './rpc';
import { LocalStore, type SyncedPGlite } from './store';

export interface WorkerMeta {
  key: string;
  actor: MutatorActor;
  baseUrl: string;
  shapes: string[];
}

void worker({
  async init(options) {
    const meta = options.meta as WorkerMeta;
    const pg = (await PGlite.create({
      dataDir: options.dataDir,
      // Relaxed: the store flushes explicitly after each mutation and after the initial sync.
      relaxedDurability: true,
      extensions: { sync: electricSync() },
    })) as unknown as SyncedPGlite;
    const channel = new BroadcastChannel(channelName(meta.key));
    const post = (msg: RpcMessage) => channel.postMessage(msg);
    const store = new LocalStore({
      pg,
      actor: meta.actor,
      baseUrl: meta.baseUrl,
      shapes: meta.shapes,
      multiplex: true,
      onState: (state) => post({ type: 'state', state }),
      onRevoked: () => post({ type: 'revoked' }),
      onSignedOut: () => post({ type: 'signed-out' }),
    });
    await store.init();
    channel.onmessage = async (e: MessageEvent<RpcMessage>) => {
      const msg = e.data;
      if (msg.type !== 'call') return;
      try {
        const target = store as unknown as Record<string, (...a: unknown[]) => unknown>;
        const value = msg.method === 'getState' ? { ...store.state } : await target[msg.method]!.apply(store, msg.args);
        post({ type: 'result', id: msg.id, ok: true, value: value ?? null });
      } catch (err) {
        const wire = err instanceof AppError ? err.toJSON() : { code: 'internal' as const, message: String(err) };
        post({ type: 'result', id: msg.id, ok: false, error: wire });
      }
    };
    // Resume at once: shape streams may be sleeping in a backoff or parked on a long-poll of the old link.
    addEventListener('online', () => store.resume());
    addEventListener('offline', () => store.setOnline(false));
    if (!navigator.onLine) store.setOnline(false);
    void store.startSync().then(() => store.schedulePush(0));
    setInterval(() => store.schedulePush(0), 10_000);
    return pg;
  },
});

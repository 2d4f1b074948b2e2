/**
 * Opens the device database for the signed-in member — PGlite in a Web Worker (worker.ts),
 * persisted in IndexedDB, one database per biz and user — whose store syncs shapes and pushes the
 * outbox off the UI thread; screens query it through PGliteWorker and call it through rpc.ts.
 */
import { live } from '@electric-sql/pglite/live';
import { PGliteWorker } from '@electric-sql/pglite/worker';
import { PGliteProvider } from '@electric-sql/pglite-react';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { shapesFor } from '../../../shared/shapes';
import type { Me } from '../session/api';
import { clientId } from '../session/device';
import { RemoteStore, type StoreApi } from './rpc';
import type { StoreState } from './store';
import type { WorkerMeta } from './worker';

const StoreContext = createContext<{ store: StoreApi; state: StoreState } | null>(null);

export function useStore() {
  const value = useContext(StoreContext);
  if (!value) throw new Error('useStore outside StoreProvider');
  return value;
}

export function databaseName(me: Me) {
  return `bizing-${me.activeBizId}-${me.user.id}`;
}

const EMPTY_STATE: StoreState = {
  online: true,
  initialSyncDone: false,
  pending: 0,
  rejected: 0,
  lastSyncedAt: null,
  lastPushError: null,
  clockSkewMs: null,
  tablesSynced: 0,
  tablesTotal: 0,
  rowsReceived: 0,
};

export function StoreProvider(props: { me: Me; children: ReactNode; onRevoked(): void; onSignedOut(): void }) {
  const { me, onRevoked, onSignedOut } = props;
  // Re-open the database only when who/where changes, not when /api/me is merely re-read.
  const identity = `${me.activeBizId}|${me.user.id}|${me.role}|${me.shapeScope}`;
  const meRef = useRef(me);
  meRef.current = me;
  const handlers = useRef({ onRevoked, onSignedOut });
  handlers.current = { onRevoked, onSignedOut };
  const [value, setValue] = useState<{ store: StoreApi; state: StoreState } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let store: RemoteStore | undefined;
    let pg: PGliteWorker | undefined;
    let cancelled = false;
    const onOnline = () => store?.setOnline(true);
    const onOffline = () => store?.setOnline(false);
    (async () => {
      const me = meRef.current;
      if (!identity.startsWith(`${me.activeBizId}|`)) return;
      if (!me.activeBizId || !me.role || !me.shapeScope) throw new Error('No active business.');
      const name = databaseName(me);
      const meta: WorkerMeta = {
        key: name,
        actor: { userId: me.user.id, bizId: me.activeBizId, memberId: '', role: me.role, deviceId: clientId() },
        baseUrl: location.origin,
        shapes: [...shapesFor(me.shapeScope)],
      };
      pg = await PGliteWorker.create(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }), {
        dataDir: `idb://${name}`,
        id: name,
        meta,
        extensions: { live },
      });
      if (cancelled) return;
      store = new RemoteStore(
        pg,
        me.activeBizId,
        name,
        { ...EMPTY_STATE, tablesTotal: meta.shapes.length },
        {
          onState: (state) => !cancelled && store && setValue({ store, state }),
          onRevoked: () => handlers.current.onRevoked(),
          onSignedOut: () => handlers.current.onSignedOut(),
        },
      );
      // For support and browser tests: reach this device's store from the console.
      (globalThis as { bizingStore?: StoreApi }).bizingStore = store;
      await store.refreshState();
      window.addEventListener('online', onOnline);
      window.addEventListener('offline', onOffline);
      if (!navigator.onLine) store.setOnline(false);
    })().catch((err: unknown) => !cancelled && setError(String(err)));
    return () => {
      cancelled = true;
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      store?.stop();
      void pg?.close();
    };
    // `identity` names exactly what the database depends on; `me` and the handlers are read via refs.
  }, [identity]);

  if (error) return <p role="alert">The local database could not be opened: {error}</p>;
  if (!value) return <p className="loading">Opening this device’s data…</p>;
  return (
    <StoreContext.Provider value={value}>
      <PGliteProvider db={value.store.pg as never}>{props.children}</PGliteProvider>
    </StoreContext.Provider>
  );
}

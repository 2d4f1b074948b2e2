/**
 * Opens the device database for the signed-in member (PGlite persisted in IndexedDB, one database
 * per biz and user), starts sync and the outbox, and provides both to the screens.
 */
import { PGlite } from '@electric-sql/pglite';
import { live } from '@electric-sql/pglite/live';
import { PGliteProvider } from '@electric-sql/pglite-react';
import { electricSync } from '@electric-sql/pglite-sync';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { shapesFor } from '../../../shared/shapes';
import type { Me } from '../session/api';
import { clientId } from '../session/device';
import { LocalStore, type StoreState, type SyncedPGlite } from './store';

const StoreContext = createContext<{ store: LocalStore; state: StoreState } | null>(null);

export function useStore() {
  const value = useContext(StoreContext);
  if (!value) throw new Error('useStore outside StoreProvider');
  return value;
}

export function databaseName(me: Me) {
  return `bizing-${me.activeBizId}-${me.user.id}`;
}

export function StoreProvider(props: { me: Me; children: ReactNode; onRevoked(): void; onSignedOut(): void }) {
  const { me } = props;
  const [value, setValue] = useState<{ store: LocalStore; state: StoreState } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let store: LocalStore | undefined;
    let cancelled = false;
    (async () => {
      // Relaxed: queries do not wait for IndexedDB; the store flushes explicitly where it matters
      // (after each mutation and after the initial sync), which keeps sync and the UI fast.
      const pg = (await PGlite.create(`idb://${databaseName(me)}`, {
        relaxedDurability: true,
        extensions: { live, sync: electricSync() },
      })) as unknown as SyncedPGlite;
      if (!me.activeBizId || !me.role || !me.shapeScope) throw new Error('No active business.');
      store = new LocalStore({
        pg,
        actor: { userId: me.user.id, bizId: me.activeBizId, memberId: '', role: me.role, deviceId: clientId() },
        baseUrl: location.origin,
        shapes: shapesFor(me.shapeScope),
        multiplex: true,
        onState: (state) => !cancelled && setValue({ store: store!, state }),
        onRevoked: props.onRevoked,
        onSignedOut: props.onSignedOut,
      });
      await store.init();
      if (cancelled) return;
      // For support and browser tests: inspect this device's outbox from the console.
      (globalThis as { bizingStore?: LocalStore }).bizingStore = store;
      setValue({ store, state: { ...store.state } });
      const goOnline = () => store?.setOnline(true);
      const goOffline = () => store?.setOnline(false);
      window.addEventListener('online', goOnline);
      window.addEventListener('offline', goOffline);
      if (!navigator.onLine) store.setOnline(false);
      await store.startSync();
      store.schedulePush(0);
      const timer = setInterval(() => store?.schedulePush(0), 10_000);
      return () => {
        clearInterval(timer);
        window.removeEventListener('online', goOnline);
        window.removeEventListener('offline', goOffline);
      };
    })().catch((err: unknown) => !cancelled && setError(String(err)));
    return () => {
      cancelled = true;
      store?.stop();
    };
  }, [me, props.onRevoked, props.onSignedOut]);

  if (error) return <p role="alert">The local database could not be opened: {error}</p>;
  if (!value) return <p className="loading">Opening this device’s data…</p>;
  return (
    <StoreContext.Provider value={value}>
      <PGliteProvider db={value.store.pg as unknown as PGlite & { live: never }}>{props.children}</PGliteProvider>
    </StoreContext.Provider>
  );
}

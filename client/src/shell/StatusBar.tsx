import { useStore } from '../db/StoreProvider';

function ago(d: Date | null) {
  if (!d) return 'never';
  const s = Math.round((Date.now() - d.getTime()) / 1000);
  return s < 60 ? `${s}s ago` : s < 3600 ? `${Math.round(s / 60)} min ago` : d.toLocaleString();
}

/** Connectivity, sync progress, pending work and conflicts: always visible, never ambiguous. */
export function StatusBar(props: { onOpenInbox(): void }) {
  const { state } = useStore();
  const syncing = !state.initialSyncDone;
  const skewMin = state.clockSkewMs === null ? 0 : Math.round(Math.abs(state.clockSkewMs) / 60_000);
  return (
    <div className="status-bar" role="status" aria-live="polite">
      <span className={`pill ${state.online ? (syncing ? 'syncing' : 'online') : 'offline'}`} data-testid="sync-status">
        {!state.online ? 'Offline' : syncing ? 'Syncing' : 'Online'}
      </span>
      {syncing && (
        <span className="progress">
          <progress max={state.tablesTotal} value={state.tablesSynced} aria-label="Initial sync" />
          {state.tablesSynced}/{state.tablesTotal} tables · {state.rowsReceived} rows
        </span>
      )}
      <span data-testid="pending">{state.pending} pending</span>
      <button
        type="button"
        className={state.rejected ? 'badge alert' : 'badge'}
        onClick={props.onOpenInbox}
        data-testid="inbox-badge"
      >
        Conflicts: {state.rejected}
      </button>
      <span className="muted">Last synced {ago(state.lastSyncedAt)}</span>
      {skewMin >= 5 && (
        <span className="warning" role="alert">
          This device’s clock is {skewMin} minutes off; times you record are kept, but check the clock.
        </span>
      )}
      {state.lastPushError && <span className="warning">{state.lastPushError}</span>}
    </div>
  );
}

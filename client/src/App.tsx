import { useCallback, useState } from 'react';
import { databaseName, StoreProvider, useStore } from './db/StoreProvider';
import { CheckInByCode } from './features/frontdesk/CheckInByCode';
import { CustomerSearch } from './features/frontdesk/CustomerSearch';
import { Explain } from './features/frontdesk/Explain';
import { Inbox } from './features/frontdesk/Inbox';
import { Roster } from './features/frontdesk/Roster';
import { SellPack } from './features/frontdesk/SellPack';
import { TodayBoard } from './features/frontdesk/TodayBoard';
import { WalkIn } from './features/frontdesk/WalkIn';
import { Dashboard } from './features/manager/Dashboard';
import { QueueDesk } from './features/queue/QueueDesk';
import { QueueDisplay } from './features/queue/QueueDisplay';
import { MyJobs } from './features/technician/MyJobs';
import { dayOffsetOf } from './features/time';
import type { Me } from './session/api';
import { SignIn } from './session/SignIn';
import { useSession } from './session/useSession';
import { Header } from './shell/Header';
import { StatusBar } from './shell/StatusBar';
import './app.css';

type Tab = 'desk' | 'roster' | 'customers' | 'queue' | 'inbox' | 'jobs' | 'dashboard';

function tabsFor(me: Me): Tab[] {
  if (me.role === 'technician') return ['jobs', 'inbox'];
  if (me.role === 'owner' || me.role === 'manager')
    return ['desk', 'roster', 'customers', 'queue', 'dashboard', 'inbox'];
  return ['desk', 'roster', 'customers', 'queue', 'inbox'];
}
const TAB_LABELS: Record<Tab, string> = {
  desk: 'Front desk',
  roster: 'Classes',
  customers: 'Customers',
  queue: 'Queue',
  inbox: 'Conflicts',
  jobs: 'My jobs',
  dashboard: 'Dashboard',
};

function Workspace(props: { me: Me }) {
  const { me } = props;
  const tabs = tabsFor(me);
  const [tab, setTab] = useState<Tab>(tabs[0]!);
  /** The front-desk board's day (0 = today); a walk-in booked for another day takes the board there. */
  const [boardDay, setBoardDay] = useState(0);
  const timeZone = me.memberships.find((m) => m.bizId === me.activeBizId)?.timezone ?? 'UTC';
  return (
    <>
      <StatusBar onOpenInbox={() => setTab('inbox')} />
      <nav className="tabs" aria-label="Sections">
        {tabs.map((t) => (
          <button type="button" key={t} aria-current={t === tab ? 'page' : undefined} onClick={() => setTab(t)}>
            {TAB_LABELS[t]}
          </button>
        ))}
      </nav>
      <main className="content">
        {tab === 'desk' && (
          <div className="desk">
            <div className="side">
              <WalkIn timeZone={timeZone} onBooked={(at) => setBoardDay(dayOffsetOf(at, timeZone))} />
              <CheckInByCode />
              <SellPack />
              <Explain timeZone={timeZone} />
            </div>
            <TodayBoard timeZone={timeZone} dayOffset={boardDay} onDayOffset={setBoardDay} />
          </div>
        )}
        {tab === 'roster' && <Roster timeZone={timeZone} />}
        {tab === 'customers' && <CustomerSearch timeZone={timeZone} />}
        {tab === 'queue' && <QueueDesk timeZone={timeZone} />}
        {tab === 'inbox' && <Inbox timeZone={timeZone} canTakeOver={me.actions.includes('booking.take_over')} />}
        {tab === 'jobs' && <MyJobs timeZone={timeZone} userId={me.user.id} />}
        {tab === 'dashboard' && <Dashboard timeZone={timeZone} />}
      </main>
    </>
  );
}

/** Sign-out warns when this device still holds changes the server has not confirmed. */
function SignOutGuard(props: { children(signOut: () => void): React.ReactNode; onSignOut(): void }) {
  const { state } = useStore();
  const signOut = () => {
    if (
      state.pending + state.rejected > 0 &&
      !window.confirm(
        `${state.pending} change(s) have not reached the server and ${state.rejected} conflict(s) are unresolved. ` +
          'They stay on this device and continue when you sign in here again. Sign out anyway?',
      )
    ) {
      return;
    }
    props.onSignOut();
  };
  return <>{props.children(signOut)}</>;
}

export function App() {
  const { state, signIn, signOut, switchBiz } = useSession();
  const [revoked, setRevoked] = useState(false);
  const me = state.status === 'signed-in' ? state.me : null;

  const onRevoked = useCallback(() => {
    // A revoked device keeps nothing: wipe its database and cached session.
    if (me) indexedDB.deleteDatabase(`/pglite/${databaseName(me)}`);
    localStorage.clear();
    setRevoked(true);
  }, [me]);
  const onSignedOut = useCallback(() => void signOut(), [signOut]);

  if (revoked) {
    return (
      <main className="sign-in">
        <p role="alert">This device was revoked by a manager. Its local data has been erased.</p>
      </main>
    );
  }
  if (state.status === 'loading') return <p className="loading">Loading…</p>;
  if (state.status === 'signed-out') return <SignIn notice={state.notice} onSignIn={signIn} />;
  const { offline } = state;
  const signedIn = state.me;
  if (!signedIn.activeBizId) {
    return (
      <main className="content">
        <p>You are not a member of any business yet. Ask an owner or manager for an invitation.</p>
      </main>
    );
  }
  // The waiting-room screen: full page, live from sync, no desk controls.
  if (new URLSearchParams(window.location.search).get('display') === 'queue' && signedIn.role !== 'customer') {
    return (
      <StoreProvider
        key={`${signedIn.activeBizId}:${signedIn.user.id}`}
        me={signedIn}
        onRevoked={onRevoked}
        onSignedOut={onSignedOut}
      >
        <QueueDisplay
          timeZone={signedIn.memberships.find((m) => m.bizId === signedIn.activeBizId)?.timezone ?? 'UTC'}
        />
      </StoreProvider>
    );
  }
  return (
    <StoreProvider
      key={`${signedIn.activeBizId}:${signedIn.user.id}`}
      me={signedIn}
      onRevoked={onRevoked}
      onSignedOut={onSignedOut}
    >
      <SignOutGuard onSignOut={() => void signOut()}>
        {(guardedSignOut) => (
          <Header me={signedIn} offline={offline} onSwitchBiz={(id) => void switchBiz(id)} onSignOut={guardedSignOut} />
        )}
      </SignOutGuard>
      <h1 className="visually-hidden" data-testid="biz-name">
        {signedIn.memberships.find((m) => m.bizId === signedIn.activeBizId)?.name}
      </h1>
      <Workspace me={signedIn} />
    </StoreProvider>
  );
}

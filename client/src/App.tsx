import { SignIn } from './session/SignIn';
import { useSession } from './session/useSession';
import { Header } from './shell/Header';
import './app.css';

export function App() {
  const { state, signIn, signOut, switchBiz } = useSession();
  if (state.status === 'loading') return <p className="loading">Loading…</p>;
  if (state.status === 'signed-out') return <SignIn notice={state.notice} onSignIn={signIn} />;
  const { me, offline } = state;
  const biz = me.memberships.find((m) => m.bizId === me.activeBizId);
  return (
    <>
      <Header me={me} offline={offline} onSwitchBiz={(id) => void switchBiz(id)} onSignOut={() => void signOut()} />
      <main className="content">
        <h1 data-testid="biz-name">{biz?.name ?? 'No business yet'}</h1>
        <p>Signed in as {me.user.email}.</p>
      </main>
    </>
  );
}

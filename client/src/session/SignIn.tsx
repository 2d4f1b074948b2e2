import { type FormEvent, useState } from 'react';
import { ApiError, NetworkError } from './api';

const MESSAGES: Record<string, string> = {
  http_401: 'Email or password is incorrect.',
  INVALID_EMAIL_OR_PASSWORD: 'Email or password is incorrect.',
  http_429: 'Too many attempts. Wait a minute and try again.',
};

export function SignIn(props: { notice?: string; onSignIn(email: string, password: string): Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onSignIn(email.trim(), password);
    } catch (err) {
      if (err instanceof NetworkError) setError('You are offline. Signing in needs a connection.');
      else if (err instanceof ApiError) setError(MESSAGES[err.code] ?? MESSAGES[`http_${err.status}`] ?? err.message);
      else setError('Something went wrong. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Bizing</h1>
        {props.notice && (
          <p className="notice" role="status">
            {props.notice}
          </p>
        )}
        <label>
          Email
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

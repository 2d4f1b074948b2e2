/**
 * The signed-in state, online or not. `/api/me` is cached in localStorage so a reload with no
 * network still shows who is signed in and what their role may do; when the network returns and
 * the session turns out to have expired, the user is asked to sign in again (queued work stays).
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, authApi, type Me, NetworkError } from './api';
import { clientId, deviceLabel } from './device';

const CACHE_KEY = 'bizing.me';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; notice?: string }
  | { status: 'signed-in'; me: Me; offline: boolean };

function cached(): Me | null {
  try {
    const raw = localStorage.getItem(CACHE_KEY);
    return raw ? (JSON.parse(raw) as Me) : null;
  } catch {
    return null;
  }
}

export function useSession() {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      let me = await authApi.me();
      if (!me.activeBizId && me.memberships[0]) {
        await authApi.setActiveBiz(me.memberships[0].bizId);
        me = await authApi.me();
      }
      localStorage.setItem(CACHE_KEY, JSON.stringify(me));
      if (me.activeBizId) await authApi.registerDevice(clientId(), deviceLabel()).catch(() => undefined);
      setState({ status: 'signed-in', me, offline: false });
    } catch (err) {
      if (err instanceof NetworkError) {
        const me = cached();
        setState(me ? { status: 'signed-in', me, offline: true } : { status: 'signed-out' });
        return;
      }
      const hadSession = cached() !== null;
      localStorage.removeItem(CACHE_KEY);
      const expired = err instanceof ApiError && err.status === 401 && hadSession;
      setState({
        status: 'signed-out',
        notice: expired ? 'Your session has expired. Sign in again; changes waiting to sync are kept.' : undefined,
      });
    }
  }, []);

  useEffect(() => {
    void refresh();
    const online = () => void refresh();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [refresh]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      await authApi.signIn(email, password);
      await refresh();
    },
    [refresh],
  );
  const signOut = useCallback(async () => {
    await authApi.signOut().catch(() => undefined);
    localStorage.removeItem(CACHE_KEY);
    setState({ status: 'signed-out' });
  }, []);
  const switchBiz = useCallback(
    async (bizId: string) => {
      await authApi.setActiveBiz(bizId);
      await refresh();
    },
    [refresh],
  );

  return { state, signIn, signOut, switchBiz, refresh };
}

/** The few HTTP calls the session layer makes; every failure becomes a typed error with the server's code. */
import type { ErrorCode } from '../../../shared/errors';
import type { Action, Role, ShapeScope } from '../../../shared/permissions';

export interface Membership {
  bizId: string;
  name: string;
  slug: string;
  timezone: string;
  role: Role;
}

export interface Me {
  user: { id: string; email: string; name: string };
  memberships: Membership[];
  activeBizId: string | null;
  role: Role | null;
  actions: Action[];
  shapeScope: ShapeScope | null;
}

/** The server answered with an error (status and catalogue code), as opposed to no answer at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** No answer: offline, DNS, server down. The caller may fall back to cached state. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The server could not be reached.', { cause });
    this.name = 'NetworkError';
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      credentials: 'same-origin',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (err) {
    throw new NetworkError(err);
  }
  const text = await res.text();
  const data = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!res.ok) {
    const code = typeof data.code === 'string' ? data.code : `http_${res.status}`;
    const message = typeof data.message === 'string' ? data.message : res.statusText;
    throw new ApiError(res.status, code, message);
  }
  return data as T;
}

export const authApi = {
  me: () => api<Me>('/api/me'),
  signIn: (email: string, password: string) => api('/api/auth/sign-in/email', { body: { email, password } }),
  signOut: () => api('/api/auth/sign-out', { body: {} }),
  setActiveBiz: (bizId: string) => api('/api/auth/organization/set-active', { body: { organizationId: bizId } }),
  registerDevice: (clientId: string, label: string) => api('/api/devices', { body: { clientId, label } }),
};

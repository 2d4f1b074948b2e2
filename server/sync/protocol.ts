/** Response helpers for the Electric HTTP shape protocol: headers, cache-control matrix, cursor, errors. */

export interface ShapeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const EXPOSE_HEADERS =
  'electric-cursor,electric-handle,electric-has-data,electric-offset,electric-schema,electric-up-to-date,electric-internal-known-error,retry-after';

export const CACHE = {
  initial: 'public, max-age=604800, s-maxage=3600, stale-while-revalidate=2629746',
  catchUp: 'public, max-age=60, stale-while-revalidate=300',
  live: 'public, max-age=5, stale-while-revalidate=5',
  conflictWithHandle: 'public, max-age=60, must-revalidate',
  conflict: 'public, max-age=1, must-revalidate',
  none: 'no-store',
} as const;

export function baseHeaders(origin: string | undefined): Record<string, string> {
  return {
    'access-control-allow-origin': origin ?? '*',
    'access-control-expose-headers': EXPOSE_HEADERS,
    'access-control-allow-methods': 'GET, HEAD, OPTIONS',
    'electric-server': 'bizing-shapes/1',
  };
}

export function json(status: number, body: unknown, origin: string | undefined, extra: Record<string, string> = {}) {
  return {
    status,
    headers: {
      ...baseHeaders(origin),
      'content-type': 'application/json; charset=utf-8',
      'cache-control': CACHE.none,
      'surrogate-control': CACHE.none,
      ...extra,
    },
    body: JSON.stringify(body),
  } satisfies ShapeResponse;
}

/** `400 {"message":"Invalid request","errors":{field:[msg]}}` (§1.5). */
export function invalid(field: string, message: string, origin: string | undefined): ShapeResponse {
  return json(400, { message: 'Invalid request', errors: { [field]: [message] } }, origin);
}

export function unavailable(message: string, retryAfterSec: number, origin: string | undefined): ShapeResponse {
  return json(503, { code: 'unavailable', message }, origin, { 'retry-after': String(retryAfterSec) });
}

export function mustRefetch(newHandle: string | undefined, origin: string | undefined): ShapeResponse {
  const headers: Record<string, string> = {
    ...baseHeaders(origin),
    'content-type': 'application/json; charset=utf-8',
    'cache-control': newHandle ? CACHE.conflictWithHandle : CACHE.conflict,
  };
  if (newHandle) headers['electric-handle'] = newHandle;
  return { status: 409, headers, body: '[{"headers":{"control":"must-refetch"}}]' };
}

const CURSOR_EPOCH_SEC = Date.UTC(2024, 9, 9) / 1000;

/** Electric's live cache-buster (§4.2): next interval boundary, bumped past the client's cursor. */
export function nextCursor(clientCursor: string | undefined, intervalSec: number): string {
  const t = Date.now() / 1000 - CURSOR_EPOCH_SEC;
  let next = Math.ceil(t / intervalSec) * intervalSec;
  const prev = clientCursor && /^\d+$/.test(clientCursor) ? Number(clientCursor) : null;
  if (prev !== null && next <= prev) next = prev + 1 + Math.floor(Math.random() * 3600);
  return String(next);
}

export function upToDate(globalLsn: bigint): string {
  return `{"headers":{"control":"up-to-date","global_last_seen_lsn":"${globalLsn}"}}`;
}

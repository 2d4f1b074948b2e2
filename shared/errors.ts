/**
 * The one catalogue of error codes, shared by server and client. Machines branch on `code`
 * (the conflict inbox, tests); people read `message`. The HTTP status lives with the code.
 */

export const ERRORS = {
  bad_request: { status: 400, message: 'The request is malformed.' },
  validation_failed: { status: 400, message: 'Some fields are missing or invalid.' },
  body_too_large: { status: 413, message: 'The request body is too large.' },
  unauthenticated: { status: 401, message: 'Sign in to continue.' },
  invalid_credentials: { status: 401, message: 'Email or password is incorrect.' },
  session_expired: { status: 401, message: 'Your session has expired; sign in again. Queued work is kept.' },
  device_revoked: { status: 401, message: 'This device was revoked by a manager; its local data will be wiped.' },
  forbidden: { status: 403, message: 'Your role does not allow this.' },
  cross_origin: { status: 403, message: 'Cross-origin requests are refused.' },
  not_found: { status: 404, message: 'Not found.' },
  rate_limited: { status: 429, message: 'Too many attempts; wait a moment and try again.' },
  conflict: { status: 409, message: 'The change conflicts with the current state.' },
  idempotency_conflict: { status: 409, message: 'This mutation id was already used with different arguments.' },
  unknown_mutation: { status: 400, message: 'No mutation has this name.' },
  slot_unavailable: { status: 409, message: 'That time is no longer available.' },
  capacity_full: { status: 409, message: 'There are no seats left.' },
  insufficient_credits: { status: 409, message: 'Not enough credits or balance.' },
  credit_expired: { status: 409, message: 'The credit has expired.' },
  payment_declined: { status: 402, message: 'The payment was declined.' },
  payment_requires_network: { status: 409, message: 'Card payments need a connection.' },
  refund_exceeds_paid: { status: 409, message: 'A refund cannot exceed what was paid.' },
  depends_on_rejected: { status: 409, message: 'An earlier change this depends on was rejected.' },
  assignment_changed: { status: 409, message: 'The job was reassigned.' },
  job_cancelled: { status: 409, message: 'The job was cancelled.' },
  booking_cancelled: { status: 409, message: 'The booking was cancelled.' },
  already_checked_in: { status: 409, message: 'Already checked in.' },
  invalid_ticket: { status: 409, message: 'This code is not valid here.' },
  hold_expired: { status: 409, message: 'The hold has expired.' },
  invalid_state: { status: 409, message: 'That action is not possible in the current state.' },
  lead_time: { status: 409, message: 'That time is too soon to book.' },
  beyond_horizon: { status: 409, message: 'That time is too far ahead to book.' },
  stripe_signature_invalid: { status: 400, message: 'The Stripe signature is missing or invalid.' },
  shape_invalid: { status: 400, message: 'The shape request is invalid.' },
  must_refetch: { status: 409, message: 'The shape must be refetched.' },
  config_invalid: { status: 500, message: 'The server configuration is invalid.' },
  internal: { status: 500, message: 'Something went wrong on our side.' },
  unavailable: { status: 503, message: 'The service is starting or unavailable; try again shortly.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value);
}

/** An error that crosses the wire as `{code, message, details}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
  }

  toJSON(): WireError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export interface WireError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Throw-helper for the common "missing or another biz's" case: one answer for both. */
export function notFound(what?: string): AppError {
  return new AppError('not_found', what ? `${what} not found.` : undefined);
}

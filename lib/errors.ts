/**
 * The one error type Eventscope raises on purpose. The code decides the HTTP status, and `expose` says
 * whether the message is safe to show to the caller (internal errors are logged, never echoed).
 */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  /** Everything but internal errors is written for the user, so it may be sent back as is. */
  get expose(): boolean {
    return this.code !== "internal";
  }
}

/** The JSON body of every non-2xx API response. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

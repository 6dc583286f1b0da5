export interface FieldError {
  path: string;
  /** English, for API clients and logs. */
  message: string;
  /** A stable reason code with its parameters, where a screen or a document says the reason in its own language. */
  code?: string;
  params?: Record<string, string | number>;
}

/** The one error type: services throw it, the error handler turns it into `{ error: { code, message, … } }`. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: { fields?: FieldError[]; [k: string]: unknown },
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', 400, `${path}: ${message}`, { fields: [{ path, message }] });
export const notFound = (what = 'record') => new AppError('NOT_FOUND', 404, `${what} not found`);
export const forbidden = (message = 'permission denied', code = 'FORBIDDEN') =>
  new AppError(code, 403, message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', 409, message, details);
export const staleVersion = (current: number) =>
  new AppError('STALE_VERSION', 409, 'the record was changed by someone else; reload and try again', {
    currentVersion: current,
  });
export const unauthorized = (message = 'sign in first', code = 'UNAUTHENTICATED') =>
  new AppError(code, 401, message);

/** Postgres unique violations become 409s instead of 500s; other driver errors are left alone. */
export function isUniqueViolation(err: unknown): err is { code: string; constraint?: string } {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

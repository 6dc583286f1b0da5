import type { ApiErrorBody } from '@civicgrid/shared/api-error';

export interface FieldError {
  path: string;
  message: string;
}

/** Every failed call ends here: the HTTP status plus the API's error body, or NETWORK_ERROR when none came. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    fields?: FieldError[],
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields ?? [];
    this.details = details ?? {};
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// The CSRF token lives only in memory: it is re-read from /api/auth/me on every page load, so nothing in
// storage can be lifted by a script.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

interface Handlers {
  onUnauthorized: () => void;
  onPasswordChangeRequired: () => void;
}
const handlers: Handlers = {
  onUnauthorized: () => {
    if (window.location.pathname !== '/login') {
      const next = window.location.pathname + window.location.search;
      window.location.assign(`/login?next=${encodeURIComponent(next)}`);
    }
  },
  onPasswordChangeRequired: () => window.location.assign('/profile?mustChange=1'),
};
/** The app swaps in router navigation so redirects do not reload the page. */
export function setApiHandlers(next: Partial<Handlers>) {
  Object.assign(handlers, next);
}

let acceptLanguage = 'zh-CN';
export function setApiLanguage(lang: string) {
  acceptLanguage = lang;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  /** The me/login calls handle 401 themselves: redirecting from them would loop on the login page. */
  skipAuthRedirect?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (an Idempotency-Key on a create). */
  headers?: Record<string, string>;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | null = null;
  try {
    body = (await res.json()) as Partial<ApiErrorBody>;
  } catch {
    // Not JSON (a proxy page, an empty answer): fall back to the status alone.
  }
  const err = body?.error;
  return new ApiError(
    res.status,
    err?.code ?? `HTTP_${res.status}`,
    err?.message ?? res.statusText,
    err?.fields,
    err?.details,
  );
}

/** The raw Response of a successful call; errors are thrown as ApiError after the redirect rules ran. */
export async function apiFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  Object.assign(headers, options.headers);

  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'network error');
  }
  if (res.ok) return res;

  const error = await toApiError(res);
  if (error.status === 401 && !options.skipAuthRedirect) {
    setCsrfToken(null);
    handlers.onUnauthorized();
  } else if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    handlers.onPasswordChangeRequired();
  }
  throw error;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await apiFetch(path, options);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

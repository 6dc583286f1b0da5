import i18n from 'i18next';
import { ApiError } from './api';
import { meQueryKey, type Me } from '../app/auth';
import { queryClient } from '../app/query-client';

/**
 * The two calls lib/api cannot make: a multipart upload and a POST with its own headers (Idempotency-Key).
 * Same rules as lib/api: CSRF token from the signed-in session, the UI language, the API's error body as an
 * ApiError, and a 401 drops the cached user so <RequireAuth> sends the browser to the sign-in page.
 */
export async function sendRaw<T>(
  path: string,
  init: { body: FormData | object; headers?: Record<string, string> },
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language === 'en' ? 'en' : 'zh-CN',
    ...init.headers,
  };
  const csrf = queryClient.getQueryData<Me | null>(meQueryKey)?.csrfToken;
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const multipart = init.body instanceof FormData;
  if (!multipart) headers['Content-Type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: multipart ? (init.body as FormData) : JSON.stringify(init.body),
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'network error');
  }
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a proxy's error page): the status alone must do.
  }
  if (res.ok) return parsed as T;
  const err = (parsed as { error?: Partial<ApiError> & { fields?: ApiError['fields'] } } | undefined)?.error;
  if (res.status === 401) queryClient.setQueryData(meQueryKey, null);
  throw new ApiError(
    res.status,
    err?.code ?? `HTTP_${res.status}`,
    err?.message ?? res.statusText,
    err?.fields,
    err?.details,
  );
}

/** crypto.randomUUID exists only in secure contexts; a LAN deployment over plain http still needs a key. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

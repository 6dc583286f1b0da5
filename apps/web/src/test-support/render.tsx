import type { ReactElement } from 'react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { vi } from 'vitest';
import { meQueryKey, RequireAuth, type Me } from '../app/auth';

/** The URL the page is at now, for assertions on what a filter wrote there. */
export const location = { current: '' };
function LocationProbe() {
  const l = useLocation();
  location.current = l.pathname + l.search;
  return null;
}

/** A signed-in user holding these permissions. */
export function meWith(permissions: string[]): Me {
  return {
    user: {
      id: '00000000-0000-4000-8000-000000000001',
      username: 'tester',
      displayName: '测试员',
      orgId: '00000000-0000-4000-8000-000000000002',
      orgName: '示范区',
      orgLevel: 'district',
      mustChangePassword: false,
    },
    roles: [],
    permissions,
    csrfToken: 'csrf',
    secondFactor: { enabled: false, required: false, mustEnrol: false },
  };
}

/**
 * Renders a page or widget the way the app does: antd's App, a fresh query client, a signed-in user with
 * `permissions`, a router at `url`.
 */
export function renderWithApp(
  ui: ReactElement,
  { url = '/', path = '*', permissions = [] }: { url?: string; path?: string; permissions?: string[] } = {},
) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  client.setQueryData(meQueryKey, meWith(permissions));
  const result = render(
    <AntApp>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[url]}>
          <LocationProbe />
          <Routes>
            <Route path={path} element={<RequireAuth>{ui}</RequireAuth>} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </AntApp>,
  );
  return { ...result, client };
}

export interface FetchCall {
  url: URL;
  method: string;
  body: unknown;
}

/**
 * Replaces fetch with `answer(call)`: the JSON to send back, or a `[status, body]` pair. Every call is recorded.
 */
export function mockFetch(answer: (call: FetchCall) => unknown) {
  const calls: FetchCall[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const call = {
      url,
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    const out = answer(call);
    const [status, body] =
      Array.isArray(out) && typeof out[0] === 'number' ? (out as [number, unknown]) : [200, out];
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

/** The API's error body. */
export const apiError = (
  status: number,
  code: string,
  message = code,
  fields?: { path: string; message: string }[],
) => [status, { error: { code, message, fields } }] as const;

import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { OrgLevel } from '@civicgrid/shared/orgs';
import { api, isApiError, setCsrfToken } from '../lib/api';
import { FullPageError, FullPageLoading } from '../components/FullPageState';
import { Forbidden } from '../components/Forbidden';
import { wipeFieldDevice } from '../modules/field/offline-queue';

export interface RoleRef {
  id: string;
  code: string;
  name: string;
}

export interface Me {
  user: {
    id: string;
    username: string;
    displayName: string;
    orgId: string;
    orgName: string;
    orgLevel: OrgLevel;
    mustChangePassword: boolean;
  };
  roles: RoleRef[];
  permissions: string[];
  csrfToken: string;
  /** `mustEnrol`: an administrator without a second factor; the API opens nothing else until it is set up. */
  secondFactor: { enabled: boolean; required: boolean; mustEnrol: boolean };
}

/** The password was right; the session waits for the code from the authenticator app. */
export interface SecondFactorDue {
  secondFactorRequired: true;
  csrfToken: string;
}

export const isSecondFactorDue = (r: Me | SecondFactorDue): r is SecondFactorDue =>
  'secondFactorRequired' in r;

export const meQueryKey = ['auth', 'me'] as const;

/** null means "no session": a normal answer for the login page, not an error. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/api/auth/me', { skipAuthRedirect: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      api<Me | SecondFactorDue>('/api/auth/login', { method: 'POST', body, skipAuthRedirect: true }),
    onSuccess: (r) => {
      // A different user may sign in on the same tab: nothing cached for the previous one may show.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      setCsrfToken(r.csrfToken);
      if (!isSecondFactorDue(r)) queryClient.setQueryData(meQueryKey, r);
    },
  });
}

/** The code step after a right password: the answer is the signed-in user, under a new session. */
export function useSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string }) =>
      api<Me>('/api/auth/second-factor', { method: 'POST', body, skipAuthRedirect: true }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST', skipAuthRedirect: true });
    } catch {
      // The session may already be gone; signing out locally is what matters.
    }
    setCsrfToken(null);
    await wipeFieldDevice(); // the field queue's session key and kept data go with the session
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, null);
    await navigate('/login', { replace: true });
  }, [navigate, queryClient]);
}

interface AuthValue {
  me: Me;
  can: (permission: string) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

/** Only inside <RequireAuth>: there the user is known, so pages need no null checks. */
export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside <RequireAuth>');
  return value;
}

export function useCan(permission: string): boolean {
  return useAuth().can(permission);
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, error, refetch } = useMeQuery();
  const location = useLocation();
  const value = useMemo<AuthValue | null>(() => {
    if (!me) return null;
    const granted = new Set(me.permissions);
    return { me, can: (permission) => granted.has(permission) };
  }, [me]);

  if (isPending) return <FullPageLoading />;
  if (error) return <FullPageError error={error} onRetry={() => void refetch()} />;
  if (!me || !value) {
    const next =
      location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  // The API refuses everything else until the password is changed; keep the user where they can do that.
  if (me.user.mustChangePassword && location.pathname !== '/profile') {
    return <Navigate to="/profile?mustChange=1" replace />;
  }
  if (me.secondFactor.mustEnrol && location.pathname !== '/profile') {
    return <Navigate to="/profile?enrol=1" replace />;
  }
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useAuth();
  if (!can(permission)) return <Forbidden />;
  return <>{children}</>;
}

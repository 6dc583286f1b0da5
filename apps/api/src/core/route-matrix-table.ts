/**
 * What the generated route matrix (route-matrix.test.ts) needs to know that the route table does not say. Each
 * list here is meant to shrink: a route leaves KNOWN_GAPS when a factory makes its record.
 */

/** The aggregate a `:id` route acts on: the path segment before the first `:id` ('/api/cases/:id/x' → 'cases'). */
export function aggregateOf(url: string): string {
  const parts = url.split('/');
  const i = parts.indexOf(':id');
  return i > 0 ? parts.slice(2, i).join('/') : '';
}

/** Aggregates that belong to no org: one district-wide list each, guarded by the route's permission only. */
export const NOT_SCOPED = new Set(['roles', 'categories', 'policy-categories', 'role-changes']);

/**
 * Aggregates (or single `METHOD url` routes) without a factory yet, so neither the 404 matrix nor the leak walk
 * can check them. Adding a factory for one and deleting it here is how this list shrinks.
 */
// Empty since every aggregate has a factory; a new module's route goes here only with a reason beside it.
export const KNOWN_GAPS = new Set<string>([]);

/** Values for path params other than `:id`. */
export const PARAM_VALUES: Record<string, string> = {
  period: '2026-11',
  day: '2026-03-02',
  code: 'x',
  ownerType: 'case',
  series: 'tiao',
  // 大联动: no assignment of that id exists, so an in-scope case answers 404 and another subtree's as well.
  assignmentId: '00000000-0000-4000-8000-000000000026',
};

/**
 * Query strings for routes that need one to answer at all (searches, locators, duplicate checks); `{street}` is
 * the street of the user asking.
 */
export const QUERIES: Record<string, string> = {
  'GET /api/grids/locate': '?lng=121.355&lat=31.092',
  'GET /api/calendar': '?year=2026',
  'GET /api/assessment/schemes/:id/history': '?assesseeId={community}',
  'GET /api/calendar/deadline': '?from=2026-03-02T01:00:00Z&workingHours=8',
  'GET /api/stats/cases': '?from=2026-01-01&to=2026-12-31',
  'GET /api/dashboard/indicators': '?from=2026-01-01&to=2026-12-31',
  'GET /api/dashboard/trend': '?from=2026-01-01&to=2026-12-31',
  'GET /api/dashboard/breakdown': '?from=2026-01-01&to=2026-12-31&by=category',
  'GET /api/dashboard/rankings': '?from=2026-01-01&to=2026-12-31',
  'GET /api/reports/monthly': '?orgId={street}&month=2026-11',
  'GET /api/referrals': '?box=incoming',
  'GET /api/subjects/search': '?type=person&q=%E7%8E%8B',
  'DELETE /api/notices/:id': '?version=1',
  'GET /api/petitions/desk-lookup': '?idNumber=310117199001011234',
  'GET /api/petitions/monthly-return/export': '?month=2026-01',
  'DELETE /api/policies/:id': '?version=1',
  'GET /api/volunteer-roster': '?weekStart=2026-03-02',
  'GET /api/volunteers/duty-book/export': '?month=2026-03',
  'GET /api/field/worklogs-missing': '?from=2026-03-02&to=2026-03-06',
  'GET /api/field/worklogs-missing/export': '?from=2026-03-02&to=2026-03-06',
  'GET /api/field/worklogs/draft': '?day=2026-03-02',
};

/**
 * Body fields the generated sample cannot guess, where a service checks the body before it loads the record
 * (so a plausible body is needed for the scope check to be reached). `{category}` is a real policy category.
 */
export const BODY_OVERRIDES: Record<string, Record<string, unknown>> = {
  'POST /api/users/:id/reset-password': { password: 'Long#Passw0rd1' },
  'PATCH /api/notices/:id': { type: 'announcement', body: '正文' },
  'PATCH /api/policies/:id': { categoryId: '{category}', body: '正文' },
  'POST /api/referrals/:id/decline': { response: '不属于本单位职责' },
};

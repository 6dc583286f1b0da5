import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { ALL_PERMISSIONS } from '@civicgrid/shared/permissions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as f from '../test-support/factories.ts';
import { riskIn } from '../test-support/factories-stability.ts';
import { returnRecordsIn } from '../test-support/factories-returns.ts';
import { createTestApp, type Agent, type TestApp } from '../test-support/test-app.ts';
import { PARAM_VALUES, QUERIES } from './route-matrix-table.ts';

/**
 * Formula injection (CSV/XLSX): text typed by users is planted as formulas in every free-text field that lists
 * show, then every export route of the route table is read in both formats. No cell, header row included, may
 * start with = + - @, a tab or a CR, and no XLSX cell may hold a formula.
 */
let t: TestApp;
let reader: Agent;
const ids: Record<string, string> = {};
const PLANTS = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
const plant = (i: number) => PLANTS[i % PLANTS.length]!;
const BAD_START = /^[=+\-@\t\r]/;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.db;
  const at = await f.orgSubtree(db, undefined, '=街道');
  const c = await f.caseIn(db, at);
  const p = await f.person(db, at);
  const h = await f.house(db, at);
  const o = await f.organization(db, at);
  const n = await f.notice(db, at);
  const pol = await f.policy(db, at);
  const k = await f.open311Key(db, at);
  const s = await f.scheme(db, at);
  const u = await f.user(db, at.street, { code: 'street_staff' });
  await f.rental(db, at);
  await f.permit(db, at);
  Object.assign(ids, {
    cases: c.id,
    'assessment/schemes': s.id,
    imports: (await f.importJob(db, at)).id,
    'subject-requests': (await f.subjectRequest(db, at)).id,
    ...(await returnRecordsIn(db, at)),
  });
  const set = async (table: string, id: string, cols: string[]) => {
    const assignments = cols.map((col, i) => sql`${sql.ref(col)} = ${plant(i)}`);
    await sql`UPDATE ${sql.table(table)} SET ${sql.join(assignments)} WHERE id = ${id}`.execute(db);
  };
  await set('orgs', at.community.id, ['name']);
  await set('cases', c.id, ['title', 'description', 'address']);
  await set('persons', p.id, ['name', 'address', 'note', 'household_address']);
  await set('houses', h.id, ['address']);
  await set('organizations', o.id, ['name']);
  await set('notices', n.id, ['title']);
  await set('policy_documents', pol.id, ['title']);
  await set('open311_keys', k.id, ['name', 'owner']);
  await set('users', u.id, ['display_name']);
  await set('assessment_schemes', s.id, ['name', 'description']);
  await set('risk_factors', (await riskIn(db, at)).id, ['title', 'responsible_person']);
  // A user-typed indicator name becomes a header cell of the results export.
  await db
    .insertInto('assessment_indicators')
    .values({ scheme_id: s.id, sort_order: 1, name: '=1+2', kind: 'manual', weight: 1, max_score: 10 })
    .execute();
  const admin = await f.user(db, await f.district(db), { permissions: ALL_PERMISSIONS });
  reader = await t.login(admin.username, admin.password);
});
afterAll(() => t.close());

/** RFC 4180 fields: quoted fields may hold commas, quotes ("") and line breaks. */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',' || ch === '\n') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') continue;
    else cell += ch;
  }
  if (cell) cells.push(cell);
  return cells.map((x) => x.replace(/^\uFEFF/, ''));
}

async function xlsxCells(bytes: Buffer): Promise<{ values: string[]; formulas: number }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const values: string[] = [];
  let formulas = 0;
  book.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas++;
        values.push(typeof cell.value === 'string' ? cell.value : String(cell.text ?? ''));
      }),
    ),
  );
  return { values, formulas };
}

const exportRoutes = () =>
  t.app.routeTable.filter(
    (r) => r.method === 'GET' && r.access.permission && (/\/export$/.test(r.url) || /\/errors$/.test(r.url)),
  );

function urlOf(url: string, format: 'csv' | 'xlsx'): string {
  const path = url.replace(/:([A-Za-z]+)/g, (_, p: string) =>
    p === 'id' ? ids[url.split('/').slice(2, url.split('/').indexOf(':id')).join('/')]! : PARAM_VALUES[p]!,
  );
  const q = (QUERIES[`GET ${url}`] ?? '').replace(/^\?/, '');
  return `${path}?format=${format}${q ? `&${q}` : ''}`;
}

describe('exports against formula injection', () => {
  it('finds no cell that a spreadsheet would run, in CSV or XLSX, on every export route', async () => {
    const routes = exportRoutes();
    expect(routes.length).toBeGreaterThan(12);
    const unsafe: string[] = [];
    const planted = new Set<string>();
    const notSheets: string[] = [];
    for (const r of routes)
      for (const format of ['csv', 'xlsx'] as const) {
        const res = await reader.request('GET', urlOf(r.url, format));
        expect(res.status, `${r.url} ${format}: ${res.text.slice(0, 200)}`).toBe(200);
        if (format === 'csv' && !String(res.headers['content-type']).startsWith('text/csv')) {
          notSheets.push(r.url);
          break;
        }
        const raw = res.raw;
        if (format === 'xlsx')
          expect(String(res.headers['content-type']), `${r.url} xlsx`).toContain('spreadsheetml');
        const { values, formulas } =
          format === 'csv' ? { values: csvCells(raw.toString('utf8')), formulas: 0 } : await xlsxCells(raw);
        if (formulas) unsafe.push(`${r.url} ${format}: ${formulas} formula cells`);
        for (const v of values) {
          if (BAD_START.test(v)) unsafe.push(`${r.url} ${format}: ${JSON.stringify(v.slice(0, 40))}`);
          if (PLANTS.some((x) => v.includes(x.replace(/^[\t\r]/, '')))) planted.add(`${r.url} ${format}`);
        }
      }
    expect(unsafe).toEqual([]);
    // The grid boundaries are GeoJSON for GIS tools and a data subject's file is JSON for its handler: no sheets.
    expect(notSheets.sort()).toEqual(['/api/grids/export', '/api/subject-requests/:id/export']);
    // The planted text did reach the exports (the check above is not vacuous).
    for (const url of [
      '/api/cases/export',
      '/api/persons/export',
      '/api/houses/export',
      '/api/organizations/export',
      '/api/notices/export',
      '/api/policies/export',
      '/api/users/export',
      '/api/open311/keys/export',
      '/api/assessment/schemes/export',
      '/api/assessment/schemes/:id/periods/:period/results/export',
    ])
      for (const format of ['csv', 'xlsx'])
        expect(planted, `${url} ${format} shows no planted text`).toContain(`${url} ${format}`);
  });
});

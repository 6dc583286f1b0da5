import pg from 'pg';
import type { ApiProcess, Session } from './api-process.ts';
import { percentiles } from './latency.ts';
import type { BenchResult } from './point-to-grid.ts';

export interface ListProbe {
  label: string;
  /** Query string of GET /api/cases, or null where no API path exists. */
  api: string | null;
  /** The bare SQL doing the same selection (ids only, same order and page size). */
  sql: string;
  params: unknown[];
  session?: 'district' | 'street';
}

const OPEN = `('reported','registered','dispatched','handling','handled','verified')`;
const PAGE = 50;

export function caseProbes(f: {
  categoryId: string;
  categoryCode: string;
  streetId: string;
  streetPath: string;
  q: string;
}): ListProbe[] {
  const order = `ORDER BY c.created_at DESC, c.id DESC LIMIT ${PAGE + 1}`;
  return [
    { label: 'newest', api: '', sql: `SELECT c.id FROM cases c ${order}`, params: [] },
    {
      label: 'status=handling',
      api: 'status=handling',
      sql: `SELECT c.id FROM cases c WHERE c.status = 'handling' ${order}`,
      params: [],
    },
    {
      label: 'category',
      api: `categoryId=${f.categoryId}`,
      sql: `SELECT c.id FROM cases c JOIN categories cat ON cat.id = c.category_id WHERE cat.code LIKE $1 ${order}`,
      params: [`${f.categoryCode}%`],
    },
    {
      label: 'street (orgId)',
      api: `orgId=${f.streetId}`,
      sql: `SELECT c.id FROM cases c WHERE (c.org_path LIKE $1 OR c.department_path LIKE $1) ${order}`,
      params: [`${f.streetPath}%`],
    },
    {
      label: 'open by deadline',
      api: 'status=reported,registered,dispatched,handling,handled,verified&sort=deadline',
      sql: `SELECT c.id FROM cases c WHERE c.status IN ${OPEN}
            ORDER BY coalesce(c.step_deadline, 'infinity'::timestamptz), c.id LIMIT ${PAGE + 1}`,
      params: [],
    },
    {
      label: 'overdue',
      api: 'slaState=overdue',
      sql: `SELECT c.id FROM cases c WHERE c.status NOT IN ('closed','rejected','suspended')
            AND c.step_deadline <= now() ${order}`,
      params: [],
    },
    {
      label: 'street user, own scope',
      api: '',
      session: 'street',
      sql: `SELECT c.id FROM cases c WHERE (c.org_path LIKE $1 OR c.owner_path LIKE $1 OR c.department_path LIKE $1) ${order}`,
      params: [`${f.streetPath}%`],
    },
    {
      label: 'text search',
      api: `q=${encodeURIComponent(f.q)}`,
      sql: `SELECT c.id FROM cases c WHERE (c.title ILIKE $1 OR c.number LIKE $1 OR c.address ILIKE $1
            OR c.description ILIKE $1) ${order}`,
      params: [`%${f.q}%`],
    },
  ];
}

export function personProbes(f: {
  rootPath: string;
  name: string;
  idTail: string;
  phone: string;
  street: string;
}): ListProbe[] {
  // The same WHERE and order as apps/api/src/modules/registry/person-repository.ts builds for `q`.
  const scoped = `p.org_path LIKE $1`;
  const order = `ORDER BY p.created_at DESC, p.id DESC LIMIT ${PAGE + 1}`;
  const tail = (s: string) => `${[...s].reverse().join('')}%`;
  const text = `(p.name LIKE $2 OR p.name LIKE $3 OR p.address LIKE $3)`;
  // Four digits are the last four of an ID or a phone (what masked views show; decision 0010).
  const digits = `(reverse(p.id_number) LIKE $2 OR reverse(p.phone) LIKE $2)`;
  return [
    {
      label: 'person by name',
      api: `/api/persons?pageSize=${PAGE}&q=${encodeURIComponent(f.name)}`,
      // Two characters: the name's prefix or its character pairs (migration 0016).
      sql: `SELECT p.id FROM persons p WHERE ${scoped}
        AND (p.name LIKE $2 OR (p.name LIKE $3 AND cg_bigrams(p.name) @> ARRAY[$4]::text[])) ${order}`,
      params: [`${f.rootPath}%`, `${f.name}%`, `%${f.name}%`, f.name],
    },
    {
      label: 'person by address',
      api: `/api/persons?pageSize=${PAGE}&q=${encodeURIComponent(f.street)}`,
      sql: `SELECT p.id FROM persons p WHERE ${scoped} AND ${text} ${order}`,
      params: [`${f.rootPath}%`, `${f.street}%`, `%${f.street}%`],
    },
    {
      label: 'person by ID tail',
      api: `/api/persons?pageSize=${PAGE}&q=${f.idTail}`,
      sql: `SELECT p.id FROM persons p WHERE ${scoped} AND ${digits} ${order}`,
      params: [`${f.rootPath}%`, tail(f.idTail)],
    },
    {
      label: 'person by phone',
      api: `/api/persons?pageSize=${PAGE}&q=${f.phone}`,
      sql: `SELECT p.id FROM persons p WHERE ${scoped} AND ${digits} ${order}`,
      params: [`${f.rootPath}%`, tail(f.phone)],
    },
  ];
}

async function get(api: ApiProcess, s: Session, url: string) {
  const r = await fetch(`${api.base}${url}`, { headers: { cookie: s.cookie } });
  if (!r.ok) throw new Error(`${url}: ${r.status} ${(await r.text()).slice(0, 200)}`);
  await r.arrayBuffer();
}

/** p95 of the API path beside the p95 of the bare SQL, per probe; a missing API route is said, not faked. */
export async function benchLists(
  api: ApiProcess,
  sessions: Record<'district' | 'street', Session>,
  url: string | null,
  probes: ListProbe[],
  runs: number,
  prefix = '',
): Promise<{ results: BenchResult[]; p95: Record<string, number> }> {
  const pool = url ? new pg.Pool({ connectionString: url, max: 1 }) : null;
  const results: BenchResult[] = [];
  const p95: Record<string, number> = {};
  for (const p of probes) {
    const s = sessions[p.session ?? 'district'];
    const path =
      p.api === null
        ? null
        : p.api.startsWith('/')
          ? p.api
          : `/api/cases?limit=${PAGE}${p.api ? `&${p.api}` : ''}`;
    let apiTimes: { p50: number; p95: number } | null = null;
    if (path) {
      const probe = await fetch(`${api.base}${path}`, { headers: { cookie: s.cookie } });
      if (probe.status === 404) console.log(`  ${p.label}: ${path.split('?')[0]} answers 404 on this build`);
      else apiTimes = await percentiles(() => get(api, s, path), runs);
    }
    const bare = pool ? await percentiles(() => pool.query(p.sql, p.params), runs) : null;
    const kind = p.label.startsWith('person') ? 'person-search' : 'case-list';
    console.log(
      `  ${p.label.padEnd(24)} API p50 ${apiTimes?.p50 ?? '–'} ms, p95 ${apiTimes?.p95 ?? '–'} ms` +
        (bare ? `   bare SQL p50 ${bare.p50} ms, p95 ${bare.p95} ms` : ''),
    );
    if (apiTimes) p95[p.label] = apiTimes.p95;
    results.push({
      name: `${prefix}${kind} p95: ${p.label}${apiTimes ? '' : ' (bare SQL only)'}`,
      value: apiTimes?.p95 ?? bare!.p95,
      unit: 'ms',
      limit: apiTimes && bare ? bare.p95 : null,
      ratio: apiTimes && bare && bare.p95 ? Math.round((apiTimes.p95 / bare.p95) * 100) / 100 : null,
      target: '≤ 50 ms p95 at district scale',
    });
  }
  await pool?.end();
  return { results, p95 };
}

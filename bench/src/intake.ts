import autocannon from 'autocannon';
import pg from 'pg';
import type { ApiProcess, Session } from './api-process.ts';
import type { BenchResult } from './point-to-grid.ts';
import { Rng } from './generate/random.ts';
import { pointIn, type GridCell } from './generate/org-tree.ts';

export interface IntakeFixture {
  categoryId: string;
  grids: Pick<GridCell, 'quad'>[];
}

function body(rng: Rng, f: IntakeFixture, n: number) {
  const g = f.grids[rng.int(f.grids.length)]!;
  const [lng, lat] = pointIn(g.quad, rng.next(), rng.next());
  return {
    channel: 'hotline',
    title: `基准压测事件 ${n}`,
    description: '压测生成，非真实事件',
    categoryId: f.categoryId,
    urgency: 'normal',
    location: { lng, lat, address: '基准路1号' },
    reporter: { name: '测试', phone: '13900000000' },
  };
}

/** POST /api/cases from `connections` concurrent clients for `seconds`; answers cases/s and latency. */
export async function httpIntake(
  api: ApiProcess,
  session: Session,
  f: IntakeFixture,
  opts: { connections: number; seconds: number; onTick?: () => void },
) {
  const rng = new Rng(311);
  let n = 0;
  const tick = opts.onTick ? setInterval(opts.onTick, 250) : null;
  const result = await autocannon({
    url: `${api.base}/api/cases`,
    connections: opts.connections,
    duration: opts.seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(body(rng, f, n++)) }) }],
  });
  if (tick) clearInterval(tick);
  const ok = result['2xx'];
  if (result.non2xx || result.errors)
    console.log(`  intake: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { perSecond: ok / opts.seconds, p50: result.latency.p50, p99: result.latency.p99 };
}

/**
 * The floor under the API: the same three rows (case, event, audit) and case number in one transaction per
 * case, from as many connections as the API's pool, straight through pg.
 */
export async function rawIntake(
  url: string,
  f: IntakeFixture & { orgPath: string; ownerId: string; ownerPath: string; userId: string },
  opts: { connections: number; seconds: number },
) {
  const pool = new pg.Pool({ connectionString: url, max: opts.connections });
  const rng = new Rng(312);
  const until = Date.now() + opts.seconds * 1000;
  let done = 0;
  const worker = async () => {
    const c = await pool.connect();
    try {
      while (Date.now() < until) {
        const b = body(rng, f, done);
        const now = new Date();
        await c.query('BEGIN');
        const seq = await c.query<{ n: string }>(`SELECT nextval('case_number_seq')::text AS n`);
        const number = `R${now.toISOString().slice(0, 10).replaceAll('-', '')}${seq.rows[0]!.n.padStart(7, '0')}`;
        const row = await c.query<{ id: string }>(
          `INSERT INTO cases (number, channel, title, description, category_id, urgency, status, lng, lat, address,
             org_path, owner_org_id, owner_path, reporter_name, reporter_phone, created_by, step, step_started_at,
             step_warn_at, step_deadline, created_at, updated_at)
           VALUES ($1,$2,$3,$4,$5,$6,'reported',$7,$8,$9,$10,$11,$12,$13,$14,$15,'register',$16,$16,$16,$16,$16)
           RETURNING id`,
          [
            number,
            b.channel,
            b.title,
            b.description,
            b.categoryId,
            b.urgency,
            b.location.lng,
            b.location.lat,
            b.location.address,
            f.orgPath,
            f.ownerId,
            f.ownerPath,
            b.reporter.name,
            b.reporter.phone,
            f.userId,
            now,
          ],
        );
        const id = row.rows[0]!.id;
        await c.query(
          `INSERT INTO workflow_events (owner_type, owner_id, at, actor_id, actor_name, action, to_status, note, data)
           VALUES ('case',$1,$2,$3,'bench','report','reported',$4,$5)`,
          [id, now, f.userId, b.title, JSON.stringify({ channel: b.channel, attachmentIds: [] })],
        );
        await c.query(
          `INSERT INTO audit_log (at, actor_id, actor_name, action, entity_type, entity_id, summary)
           VALUES ($1,$2,'bench','case.create','case',$3,$4)`,
          [now, f.userId, id, `case ${number} reported`],
        );
        await c.query('COMMIT');
        done++;
      }
    } finally {
      c.release();
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  await pool.end();
  return done / opts.seconds;
}

export function intakeResults(http: number, raw: number | null, prefix = ''): BenchResult[] {
  return [
    {
      name: `${prefix}case-intake-http`,
      value: Math.round(http),
      unit: 'cases/s',
      limit: raw === null ? null : Math.round(raw),
      ratio: raw ? Math.round((http / raw) * 100) / 100 : null,
      target: '≥ 0.5 × raw SQL transaction',
    },
  ];
}

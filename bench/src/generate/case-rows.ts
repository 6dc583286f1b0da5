import { TableSink, type Loader } from './loader.ts';
import { personName, ROADS } from './names.ts';
import { mobile } from './identity.ts';
import { pointIn, type CityTree } from './org-tree.ts';
import { Rng, uuidFor, Weighted } from './random.ts';
import type { Scale } from './scales.ts';

export const CASE_KIND = 7;

export interface LeafCategory {
  id: string;
  code: string;
  name: string;
  limits: Record<string, Record<string, number>>;
  departmentId: string | null;
  departmentPath: string | null;
}

/** What a command centre's year looks like: city appearance and street order dominate, disputes follow. */
const HEAVY: Record<string, number> = { SJ0202: 14, SJ0203: 12, SJ0302: 8, ZZ0101: 8, SJ0401: 6, BJ0101: 5 };
const PREFIX: Record<string, number> = { SJ: 4, BJ: 2.5, ZZ: 3 };

const CHANNEL = new Weighted([
  ['patrol', 42],
  ['hotline', 30],
  ['public', 12],
  ['window', 6],
  ['terminal', 4],
  ['video', 3],
  ['mailbox', 1],
  ['letter', 1],
  ['transfer', 1],
] as const);

/** The workflow's main line; a case at status s has taken the first k of these actions. */
const LINE = [
  ['report', null, 'reported'],
  ['register', 'reported', 'registered'],
  ['dispatch', 'registered', 'dispatched'],
  ['accept', 'dispatched', 'handling'],
  ['feedback', 'handling', 'handled'],
  ['verify', 'handled', 'verified'],
  ['close', 'verified', 'closed'],
] as const;
const STEPS_TO: Record<string, number> = {
  reported: 1,
  registered: 2,
  dispatched: 3,
  handling: 4,
  handled: 5,
  verified: 6,
  closed: 7,
};
const STEP_OF: Record<string, string> = {
  reported: 'register',
  registered: 'dispatch',
  dispatched: 'handle',
  handling: 'handle',
  handled: 'verify',
  verified: 'close',
};

/** Older matters are mostly closed; the last days hold every open status. */
const OLD = new Weighted([
  ['closed', 90],
  ['rejected', 4],
  ['suspended', 1],
  ['handling', 3],
  ['handled', 1],
  ['verified', 1],
] as const);
const RECENT = new Weighted([
  ['closed', 55],
  ['rejected', 4],
  ['handling', 15],
  ['handled', 8],
  ['verified', 6],
  ['dispatched', 5],
  ['suspended', 2],
  ['registered', 3],
  ['reported', 2],
] as const);
const NEW = new Weighted([
  ['reported', 15],
  ['registered', 15],
  ['dispatched', 15],
  ['handling', 25],
  ['handled', 10],
  ['verified', 5],
  ['closed', 12],
  ['rejected', 3],
] as const);

const HOUR = 3_600_000;

/** Cases over the last 12 months, busier towards now and by day, each with the timeline that led to it. */
export async function generateCases(
  loader: Loader,
  s: Scale,
  tree: CityTree,
  categories: LeafCategory[],
  now: Date,
  progress: (table: string, done: number, total: number) => void,
) {
  const rng = new Rng(30428);
  const mix = new Weighted(
    categories.map((c) => [c, HEAVY[c.code] ?? PREFIX[c.code.slice(0, 2)] ?? 2] as const),
  );
  const cases = new TableSink(
    loader,
    'cases',
    [
      'id',
      'number',
      'channel',
      'title',
      'description',
      'category_id',
      'urgency',
      'status',
      'suspended_from',
      'lng',
      'lat',
      'address',
      'grid_id',
      'community_id',
      'street_id',
      'org_path',
      'owner_org_id',
      'owner_path',
      'department_id',
      'department_path',
      'reporter_name',
      'reporter_phone',
      'step',
      'step_started_at',
      'step_warn_at',
      'step_deadline',
      'was_overdue',
      'handle_deadline',
      'registered_at',
      'dispatched_at',
      'handled_at',
      'closed_at',
      'evaluation',
      'evaluated_at',
      'created_at',
      'updated_at',
    ],
    s.chunk,
  );
  const events = new TableSink(
    loader,
    'workflow_events',
    [
      'owner_type',
      'owner_id',
      'at',
      'actor_name',
      'actor_org',
      'action',
      'from_status',
      'to_status',
      'note',
      'data',
    ],
    s.chunk * 4,
  );
  // The running step clock of each open case, as intake and the runner write it (the sweep reads these).
  const clocks = new TableSink(
    loader,
    'workflow_clocks',
    ['owner_type', 'owner_id', 'clock', 'started_at', 'warn_at', 'deadline', 'paused_remaining'],
    s.chunk,
  );
  const yearMs = 365 * 24 * HOUR;
  for (let i = 0; i < s.cases; i++) {
    // u^1.3 puts more matters near now: the platform's use grows over the year.
    const age = Math.pow(rng.next(), 1.3) * yearMs;
    const created = new Date(now.getTime() - age);
    created.setUTCHours((rng.chance(0.85) ? 0 : 10) + rng.int(12), rng.int(60), rng.int(60));
    if (created > now) created.setTime(now.getTime() - rng.int(HOUR));
    const ageDays = (now.getTime() - created.getTime()) / (24 * HOUR);
    const status = (ageDays > 20 ? OLD : ageDays > 3 ? RECENT : NEW).draw(rng);
    const cat = mix.draw(rng);
    const g = tree.grids[rng.int(tree.grids.length)]!;
    const [lng, lat] = pointIn(g.quad, rng.next(), rng.next());
    const channel = CHANNEL.draw(rng);
    const urgency = rng.chance(0.08) ? 'urgent' : 'normal';
    const limits = cat.limits[urgency] ?? { register: 2, dispatch: 2, handle: 48, verify: 8, close: 4 };
    const id = uuidFor(CASE_KIND, i);
    const ownerPath = g.communityPath;
    const actions: (readonly [string, string | null, string])[] =
      status === 'rejected'
        ? [LINE[0], ['reject', 'reported', 'rejected']]
        : status === 'suspended'
          ? [...LINE.slice(0, 4), ['suspend', 'handling', 'suspended']]
          : LINE.slice(0, STEPS_TO[status]);
    const at: Date[] = [];
    let t = created.getTime();
    for (let k = 0; k < actions.length; k++) {
      if (k > 0) t += (0.1 + rng.next() * (k === 4 ? 40 : 6)) * HOUR;
      at.push(new Date(Math.min(t, now.getTime() - (actions.length - k) * 1000)));
    }
    const when = (action: string) => {
      const k = actions.findIndex((a) => a[0] === action);
      return k >= 0 ? at[k]!.toISOString() : null;
    };
    const last = at[at.length - 1]!;
    const step = STEP_OF[status];
    const stepHours = step ? (limits[step] ?? 8) : 0;
    // Working hours stretch over nights and weekends: about 3 wall-clock hours per working hour.
    const deadline = step ? new Date(last.getTime() + stepHours * 3 * HOUR) : null;
    const warn = step ? new Date(last.getTime() + stepHours * 3 * 0.8 * HOUR) : null;
    const dispatched = actions.length >= 3 && status !== 'rejected';
    const closed = status === 'closed';
    const evaluation =
      closed && rng.chance(0.7)
        ? rng.pick(['satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied'])
        : null;
    const road = ROADS[rng.int(ROADS.length)]!;
    const title = `${g.communityName.replace('（基准）', '')}${road}${cat.name}`;
    const number = `${created.toISOString().slice(0, 10).replaceAll('-', '')}${String(i + 1).padStart(7, '0')}`;
    await cases.add([
      id,
      number,
      channel,
      title,
      `${road}${1 + rng.int(900)}号附近${cat.name}，请尽快处理。`,
      cat.id,
      urgency,
      status,
      status === 'suspended' ? 'handling' : null,
      lng,
      lat,
      `${g.streetName.replace('（基准）', '')}${road}${1 + rng.int(900)}号`,
      g.id,
      g.communityId,
      g.streetId,
      g.path,
      g.communityId,
      ownerPath,
      dispatched ? cat.departmentId : null,
      dispatched ? cat.departmentPath : null,
      rng.chance(0.6) ? personName(rng, rng.chance(0.5)) : null,
      rng.chance(0.6) ? mobile(rng) : null,
      step ?? status,
      last.toISOString(),
      warn?.toISOString() ?? null,
      deadline?.toISOString() ?? null,
      rng.chance(0.07),
      dispatched
        ? new Date(
            (when('dispatch') ? Date.parse(when('dispatch')!) : last.getTime()) +
              (limits.handle ?? 48) * 3 * HOUR,
          ).toISOString()
        : null,
      when('register'),
      when('dispatch'),
      when('feedback'),
      when('close'),
      evaluation,
      evaluation ? new Date(last.getTime() + 2 * HOUR).toISOString() : null,
      created.toISOString(),
      last.toISOString(),
    ]);
    if (deadline || status === 'suspended')
      await clocks.add([
        'case',
        id,
        'step',
        last.toISOString(),
        status === 'suspended' ? null : (warn?.toISOString() ?? null),
        status === 'suspended' ? null : (deadline?.toISOString() ?? null),
        status === 'suspended' ? stepHours * 60 : null,
      ]);
    for (let k = 0; k < actions.length; k++) {
      const [action, from, to] = actions[k]!;
      await events.add([
        'case',
        id,
        at[k]!.toISOString(),
        action === 'report'
          ? '网格员（基准）'
          : action === 'accept' || action === 'feedback'
            ? '处置员（基准）'
            : '中心坐席员（基准）',
        action === 'accept' || action === 'feedback' ? '处置部门' : g.communityName,
        action,
        from,
        to,
        action === 'report' ? title : action === 'feedback' ? '已处置完毕' : null,
        action === 'report' ? JSON.stringify({ channel, attachmentIds: [] }) : null,
      ]);
    }
    if (i % (s.chunk * 2) === 0) progress('cases', i, s.cases);
  }
  await cases.flush();
  await events.flush();
  await clocks.flush();
  progress('cases', s.cases, s.cases);
  return { cases: cases.rows, events: events.rows };
}

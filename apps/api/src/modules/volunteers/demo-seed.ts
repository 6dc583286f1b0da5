import { localDay } from '../../core/calendar.ts';
import { likePrefix } from '../../core/like.ts';
import type { Db } from '../../db/client.ts';
import { addDays, mondayOf, patternShifts, type PostPattern } from './coverage.ts';

const DAY = 86_400_000;
const KINDS = [
  'community',
  'community',
  'party_member_in_service',
  'industry',
  'migrant_worker',
  'auxiliary',
];
const THREE = [
  { start: '06:00', end: '14:00' },
  { start: '14:00', end: '22:00' },
  { start: '22:00', end: '06:00' },
];
const POSTS = [
  {
    name: '东兴路地铁口钉子岗',
    kind: 'fixed',
    place: 'metro',
    pattern: THREE,
    min: 2,
    cs: '00:00',
    ce: '24:00',
  },
  {
    name: '梅园小区南门钉子岗',
    kind: 'fixed',
    place: 'estate',
    pattern: THREE,
    min: 1,
    cs: '00:00',
    ce: '24:00',
  },
  {
    name: '东兴小学护学岗',
    kind: 'service_point',
    place: 'school',
    pattern: [
      { start: '07:00', end: '14:30' },
      { start: '14:30', end: '22:00' },
    ],
    min: 1,
    cs: '07:00',
    ce: '22:00',
  },
  {
    name: '滨河夜巡路线',
    kind: 'patrol_route',
    place: 'other',
    pattern: [{ start: '19:00', end: '23:00' }],
    min: 2,
    cs: '19:00',
    ce: '23:00',
  },
] as const;

/**
 * 群防群治 of 东兴街道: three teams (the 平安巡逻队 led by the demo volunteer `zyz`), 36 real-name volunteers from
 * the street's registered people (a few certificates expired or expiring), four posts round the clock and by
 * day, and last, this and next week's roster: last week signed in and confirmed, this week staffed but for one
 * night (a red gap), tomorrow's first shift at the metro one short (the leader's alert), `zyz` on today's shifts.
 */
export async function seedDemoVolunteers(tx: Db, now: Date) {
  const street = await tx
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('name', '=', '东兴街道')
    .executeTakeFirst();
  const community = await tx
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('name', '=', '梅园社区')
    .executeTakeFirst();
  if (!street || !community) return;
  const users = await tx
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['zyz', 'zygl'])
    .execute();
  const zyz = users.find((u) => u.username === 'zyz')?.id ?? null;
  const manager = users.find((u) => u.username === 'zygl')?.id ?? null;
  const people = await tx
    .selectFrom('persons')
    .select(['id', 'name'])
    .where('org_path', 'like', likePrefix(street.path))
    .where('id_type', '=', 'citizen_id')
    .orderBy('id_number')
    .limit(36)
    .execute();
  if (people.length < 12) return;
  const team = async (name: string, kind: string, org: { id: string; path: string }, leader: string | null) =>
    (
      await tx
        .insertInto('volunteer_teams')
        .values({
          name,
          kind,
          org_id: org.id,
          org_path: org.path,
          leader_user_id: leader,
          created_by: manager,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const patrol = await team('东兴街道平安巡逻队', 'patrol', street, zyz);
  const charity = await team('梅园社区义工队', 'charity', community, null);
  const emergency = await team('东兴街道应急分队', 'emergency', street, null);
  const today = localDay(now);
  const vols = await tx
    .insertInto('volunteers')
    .values(
      people.map((p, i) => {
        const kind = KINDS[i % KINDS.length]!;
        // Two expired, three expiring within the month, one without a certificate; the rest valid.
        const validTo =
          i === 5 || i === 11
            ? '2026-03-31'
            : i % 12 === 7
              ? localDay(new Date(now.getTime() + 20 * DAY))
              : i === 35
                ? null
                : '2027-12-31';
        return {
          person_id: p.id,
          org_id: i % 3 === 1 ? community.id : street.id,
          org_path: i % 3 === 1 ? community.path : street.path,
          kind,
          subtype: kind === 'auxiliary' ? (i % 2 ? 'security_guard' : 'traffic_assistant') : null,
          team_id: i % 3 === 1 ? charity : i % 5 === 4 ? emergency : patrol,
          user_id: i === 0 ? zyz : null,
          skills: JSON.stringify(i % 4 === 0 ? ['急救'] : i % 4 === 1 ? ['消防', '驾驶'] : []),
          employer:
            kind === 'party_member_in_service' ? '区市场监管局' : kind === 'industry' ? '东兴物业公司' : null,
          certificate_number: validTo ? `QF-2025-${String(i + 1).padStart(4, '0')}` : null,
          certificate_issued: validTo ? '2025-01-15' : null,
          certificate_valid_to: validTo,
          trainings: JSON.stringify([
            { date: '2025-01-15', hours: 8, topic: '群防群治岗前培训', passed: true },
          ]),
          created_by: manager,
        };
      }),
    )
    .returning(['id', 'org_path', 'certificate_valid_to', 'user_id'])
    .execute();
  const certified = vols.filter(
    (v) => v.certificate_valid_to && v.certificate_valid_to >= addDays(today, 14),
  );
  const me = vols.find((v) => v.user_id && v.user_id === zyz);
  const thisWeek = mondayOf(today);
  let n = 0;
  for (const [pi, p] of POSTS.entries()) {
    const post = await tx
      .insertInto('volunteer_posts')
      .values({
        name: p.name,
        kind: p.kind,
        place_kind: p.place,
        org_id: pi === 1 ? community.id : street.id,
        org_path: pi === 1 ? community.path : street.path,
        team_id: pi === 1 ? charity : patrol,
        address: p.name.replace(/钉子岗|护学岗|路线/, ''),
        lng: 121.38 + pi * 0.004,
        lat: 31.11 + pi * 0.003,
        coverage_start: p.cs,
        coverage_end: p.ce,
        min_per_shift: p.min,
        pattern: JSON.stringify(p.pattern),
        created_by: manager,
      })
      .returning(['id', 'org_path'])
      .executeTakeFirstOrThrow();
    const pattern: PostPattern = {
      pattern: p.pattern,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      coverageStart: p.cs,
      coverageEnd: p.ce,
      activeFrom: null,
      activeTo: null,
    };
    const shifts = [-7, 0, 7].flatMap((d) => patternShifts(pattern, addDays(thisWeek, d)));
    const pool = certified.filter((v) =>
      pi === 1 ? v.org_path === community.path : v.org_path === street.path,
    );
    const rows = shifts.map((s, si) => {
      const tomorrowFirst =
        pi === 0 && localDay(s.start) === addDays(today, 1) && s.start.getUTCHours() === 22;
      const gap = pi === 0 && localDay(s.start) === addDays(thisWeek, 2) && s.start.getUTCHours() === 14;
      const onNow = me && pi === 0 && s.start <= now && s.end > now;
      const team = gap
        ? []
        : Array.from(
            { length: tomorrowFirst ? p.min - 1 : p.min },
            (_, k) => pool[(si * p.min + k + n) % pool.length]!.id,
          );
      if (onNow && me && !team.includes(me.id)) team[0] = me.id;
      return {
        post_id: post.id,
        org_path: post.org_path,
        starts_at: s.start,
        ends_at: s.end,
        assignees: [...new Set(team)],
      };
    });
    n += 3;
    const inserted = await tx
      .insertInto('volunteer_shifts')
      .values(rows)
      .returning(['id', 'starts_at', 'ends_at', 'assignees'])
      .execute();
    // Last week's and this week's past shifts were worked: signed in on time, out at the end, confirmed.
    const worked = inserted.filter(
      (s) => s.ends_at <= now && s.starts_at >= new Date(now.getTime() - 14 * DAY),
    );
    const signins = worked.flatMap((s) =>
      s.assignees.map((vid, k) => ({
        shift_id: s.id,
        volunteer_id: vid,
        org_path: post.org_path,
        signed_in_at: new Date(s.starts_at.getTime() + k * 5 * 60_000),
        signed_out_at: s.ends_at,
        confirmed_by: manager,
        confirmed_at: s.ends_at,
      })),
    );
    for (let i = 0; i < signins.length; i += 500)
      await tx
        .insertInto('volunteer_signins')
        .values(signins.slice(i, i + 500))
        .execute();
  }
}

import { randomUUID } from 'node:crypto';
import { PETITION_CATEGORIES, PETITION_LIMITS, type PetitionStatus } from '@civicgrid/shared/petitions';
import type { CalendarData } from '../../core/calendar.ts';
import { deadlineOf } from '../../core/workflow/clocks.ts';
import { CalendarProvider } from '../calendar/calendar-provider.ts';
import type { Db } from '../../db/client.ts';
import { rng } from '../registry/demo-names.ts';

const COUNT = 160;
const DAY = 86_400_000;
const SUMMARIES: Record<string, string> = {
  land: '征收补偿款未按协议发放',
  labour: '工程款拖欠，农民工工资未结清',
  urban: '小区加装电梯意见分歧',
  legal: '对判决执行进度不满',
  rural: '承包地流转租金纠纷',
  education: '学区划分调整诉求',
  health: '医疗费用报销争议',
  civil: '低保资格认定复核',
  environment: '餐饮油烟扰民',
  other: '物业服务质量投诉',
};

/** Where a demo petition stands, by how long ago it came in: every state of the workflow is present. */
function stateFor(age: number, i: number): PetitionStatus {
  if (age < 10) return i % 3 === 0 ? 'transferred' : 'registered';
  const pick = (xs: readonly PetitionStatus[]) => xs[i % xs.length]!;
  if (age < 30) return pick(['transferred', 'accepted', 'handling', 'redirected']);
  if (age < 80) return pick(['handling', 'handling', 'answered', 'not_accepted']);
  if (age < 120) return pick(['answered', 'review_requested', 'reviewed', 'recheck_requested']);
  return 'concluded';
}

/** Days before today of service, 复查 request, 复查 service and 复核 request for the open states after the answer. */
const RECENT: Partial<Record<PetitionStatus, number[]>> = {
  answered: [5],
  review_requested: [15, 8],
  reviewed: [25, 20, 4],
  recheck_requested: [35, 30, 8, 3],
};

const dl = (cal: CalendarData, start: Date, days: number) => deadlineOf('statutoryDays', cal, start, days);

/**
 * A year of petitions for 示范区 (issue 16): received at the district centre by the demo receptionist, routed to
 * the departments and streets, in every state with its clock, some repeat and collective visits. Seeded random
 * and bulk-inserted, so it adds well under a second to the demo transaction.
 */
export async function seedDemoPetitions(db: Db, now: Date) {
  const rand = rng(20261216);
  const r = () => rand.next();
  const cal = await new CalendarProvider(db).get(db);
  const district = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'code'])
    .where('parent_id', 'is', null)
    .executeTakeFirst();
  if (!district) return;
  const targets = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'level'])
    .where('parent_id', '=', district.id)
    .orderBy('code')
    .execute();
  const people = await db
    .selectFrom('persons')
    .select(['id', 'name', 'id_number', 'phone'])
    .where('id_type', '=', 'citizen_id')
    .orderBy('id_number')
    .limit(90)
    .execute();
  const desk = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', 'xfjd')
    .executeTakeFirst();
  if (!targets.length || !people.length) return;
  const rows = [];
  const clocks = [];
  const events = [];
  const seqByYear = new Map<number, number>();
  const lastOf = new Map<string, { id: string; at: number }>();
  // Oldest first: numbers rise with time and a repeat points back at the earlier visit.
  for (let i = COUNT - 1; i >= 0; i--) {
    const age = Math.floor((i / COUNT) * 360) + Math.floor(r() * 2);
    const received = new Date(now.getTime() - age * DAY - Math.floor(r() * 6) * 3_600_000);
    const status = stateFor(age, i);
    const category = PETITION_CATEGORIES[Math.floor(r() * PETITION_CATEGORIES.length)]!;
    const person = people[(i * 7) % people.length]!;
    const target = targets[i % targets.length]!;
    const year = new Date(received.getTime() + 8 * 3_600_000).getUTCFullYear();
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const matterKey = `${category}|${target.id}|`;
    const prev = lastOf.get(`${person.id_number}|${matterKey}`);
    const isRepeat = !!prev && received.getTime() - prev.at < 365 * DAY;
    const id = randomUUID();
    lastOf.set(`${person.id_number}|${matterKey}`, { id, at: received.getTime() });
    const people_count = i % 11 === 0 ? 5 + Math.floor(r() * 20) : 1;
    const routeDeadline = dl(cal, received, PETITION_LIMITS.route);
    const routedAt =
      status === 'registered' ? null : new Date(received.getTime() + (1 + Math.floor(r() * 12)) * DAY);
    const acceptedAt =
      routedAt && !['registered', 'transferred', 'redirected', 'not_accepted'].includes(status)
        ? new Date(routedAt.getTime() + (1 + Math.floor(r() * 8)) * DAY)
        : null;
    const handleDeadline = acceptedAt ? dl(cal, acceptedAt, PETITION_LIMITS.handle) : null;
    const answered = acceptedAt && !['accepted', 'handling'].includes(status);
    // Open states after the answer keep their windows running: their steps are counted back from today.
    const ago = (d: number) => new Date(now.getTime() - d * DAY);
    const recent = RECENT[status];
    const servedAt = !answered
      ? null
      : recent
        ? ago(recent[0]!)
        : new Date(acceptedAt.getTime() + (21 + Math.floor(r() * 45)) * DAY);
    const answeredAt = servedAt ? new Date(servedAt.getTime() - DAY) : null;
    const reviewed =
      ['review_requested', 'reviewed', 'recheck_requested'].includes(status) ||
      (status === 'concluded' && i % 8 === 0);
    const reviewRequestedAt =
      !reviewed || !servedAt ? null : recent ? ago(recent[1]!) : new Date(servedAt.getTime() + 10 * DAY);
    const reviewServedAt =
      !reviewRequestedAt || status === 'review_requested'
        ? null
        : recent
          ? ago(recent[2]!)
          : new Date(reviewRequestedAt.getTime() + 20 * DAY);
    const recheckAt = status === 'recheck_requested' ? ago(recent![3]!) : null;
    // The clock of the open states, as the workflow would have started it.
    const clock: { phase: string; start: Date; days: number } | null =
      status === 'registered'
        ? { phase: 'route', start: received, days: PETITION_LIMITS.route }
        : status === 'transferred'
          ? { phase: 'accept', start: routedAt!, days: PETITION_LIMITS.accept }
          : status === 'accepted' || status === 'handling'
            ? { phase: 'handle', start: acceptedAt!, days: PETITION_LIMITS.handle }
            : status === 'answered'
              ? { phase: 'window', start: servedAt!, days: PETITION_LIMITS.window }
              : status === 'review_requested'
                ? { phase: 'review', start: reviewRequestedAt!, days: PETITION_LIMITS.review }
                : status === 'reviewed'
                  ? { phase: 'window', start: reviewServedAt!, days: PETITION_LIMITS.window }
                  : status === 'recheck_requested'
                    ? { phase: 'recheck', start: recheckAt!, days: PETITION_LIMITS.recheck }
                    : null;
    const deadline = clock ? dl(cal, clock.start, clock.days) : null;
    const work = clock && clock.phase !== 'window';
    const sla =
      !deadline || !work
        ? 'normal'
        : deadline < now
          ? 'overdue'
          : clock.start.getTime() + (deadline.getTime() - clock.start.getTime()) * 0.8 < now.getTime()
            ? 'warning'
            : 'normal';
    const routed = status !== 'registered';
    rows.push({
      id,
      number: `XF${year}${district.code}${String(seq).padStart(5, '0')}`,
      channel: ['desk', 'phone', 'letter', 'online', 'visit'][i % 5]!,
      class: i % 9 === 4 ? 'accusation' : i % 4 === 1 ? 'suggestion' : 'appeal',
      category,
      summary: SUMMARIES[category]!,
      demands: `请求有关部门依法处理：${SUMMARIES[category]}（演示数据）`,
      address: null,
      matter_key: matterKey,
      received_at: received,
      first_receiver_id: desk?.id ?? null,
      first_receiver_name: desk?.display_name ?? '信访接待员（演示）',
      receiving_org_id: district.id,
      org_path: district.path,
      responsible_org_id: routed ? target.id : null,
      responsible_path: routed ? target.path : null,
      respondent_org_id: null,
      respondent_path: null,
      petitioner_id: person.id,
      petitioner_name: person.name,
      petitioner_id_number: person.id_number,
      petitioner_phone: person.phone,
      people_count,
      collective: people_count >= 5,
      repeat_of: isRepeat ? prev!.id : null,
      repeat_count: isRepeat ? 1 : 0,
      cross_level: false,
      status,
      route: !routed
        ? null
        : status === 'redirected'
          ? 'redirect'
          : status === 'not_accepted'
            ? 'not_accept'
            : 'transfer',
      routed_at: routedAt,
      route_deadline: routeDeadline,
      transferred_at: routedAt,
      accept_decided_at: acceptedAt,
      accepted: acceptedAt ? true : null,
      accepted_at: acceptedAt,
      handle_deadline: handleDeadline,
      extension: null,
      answered_at: answeredAt,
      served_at: servedAt,
      serve_method: servedAt ? 'in_person' : null,
      satisfaction: answeredAt ? ['satisfied', 'basically', 'unsatisfied', 'satisfied'][i % 4]! : null,
      review_requested_at: reviewRequestedAt,
      review_served_at: reviewServedAt,
      review_answered_at: reviewServedAt,
      review_upheld: reviewServedAt ? true : null,
      recheck_requested_at: recheckAt,
      concluded_at: ['concluded', 'redirected', 'not_accepted'].includes(status)
        ? (servedAt ?? routedAt)
        : null,
      conclusion:
        status === 'concluded'
          ? answeredAt
            ? 'answered_accepted'
            : 'withdrawn'
          : status === 'redirected'
            ? 'redirected'
            : null,
      clock: clock?.phase ?? null,
      deadline,
      sla_state: sla,
      was_overdue: sla === 'overdue',
      created_at: received,
      updated_at: now,
    });
    if (clock && deadline)
      clocks.push({
        owner_type: 'petition',
        owner_id: id,
        clock: 'legal',
        started_at: clock.start,
        warn_at: new Date(clock.start.getTime() + (deadline.getTime() - clock.start.getTime()) * 0.8),
        deadline,
        warned: sla !== 'normal',
        overdue_notified: sla === 'overdue',
      });
    events.push({
      owner_type: 'petition',
      owner_id: id,
      at: received,
      actor_id: desk?.id ?? null,
      actor_name: desk?.display_name ?? 'system',
      action: 'register',
      to_status: 'registered',
    });
  }
  // Concluded rows got no clock; open rows whose answer moved them on keep the row's own status.
  await db
    .insertInto('petitions')
    .values(rows.map((p) => ({ ...p, extension: null })))
    .execute();
  if (clocks.length) await db.insertInto('workflow_clocks').values(clocks).execute();
  await db.insertInto('workflow_events').values(events).execute();
  const at = now;
  await db
    .insertInto('record_classes')
    .values(
      rows.map((p) => ({
        owner_type: 'petition',
        owner_id: p.id,
        class: 'petition',
        org_path: p.org_path,
        created_at: at,
      })),
    )
    .execute();
  await db
    .insertInto('record_subjects')
    .values(
      rows.map((p) => ({
        owner_type: 'petition',
        owner_id: p.id,
        subject_type: 'person',
        subject_id: p.petitioner_id,
        role: 'petitioner',
        created_at: at,
      })),
    )
    .execute();
  for (const [year, last] of seqByYear)
    await db
      .insertInto('document_counters')
      .values({ org_id: district.id, series: 'petition.number', year, last_seq: last })
      .execute();
}

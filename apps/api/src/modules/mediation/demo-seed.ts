import { sql } from 'kysely';
import { DISPUTE_TYPES, DISPUTE_SOURCES } from '@civicgrid/shared/mediation';
import { localDay } from '../../core/calendar.ts';
import type { Db } from '../../db/client.ts';
import { demoName, rng, type Rng } from '../registry/demo-names.ts';
import { communityLogins } from './demo-logins-seed.ts';

const DAY = 86_400_000;
type Org = { id: string; path: string; name: string; level: string; parent_id: string | null };
type Body = { id: string; org_id: string; org_path: string; level: string };

async function addBody(tx: Db, org: Org, name: string, kind: string, parent: string | null, accept = false) {
  const row = await tx
    .insertInto('mediation_bodies')
    .values({
      name,
      kind,
      org_id: org.id,
      org_path: org.path,
      parent_body_id: parent,
      term_start: '2024-01-01',
      term_end: '2026-12-31',
      phone: '021-5555' + String(Math.abs(name.length * 37) % 10000).padStart(4, '0'),
      accept_escalations: accept,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, org_id: org.id, org_path: org.path, level: org.level };
}

/**
 * Members of a people's committee: usually in rule (a director, a woman, 3–5 members); `flaw` makes the demo's
 * 不合规调委会 list show something — two members, or men only.
 */
function members(r: Rng, bodyId: string, flaw: 'none' | 'two' | 'men') {
  const n = flaw === 'two' ? 2 : r.int(3, 5);
  return Array.from({ length: n }, (_, i) => ({
    body_id: bodyId,
    name: demoName(r),
    sex: flaw === 'men' ? 'male' : i === 1 ? 'female' : r.chance(0.5) ? 'female' : 'male',
    position: i === 0 ? 'director' : i === n - 1 && n > 3 ? 'info_officer' : 'member',
    from_date: '2024-01-01',
  }));
}

/** A year of disputes: the older, the further along (most concluded); the last month still open. */
function statusFor(r: Rng, ageDays: number): string {
  if (ageDays < 5) return r.pick(['registered', 'registered', 'accepted']);
  if (ageDays < 30) return r.pick(['accepted', 'mediating', 'mediating', 'agreed', 'declined']);
  if (ageDays < 60) return r.pick(['mediating', 'agreed', 'performing', 'closed', 'failed']);
  return r.pick(['closed', 'closed', 'closed', 'closed', 'failed', 'referred_out', 'declined', 'closed']);
}

/**
 * 大调解 of 示范区: the district centre, a committee per street and community (two of them out of rule), police,
 * petition and professional bodies, mediators (the demo `mediator` login among them at 东兴街道) and about 150
 * disputes over the past year in every status. Bulk inserts: the demo loads in well under a second more.
 */
export async function seedDemoMediation(tx: Db, now: Date) {
  const r = rng(20261125);
  const orgs: Org[] = await tx
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'level', 'parent_id'])
    .where('level', '!=', 'grid')
    .execute();
  const district = orgs.find((o) => o.level === 'district' && !o.parent_id);
  if (!district) return;
  const centre = await addBody(tx, district, '示范区矛盾纠纷调处中心', 'centre', null, true);
  const bodies: Body[] = [];
  const memberRows: ReturnType<typeof members> = [];
  let flaws = 0;
  for (const s of orgs.filter((o) => o.level === 'street' && o.parent_id === district.id)) {
    const sb = await addBody(tx, s, `${s.name}人民调解委员会`, 'people_street', centre.id);
    memberRows.push(...members(r, sb.id, 'none'));
    bodies.push(sb);
    for (const c of orgs.filter((o) => o.level === 'community' && o.parent_id === s.id)) {
      const cb = await addBody(tx, c, `${c.name}人民调解委员会`, 'people_village', sb.id);
      memberRows.push(...members(r, cb.id, flaws === 1 ? 'two' : flaws === 4 ? 'men' : 'none'));
      flaws++;
      bodies.push(cb);
    }
  }
  for (const [name, body, kind] of [
    ['区公安分局', '区公安分局警调对接室', 'police_station'],
    ['区信访办', '区信访办访调对接室', 'petition_office'],
    ['区司法局', '区医患纠纷人民调解委员会', 'professional'],
  ] as const) {
    const o = orgs.find((x) => x.name === name);
    if (o) await addBody(tx, o, body, kind, centre.id);
  }
  if (memberRows.length) await tx.insertInto('mediation_body_members').values(memberRows).execute();

  // Mediators: two per street or community body; the demo mediator serves 东兴街道's committee.
  const login = await tx
    .selectFrom('users')
    .select(['id', 'org_id', 'password_hash', 'must_change_password', 'password_changed_at'])
    .where('username', '=', 'mediator')
    .executeTakeFirst();
  const logins = login ? await communityLogins(tx, login, orgs) : new Map<string, string>();
  const mediatorRows = bodies.flatMap((b) =>
    [0, 1].map((i) => ({
      id: r.uuid(),
      body_id: b.id,
      org_path: b.org_path,
      user_id:
        i === 0 ? (login && b.org_id === login.org_id ? login.id : (logins.get(b.org_id) ?? null)) : null,
      name:
        i === 0 && login && b.org_id === login.org_id
          ? '调解员（演示）'
          : i === 0 && logins.has(b.org_id)
            ? `${orgs.find((o) => o.id === b.org_id)?.name ?? ''}调解员（演示）`
            : demoName(r),
      kind: r.pick(['full_time', 'part_time', 'volunteer', 'legal']),
      specialities: JSON.stringify([r.pick(['邻里', '婚姻家庭', '物业', '劳资'])]),
      certificate: r.chance(0.6) ? `调证${r.int(10000, 99999)}` : null,
      stars: r.int(3, 5),
    })),
  );
  if (mediatorRows.length) await tx.insertInto('mediators').values(mediatorRows).execute();

  const persons = await tx.selectFrom('persons').select(['id', 'org_path']).limit(3000).execute();
  const disputes = [];
  const parties = [];
  const events = [];
  const clocks = [];
  const agreements = [];
  const seqStart = Number(
    (await sql<{ n: string }>`SELECT nextval('dispute_number_seq') AS n`.execute(tx)).rows[0]!.n,
  );
  for (let i = 0; i < 150; i++) {
    const b = r.pick(bodies);
    const age = Math.floor(Math.pow(r.next(), 1.3) * 360);
    const found = new Date(now.getTime() - age * DAY - r.int(0, 8) * 3_600_000);
    const status = statusFor(r, age);
    const accepted = !['registered', 'declined'].includes(status);
    const started = accepted && status !== 'accepted' ? new Date(found.getTime() + 2 * DAY) : null;
    const deadline = started ? new Date(started.getTime() + 30 * DAY) : null;
    const conclusion = ['agreed', 'performing', 'closed'].includes(status)
      ? 'agreed'
      : status === 'failed'
        ? 'failed'
        : status === 'referred_out'
          ? 'referred_out'
          : null;
    const concludedAt = conclusion ? new Date(found.getTime() + r.int(5, 40) * DAY) : null;
    const mine = mediatorRows.filter((m) => m.body_id === b.id);
    const id = r.uuid();
    const people = r.chance(0.1) ? r.int(5, 30) : 2;
    disputes.push({
      id,
      number: `JF${localDay(found).replaceAll('-', '')}${String(seqStart + i).padStart(5, '0')}`,
      type: r.pick(DISPUTE_TYPES),
      source: r.chance(0.45) ? 'screening' : r.pick(DISPUTE_SOURCES),
      summary: r.pick([
        '楼上漏水损坏楼下装修',
        '邻居装修噪音扰民',
        '拖欠工资三个月',
        '物业费收取争议',
        '宅基地界址争议',
        '交通事故赔偿',
      ]),
      people_involved: people,
      collective: people >= 5,
      risk_level: r.pick(['low', 'low', 'medium', 'high']),
      escalation_risk: r.chance(0.08),
      body_id: b.id,
      org_id: b.org_id,
      org_path: b.org_path,
      mediator_ids: accepted && mine.length ? [mine[0]!.id] : [],
      status,
      consent: accepted ? JSON.stringify({ applicant: true, respondent: true }) : null,
      found_at: found,
      accepted_at: accepted ? new Date(found.getTime() + DAY) : null,
      started_at: started,
      deadline,
      concluded_at: concludedAt,
      conclusion,
      concluded_on_time: conclusion ? !!deadline && concludedAt! <= deadline : null,
      outcome:
        status === 'closed'
          ? r.chance(0.9)
            ? 'performed'
            : 'breached'
          : status === 'failed'
            ? 'failed'
            : status === 'declined'
              ? 'declined'
              : status === 'referred_out'
                ? 'referred_court'
                : null,
      agreed_at: conclusion === 'agreed' ? concludedAt : null,
      followup_due: ['agreed', 'performing'].includes(status)
        ? localDay(new Date(now.getTime() + r.int(-3, 10) * DAY))
        : null,
    });
    const local = persons.filter((p) => p.org_path.startsWith(b.org_path));
    const pool = local.length ? local : persons;
    if (pool.length) {
      const one = r.pick(pool);
      parties.push({
        owner_type: 'dispute',
        owner_id: id,
        subject_type: 'person',
        subject_id: one.id,
        role: 'applicant',
        created_at: found,
      });
      const two = r.pick(pool);
      if (two.id !== one.id)
        parties.push({
          owner_type: 'dispute',
          owner_id: id,
          subject_type: 'person',
          subject_id: two.id,
          role: 'respondent',
          created_at: found,
        });
    }
    const ev = (at: Date, action: string, to: string | null, from: string | null) => ({
      owner_type: 'dispute',
      owner_id: id,
      at,
      actor_name: '演示数据',
      action,
      from_status: from,
      to_status: to,
    });
    events.push(ev(found, 'register', 'registered', null));
    if (accepted) events.push(ev(new Date(found.getTime() + DAY), 'accept', 'accepted', 'registered'));
    if (started) events.push(ev(started, 'start', 'mediating', 'accepted'));
    if (conclusion)
      events.push(
        ev(
          concludedAt!,
          conclusion === 'agreed' ? 'agree' : conclusion === 'failed' ? 'fail' : 'refer_out',
          conclusion === 'agreed' ? 'agreed' : status,
          'mediating',
        ),
      );
    if (status === 'registered')
      clocks.push({
        owner_type: 'dispute',
        owner_id: id,
        clock: 'acceptance',
        started_at: found,
        deadline: new Date(found.getTime() + 5 * DAY),
      });
    if (status === 'mediating')
      clocks.push({
        owner_type: 'dispute',
        owner_id: id,
        clock: 'mediation',
        started_at: started!,
        warn_at: new Date(started!.getTime() + 20 * DAY),
        deadline: deadline!,
      });
    if (conclusion === 'agreed')
      agreements.push({
        dispute_id: id,
        form: r.chance(0.7) ? 'written' : 'oral',
        facts: '双方因纠纷协商',
        terms: '按约定赔偿并相互谅解',
        effective_at: concludedAt!,
        created_at: concludedAt!,
      });
  }
  await tx.insertInto('disputes').values(disputes).execute();
  await sql`SELECT setval('dispute_number_seq', ${seqStart + disputes.length})`.execute(tx);
  if (parties.length) await tx.insertInto('record_subjects').values(parties).execute();
  await tx.insertInto('workflow_events').values(events).execute();
  if (clocks.length) await tx.insertInto('workflow_clocks').values(clocks).execute();
  if (agreements.length) await tx.insertInto('mediation_agreements').values(agreements).execute();
  return { bodies: bodies.length + 4, disputes: disputes.length };
}

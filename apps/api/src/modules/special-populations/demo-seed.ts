import { likePrefix } from '../../core/like.ts';
import type { Db } from '../../db/client.ts';
import { seedDemoContacts } from './demo-seed-contacts.ts';

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * 特殊人群 of 示范区, small: at 东兴街道 two corrections subjects (one awaiting report, one under correction with
 * a team), a released person in the 5-year window, a community-rehab drug file, a mental-disorder file at risk
 * level 3 with a guardian and a youth file. The responsible cadre is the demo `sqjz` where the class is theirs.
 */
export async function seedDemoSpecialPopulations(tx: Db, now: Date) {
  const street = await tx
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id as userId', 'o.id', 'o.path'])
    .where('u.username', '=', 'sqjz')
    .executeTakeFirst();
  if (!street) return;
  const people = await tx
    .selectFrom('persons')
    .select(['id', 'name', 'sex', 'org_path'])
    .where('org_path', 'like', likePrefix(street.path))
    .orderBy('id_number')
    .limit(6)
    .execute();
  if (people.length < 6) return;
  const ago = (n: number) => day(new Date(now.getTime() - n * DAY));
  const ahead = (n: number) => day(new Date(now.getTime() + n * DAY));
  const files = [
    {
      category: 'corrections',
      subcategory: 'probation',
      status: 'awaiting_report',
      level: 'normal',
      start: ago(6),
      end: ahead(360),
      effective: ago(6),
    },
    {
      category: 'corrections',
      subcategory: 'parole',
      status: 'under_correction',
      level: 'strict',
      start: ago(120),
      end: ahead(240),
      effective: ago(120),
    },
    {
      category: 'released',
      subcategory: 'prison',
      status: 'active',
      level: 'medium',
      start: ago(400),
      release: ago(400),
    },
    {
      category: 'drug',
      subcategory: 'community_rehab',
      status: 'active',
      level: 'high',
      start: ago(200),
      end: ahead(895),
    },
    {
      category: 'mental',
      subcategory: 'schizophrenia',
      status: 'active',
      level: 'unstable',
      start: ago(700),
      risk: 3,
    },
    { category: 'youth', subcategory: 'left_behind', status: 'enrolled', level: 'low', start: ago(30) },
  ];
  for (const [i, f] of files.entries()) {
    const p = people[i]!;
    const mine = f.category === 'corrections' || f.category === 'released';
    const release = 'release' in f ? f.release : undefined;
    const effective = 'effective' in f ? f.effective : undefined;
    const row = await tx
      .insertInto('special_persons')
      .values({
        person_id: p.id,
        category: f.category,
        subcategory: f.subcategory,
        status: f.status,
        management_level: f.level,
        risk_level: 'risk' in f ? f.risk : null,
        guardian_name: f.category === 'mental' ? `${p.name.slice(0, 1)}建国` : null,
        guardian_phone: f.category === 'mental' ? '13916000018' : null,
        responsible_org_id: street.id,
        responsible_cadre_id: mine ? street.userId : null,
        org_path: p.org_path,
        start_date: f.start,
        planned_end: 'end' in f ? f.end : null,
        effective_date: effective ?? null,
        report_due: effective ? day(new Date(new Date(effective).getTime() + 10 * DAY)) : null,
        reported_at: f.status === 'under_correction' ? new Date(now.getTime() - 115 * DAY) : null,
        release_date: release ?? null,
        window_end: release ? `${Number(release.slice(0, 4)) + 5}${release.slice(4)}` : null,
        created_by: street.userId,
        created_at: new Date(now.getTime() - (10 - i) * DAY),
      })
      .returning(['id', 'org_path'])
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('record_classes')
      .values({
        owner_type: 'special_person',
        owner_id: row.id,
        class: f.category,
        org_path: row.org_path,
        created_at: now,
      })
      .execute();
    if (f.status !== 'awaiting_report' && f.status !== 'enrolled')
      await tx
        .insertInto('special_team_members')
        .values([
          {
            special_person_id: row.id,
            role: 'cadre',
            name: '司法所矫正专干（演示）',
            sex: 'female',
            user_id: mine ? street.userId : null,
          },
          { special_person_id: row.id, role: 'family', name: `${p.name.slice(0, 1)}秀英`, sex: 'female' },
          { special_person_id: row.id, role: 'social_worker', name: '陈社工', sex: 'male' },
        ])
        .execute();
  }
  await seedDemoContacts(tx, now, street);
}

import type { Db } from '../db/client.ts';
import type { Subtree } from './factories.ts';

/** A published leader reception day (领导接访日) at the street, a week ahead, two slots of one place each. */
export async function receptionDay(db: Db, at: Subtree, now = new Date()) {
  const day = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  return db
    .insertInto('reception_days')
    .values({
      org_id: at.street.id,
      org_path: at.street.path,
      leader_name: '测试领导',
      day,
      from_time: '09:00',
      to_time: '10:00',
      slot_minutes: 30,
      slot_capacity: 1,
      place: '测试接待室',
      status: 'published',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** An open 领导包案 held by a new leader of the street, over one petition of the street. */
export async function leaderCase(
  db: Db,
  at: Subtree,
  petitionId: string,
  leaderId: string,
  now = new Date(),
) {
  const row = await db
    .insertInto('leader_cases')
    .values({
      org_path: at.street.path,
      leader_id: leaderId,
      leader_name: '测试包案领导',
      plan: '包掌握情况',
      since: now,
      target_date: new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
      next_progress_due: new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('petitions').set({ leader_case_id: row.id }).where('id', '=', petitionId).execute();
  return row;
}

/** A village work station in the community, one agent (a person of the grid) and one open 代办 matter. */
export async function agentMatter(db: Db, at: Subtree, personId: string, now = new Date()) {
  const station = await db
    .insertInto('agent_stations')
    .values({
      name: `${at.community.name}群众工作站`,
      level: 'village',
      org_id: at.community.id,
      org_path: at.community.path,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agent = await db
    .insertInto('petition_agents')
    .values({
      station_id: station.id,
      org_path: at.community.path,
      person_id: personId,
      name: '测试代理员',
      kind: 'volunteer',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const matter = await db
    .insertInto('agent_matters')
    .values({
      agent_id: agent.id,
      station_id: station.id,
      org_path: at.community.path,
      kind: 'errand',
      client_name: '测试委托人',
      summary: '代办户口本',
      accepted_at: now,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { station, agent, matter };
}

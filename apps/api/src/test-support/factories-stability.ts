import type { Db } from '../db/client.ts';
import type { Subtree } from './factories.ts';

/** A registered risk factor found in the subtree's grid (straight into the table: set-up, not the use case). */
export async function riskIn(db: Db, at: Subtree, now = new Date()) {
  return db
    .insertInto('risk_factors')
    .values({
      number: `WWT${now.getTime()}${Math.floor(Math.random() * 1e6)}`,
      title: '工厂欠薪工人聚集',
      type: '劳资',
      source: 'screening',
      level: 'orange',
      org_id: at.grid.id,
      org_path: at.grid.path,
      status: 'registered',
      reported_at: now,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** A manual red warning at the subtree's community, with its one target row. */
export async function warningIn(db: Db, at: Subtree, now = new Date()) {
  const w = await db
    .insertInto('stability_warnings')
    .values({
      number: `YJT${now.getTime()}${Math.floor(Math.random() * 1e6)}`,
      source: 'manual',
      level: 'red',
      title: '测试预警',
      org_id: at.community.id,
      org_path: at.community.path,
      issued_at: now,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('warning_targets')
    .values({
      warning_id: w.id,
      org_id: at.community.id,
      org_path: at.community.path,
      ack_due: new Date(now.getTime() + 30 * 60_000),
    })
    .execute();
  return w;
}

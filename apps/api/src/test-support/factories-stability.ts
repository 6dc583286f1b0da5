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

import type { Db } from '../../db/client.ts';

/** One district setting of app_meta as stored (text), if any. */
export const metaValue = async (db: Db, key: string) =>
  (await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst())?.value;

export const putMeta = (db: Db, key: string, value: string) =>
  db
    .insertInto('app_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();

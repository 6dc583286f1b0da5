import type { Db } from '../../db/client.ts';
export async function seedDemoMediation(_tx: Db, _now: Date) {}

import type { Db } from '../../db/client.ts';

// Placeholder taken over by the work on this module: loads its part of the demo district.
export async function seedDemoCommand(_db: Db): Promise<void> {}

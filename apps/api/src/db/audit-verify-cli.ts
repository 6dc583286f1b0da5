import { verifyAuditChain } from '../core/audit-chain.ts';
import { loadConfig } from '../config.ts';
import { openDb } from './client.ts';

/**
 * `npm run audit:verify`: links the newest audit rows, then checks the whole hash chain. Prints the head (keep it
 * outside the database: with it, a cut-off tail is found too) or the first broken link; exits 1 when broken.
 */
const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const report = await verifyAuditChain(db.db);
console.log(JSON.stringify(report, null, 2));
await db.close();
process.exitCode = report.ok ? 0 : 1;

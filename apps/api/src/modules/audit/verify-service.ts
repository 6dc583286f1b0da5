import { audit } from '../../core/audit.ts';
import { verifyAuditChain } from '../../core/audit-chain.ts';
import type { SignedInContext } from '../../core/context.ts';

/**
 * The audit administrator's check of the hash chain (等保 8.1.4.3 c). The answer names the first link that does
 * not hold; the check itself is audited, with its result, so a failed check stays on record.
 */
export async function verifyChain(ctx: SignedInContext) {
  const report = await verifyAuditChain(ctx.db);
  await audit(ctx, {
    action: report.ok ? 'audit.verify' : 'audit.verify_failed',
    entityType: 'audit',
    orgId: ctx.user.orgPath.split('/')[1] ?? null,
    summary: report.ok
      ? `audit chain holds over ${report.checked} rows`
      : `audit chain broken: ${report.firstBroken?.reason} at ${JSON.stringify(report.firstBroken)}`,
    after: report,
  });
  return report;
}

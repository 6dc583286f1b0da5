import { createHash, createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import type { Sweep } from './sweeps.ts';

/**
 * A hash chain over the audit trail (issue 23 item 13; 等保 GB/T 22239-2019 8.1.4.3 c: audit records protected
 * against unexpected deletion, modification or overwriting). Link n holds
 *   hash_n = H(hash_{n-1} ‖ n ‖ the audit row's content)
 * so a changed row, a removed row (or link), or a row slipped in with an old id breaks the chain from there on.
 *
 * Writers stay fast: an audit write is the plain INSERT it always was. `chainAudit` links the rows written since
 * the last link, in id order, in one short transaction under an advisory lock (one chainer at a time across
 * every API instance; a second waits, then sees what the first linked). It runs as a sweep every 30 s and at
 * the start of every verification.
 *
 * H is SHA-256, or HMAC-SHA-256 with `AUDIT_CHAIN_KEY` when that is set: then someone who can write the
 * database but not read the server's environment cannot recompute a consistent chain after an edit. Without a
 * key, keep the head hash that verification prints somewhere outside the database.
 */
const LOCK = 'cg-audit-chain';
const BATCH = 1000;
const GENESIS = '0'.repeat(64);
/** Rows are linked in id order; one whose transaction commits this much later than the last link is still found. */
const LATE_COMMIT = '1 hour';

interface ContentRow {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_id: string | null;
  summary: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  user_agent: string | null;
}

/** The columns that are hashed; `at` as UTC text to the microsecond, whatever the session's time zone. */
const CONTENT = sql`a.id::text AS id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at,
  a.actor_id::text AS actor_id, a.actor_name, a.action, a.entity_type, a.entity_id, a.org_id::text AS org_id,
  a.summary, a.before, a.after, a.ip, a.user_agent`;

function linkHash(prev: string, seq: string, r: ContentRow): string {
  const content = JSON.stringify([
    seq,
    r.id,
    r.at,
    r.actor_id,
    r.actor_name,
    r.action,
    r.entity_type,
    r.entity_id,
    r.org_id,
    r.summary,
    r.before,
    r.after,
    r.ip,
    r.user_agent,
  ]);
  const key = process.env.AUDIT_CHAIN_KEY;
  const h = key ? createHmac('sha256', key) : createHash('sha256');
  return h.update(prev).update('\n').update(content).digest('hex');
}

/** The last link and the time from which unlinked rows are looked for (never later than now). */
async function chainHead(db: Db) {
  return (
    await sql<{ seq: string; hash: string; since: Date }>`
      SELECT c.seq::text AS seq, c.hash, LEAST(a.at, now()) - ${LATE_COMMIT}::interval AS since
      FROM audit_chain c LEFT JOIN audit_log a ON a.id = c.audit_id
      ORDER BY c.seq DESC LIMIT 1`.execute(db)
  ).rows[0];
}

async function chainBatch(tx: Db): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${LOCK}))`.execute(tx);
  const head = await chainHead(tx);
  const rows = (
    await sql<ContentRow>`
      SELECT ${CONTENT} FROM audit_log a
      WHERE (${head?.since ?? null}::timestamptz IS NULL OR a.at > ${head?.since ?? null}::timestamptz)
        AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.audit_id = a.id)
      ORDER BY a.id LIMIT ${BATCH}`.execute(tx)
  ).rows;
  if (!rows.length) return 0;
  let prev = head?.hash ?? GENESIS;
  let seq = BigInt(head?.seq ?? '0');
  const links = rows.map((r) => {
    seq += 1n;
    const hash = linkHash(prev, String(seq), r);
    const link = { seq: String(seq), auditId: r.id, prev, hash };
    prev = hash;
    return link;
  });
  await sql`INSERT INTO audit_chain (seq, audit_id, prev_hash, hash)
    SELECT * FROM unnest(${links.map((l) => l.seq)}::bigint[], ${links.map((l) => l.auditId)}::bigint[],
      ${links.map((l) => l.prev)}::text[], ${links.map((l) => l.hash)}::text[])`.execute(tx);
  return rows.length;
}

/**
 * Links audit rows not yet in the chain, a batch per short transaction, up to `maxBatches` batches (all of them
 * by default); returns how many rows it linked.
 */
export async function chainAudit(db: Db, maxBatches = Infinity): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    // A sweep hands in its own transaction (holding the sweep's lock); elsewhere each batch gets one.
    const n = db.isTransaction ? await chainBatch(db) : await db.transaction().execute(chainBatch);
    total += n;
    if (n < BATCH) break;
  }
  return total;
}

export type ChainBreak =
  | { reason: 'altered'; seq: string; auditId: string }
  | { reason: 'missing_row'; seq: string; auditId: string }
  | { reason: 'missing_link'; seq: string }
  | { reason: 'relinked'; seq: string; auditId: string }
  | { reason: 'unchained'; auditId: string };

export interface ChainReport {
  ok: boolean;
  checked: number;
  head: { seq: string; hash: string } | null;
  firstBroken: ChainBreak | null;
}

/**
 * Walks the whole chain in order and names the first link that does not hold: a row whose content no longer
 * gives its hash (altered), a link whose row is gone (missing_row), a gap in the sequence (missing_link), a
 * link that does not follow the previous one (relinked), or — once the chain holds — an audit row older than
 * the late-commit margin that no link covers (unchained: written around the chain, e.g. with an old id).
 */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  await chainAudit(db);
  let prev = GENESIS;
  let expected = 1n;
  let checked = 0;
  for (;;) {
    const rows = (
      await sql<
        ContentRow & { seq: string; audit_id: string; prev_hash: string; hash: string; present: boolean }
      >`
        SELECT c.seq::text AS seq, c.audit_id::text AS audit_id, c.prev_hash, c.hash, a.id IS NOT NULL AS present,
          ${CONTENT}
        FROM audit_chain c LEFT JOIN audit_log a ON a.id = c.audit_id
        WHERE c.seq >= ${String(expected)}::bigint ORDER BY c.seq LIMIT ${BATCH}`.execute(db)
    ).rows;
    for (const r of rows) {
      const broken = checkLink(r, expected, prev);
      if (broken) return { ok: false, checked, head: null, firstBroken: broken };
      prev = r.hash;
      expected += 1n;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  const head = checked ? { seq: String(expected - 1n), hash: prev } : null;
  // Rows before the chaining window that no link covers were written around the chain (an old id or time).
  const since = (await chainHead(db))?.since ?? null;
  const stray = (
    await sql<{ id: string }>`
      SELECT a.id::text AS id FROM audit_log a
      WHERE (${since}::timestamptz IS NULL OR a.at <= ${since}::timestamptz)
        AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.audit_id = a.id)
      ORDER BY a.id LIMIT 1`.execute(db)
  ).rows[0];
  if (stray) return { ok: false, checked, head, firstBroken: { reason: 'unchained', auditId: stray.id } };
  return { ok: true, checked, head, firstBroken: null };
}

function checkLink(
  r: ContentRow & { seq: string; audit_id: string; prev_hash: string; hash: string; present: boolean },
  expected: bigint,
  prev: string,
): ChainBreak | null {
  if (BigInt(r.seq) !== expected) return { reason: 'missing_link', seq: String(expected) };
  if (!r.present) return { reason: 'missing_row', seq: r.seq, auditId: r.audit_id };
  if (r.prev_hash !== prev) return { reason: 'relinked', seq: r.seq, auditId: r.audit_id };
  if (linkHash(prev, r.seq, r) !== r.hash) return { reason: 'altered', seq: r.seq, auditId: r.audit_id };
  return null;
}

export const auditChainSweep: Sweep = {
  name: 'audit-chain',
  everyMs: 30_000,
  // Inside the sweep's one transaction: at most 20,000 rows a round, so a large backlog (an existing install
  // on its first start) is caught up over a few rounds instead of in one long transaction.
  run: (db) => chainAudit(db, 20),
};

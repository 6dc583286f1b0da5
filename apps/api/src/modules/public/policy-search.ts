import { sql, type Expression, type SqlBool } from 'kysely';
import { likeContains } from '../../core/like.ts';

/**
 * Full-text search without a word segmenter. PostgreSQL's text search splits on spaces (Chinese has none) and
 * pg_trgm needs an extension and ignores CJK letters under the C locale PGlite runs with. Instead each document
 * stores the set of its two-character sequences (bigrams) in a GIN-indexed array: a query's bigrams must all be
 * present (`@>`, answered from the index), then ILIKE confirms the exact phrase on those few rows. The same SQL
 * runs on PGlite and PostgreSQL. See docs/public-portal.md for the measurements.
 */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The bigrams of a text, broken at whitespace and punctuation (a phrase never spans them in a query either). */
export function bigrams(text: string): string[] {
  const out = new Set<string>();
  for (const run of normalise(text).split(/[\s\p{P}\p{S}]+/u)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out];
}

export function searchGrams(doc: { title: string; issuer: string; docNumber?: string | null; body: string }) {
  return bigrams([doc.title, doc.issuer, doc.docNumber ?? '', doc.body].join(' '));
}

/**
 * Every term of the query (split on spaces) must occur in the title, issuer, number or body. One-character
 * terms have no bigram and fall back to ILIKE alone.
 */
export function matchesQuery(q: string): Expression<SqlBool> {
  const terms = normalise(q).split(/\s+/).filter(Boolean).slice(0, 8);
  const parts = terms.map((term) => {
    const grams = bigrams(term);
    const p = likeContains(term);
    const text = sql<SqlBool>`(d.title ILIKE ${p} OR d.issuer ILIKE ${p} OR coalesce(d.doc_number, '') ILIKE ${p} OR d.body ILIKE ${p})`;
    return grams.length ? sql<SqlBool>`(d.search_grams @> ${sql.val(grams)}::text[] AND ${text})` : text;
  });
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` AND `)})` : sql<SqlBool>`true`;
}

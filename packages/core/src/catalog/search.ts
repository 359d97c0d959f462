import type { OperationSummary } from './catalog-schema.ts';

/*
 * Why a small token scorer instead of fuse.js or uFuzzy: the catalog is ~200 short records and
 * the queries people type are a few words in any order ("org create", "users get"). That calls
 * for AND across words, prefix and plural matching per word, and per-field weights (a summary
 * hit beats a path hit) — direct here, awkward to tune in a general fuzzy library (uFuzzy needs
 * its permutation mode for out-of-order words; Fuse scores a multi-word query as one string).
 * Matching is over pre-split lowercase tokens, so a keystroke costs well under a millisecond.
 */

type Field = { weight: number; tokens: string[] };
type Entry = { op: OperationSummary; order: number; fields: Field[]; summaryTokens: string[] };

export type SearchIndex = { entries: Entry[] };

const WEIGHTS = { summary: 4, operationId: 3, tag: 2, scope: 2, path: 2, method: 1 } as const;
// Every Kinde path starts with /api/v1: those tokens would make "api" match everything.
const PATH_PREFIX = /^\/api\/v\d+(?=\/|$)/i;

/** Builds the index once per catalog; reuse it for every keystroke. */
export function buildSearchIndex(operations: readonly OperationSummary[]): SearchIndex {
  return {
    entries: operations.map((op, order) => {
      const summaryTokens = searchTokens(op.summary);
      return {
        op,
        order,
        summaryTokens,
        fields: [
          { weight: WEIGHTS.summary, tokens: summaryTokens },
          { weight: WEIGHTS.operationId, tokens: searchTokens(op.operationId) },
          { weight: WEIGHTS.tag, tokens: searchTokens(op.tag) },
          { weight: WEIGHTS.scope, tokens: op.scope ? [op.scope.toLowerCase(), ...searchTokens(op.scope)] : [] },
          { weight: WEIGHTS.path, tokens: searchTokens(op.path.replace(PATH_PREFIX, '')) },
          { weight: WEIGHTS.method, tokens: [op.method.toLowerCase()] },
        ],
      };
    }),
  };
}

/**
 * Operations matching every word of the query (in any order, words may be partial), best first.
 * An empty query returns all operations in catalog order.
 */
export function search(index: SearchIndex, query: string, limit = Infinity): OperationSummary[] {
  const trimmed = query.trim();
  const terms = searchTokens(trimmed.replace(PATH_PREFIX, ''));
  if (terms.length === 0) return index.entries.slice(0, limit).map((e) => e.op);

  const hits: { entry: Entry; score: number; tier: number }[] = [];
  for (const entry of index.entries) {
    let score = 0;
    let matchedAll = true;
    let wordsOfName = true;
    let wordsAnywhere = true;
    for (const term of terms) {
      const best = termScore(term, entry.fields);
      if (best === 0) {
        matchedAll = false;
        break;
      }
      score += best;
      wordsOfName &&= entry.summaryTokens.some((t) => quality(term, t) >= WHOLE_WORD);
      wordsAnywhere &&= entry.fields.some((f) => f.tokens.some((t) => quality(term, t) >= WHOLE_WORD));
    }
    if (!matchedAll) continue;
    // Tiers first: every word found at the start of a word of the name ("org create" → "Create
    // organization"), then at the start of a word anywhere (operationId, scope, path), then the rest
    // (inside a word, a typo). Only within a tier do weights decide: a scope hit never outranks a name.
    const tier = wordsOfName ? 0 : wordsAnywhere ? 1 : 2;
    // Prefer operations whose summary is mostly made of the query's words:
    // "org create" → "Create organization" before "Create organization invite".
    const covered = entry.summaryTokens.filter((t) => terms.some((term) => quality(term, t) > 0)).length;
    score += entry.summaryTokens.length > 0 ? (2 * covered) / entry.summaryTokens.length : 0;
    hits.push({ entry, score, tier });
  }
  hits.sort((a, b) => a.tier - b.tier || b.score - a.score || a.entry.op.summary.length - b.entry.op.summary.length || a.entry.order - b.entry.order);
  return hits.slice(0, limit).map((h) => h.entry.op);
}

function termScore(term: string, fields: Field[]): number {
  let best = 0;
  for (const field of fields) {
    for (const token of field.tokens) {
      const q = quality(term, token);
      if (q > 0 && q * field.weight > best) best = q * field.weight;
    }
  }
  return best;
}

/** A query word matching a token whole, as its start, or as its plural/stem. */
const WHOLE_WORD = 0.7;

/** How well one query word matches one token: exact > prefix > plural/stem > inside > one typo. */
function quality(term: string, token: string): number {
  if (token === term) return 1;
  if (token.startsWith(term)) return 0.8;
  if (token.length >= 3 && term.startsWith(token) && term.length - token.length <= 2) return 0.7;
  if (term.length >= 3 && token.includes(term)) return 0.5;
  if (term.length >= 4 && withinOneEdit(term, token.slice(0, term.length + 1))) return 0.4;
  return 0;
}

/** True when `a` becomes a prefix-length slice of `b` with one edit (typo tolerance). */
function withinOneEdit(a: string, b: string): boolean {
  const candidates = [b.slice(0, a.length), b.slice(0, a.length - 1), b];
  return candidates.some((c) => c.length > 0 && editDistanceAtMostOne(a, c));
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else if (a[i + 1] === b[j] && a[i] === b[j + 1]) {
      // a swap of two neighbours ("craete") counts as one edit
      i += 2;
      j += 2;
    } else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Splits camelCase, snake_case, paths and scopes into lowercase words. */
export function searchTokens(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

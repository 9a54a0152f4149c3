// JSON-LD articleBody as evidence. Many CMSs put the article's full text in their schema.org
// metadata; it is not always right (teasers, truncated text, another article's body on a
// listing) so it never replaces the page blindly: it helps choose between our attempts, and is
// used itself only when no attempt resembles it at all.
import { decodeHTML } from 'entities';
import { weightedLength } from './text-metrics.js';

/** The longest articleBody (or reviewBody) string in the page's JSON-LD, tags and entities removed. */
export function jsonLdArticleBody(scripts: readonly string[]): string | null {
  let best: string | null = null;
  const visit = (x: unknown, depth: number): void => {
    if (depth > 12 || x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) { for (const y of x) visit(y, depth + 1); return; }
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
      if ((k === 'articleBody' || k === 'reviewBody') && typeof v === 'string') {
        if (!best || v.length > best.length) best = v;
      } else if (typeof v === 'object') visit(v, depth + 1);
    }
  };
  for (const s of scripts) {
    if (!s.includes('articleBody') && !s.includes('reviewBody')) continue;
    try { visit(JSON.parse(s), 0); } catch { /* broken JSON-LD is common; it is evidence we lack */ }
  }
  if (best === null) return null;
  const text = decodeHTML((best as string).replace(/<[^>]*>/g, ' '));
  return text.trim() === '' ? null : text;
}

/** Word tokens; scripts without spaces (Han, kana) one character per token. */
function tokens(s: string): string[] {
  const out: string[] = [];
  for (const t of s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (/[\u3040-\u30ff\u3400-\u9fff]/u.test(t)) out.push(...t); else out.push(t);
  }
  return out;
}

function shingles(s: string): Set<string> {
  const ts = tokens(s);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= ts.length; i++) out.add(`${ts[i]} ${ts[i + 1]} ${ts[i + 2]}`);
  return out;
}

/** How well a text agrees with the reference: F1 of their word-trigram sets. */
export function agreement(reference: Set<string>, text: string): number {
  const mine = shingles(text);
  if (reference.size === 0 || mine.size === 0) return 0;
  let both = 0;
  for (const x of mine) if (reference.has(x)) both++;
  const p = both / mine.size, r = both / reference.size;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export const referenceShingles = shingles;

/** Long enough to judge an extraction by (a teaser description is not). */
export const MIN_EVIDENCE_CHARS = 500;
export const isUsableEvidence = (text: string | null): text is string => text !== null && weightedLength(text) >= MIN_EVIDENCE_CHARS;

// Page-wide facts the header fields (headline, deck, tag) are judged with, computed once per
// dump: a normalised key per block, where the page repeats or quotes a text ("echoes"), and
// what the page's copyright notice names. A headline is echoed by share bars, breadcrumbs,
// sticky headers and "N comments on “…”" lines; a site name is what the copyright line names.
import type { Scored } from '../classify.js';
import { memoByText } from '../measure.js';

/** Case-, space- and punctuation-folded text, for comparing what a page repeats. */
export const foldKey: (text: string) => string = memoByText(foldKeyOf);

function foldKeyOf(text: string): string {
  const t = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKC');
  return t.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ' ').trim();
}

// Blocks longer than this are paragraphs: a title quoted inside one is not an echo of it.
const ECHO_MAX_CHARS = 400;
const COPYRIGHT = /©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|版权所有|著作権/iu;

// Footer lines recur across a site's pages, and the case-blind Unicode pattern is slow.
const isCopyrightLine = memoByText((text: string) => COPYRIGHT.test(text));

export interface PageFacts {
  readonly scored: readonly Scored[];
  /** foldKey of every block (empty for long ones). */
  readonly keys: readonly string[];
  /** Folded text of the copyright/"All rights reserved" lines. */
  readonly copyright: string;
}

// Headline, deck and tag each ask for the same page's facts: compute them once per page.
const cache = new WeakMap<readonly Scored[], PageFacts>();

export function pageFacts(scored: readonly Scored[]): PageFacts {
  let facts = cache.get(scored);
  if (!facts) cache.set(scored, (facts = computeFacts(scored)));
  return facts;
}

function computeFacts(scored: readonly Scored[]): PageFacts {
  const keys = scored.map((s) => (s.block.text.length <= ECHO_MAX_CHARS ? foldKey(s.block.text) : ''));
  let copyright = '';
  for (const s of scored) {
    const t = s.block.text;
    if (t.length <= 300 && isCopyrightLine(t)) copyright += ` ${foldKey(t)} `;
  }
  return { scored, keys, copyright };
}

/**
 * How many other blocks repeat block `i` or quote it with a little decoration ("Home ›
 * <title>", "22 comments on “<title>”", "<title>, SITE"): a headline is echoed around the
 * page. Neighbours do not count: an image's alt text beside its caption, or a headline
 * holding the kicker above it, is one thing said twice in one place. `quotedOnly` counts
 * decorated quotes alone: a short text repeated as is may be a menu entry.
 */
export function echoCount(page: PageFacts, i: number, quotedOnly = false): number {
  const key = page.keys[i]!;
  if (key.length < 12) return 0;
  let n = 0;
  const most = key.length + 40 + (key.length >> 1);
  for (let j = 0; j < page.keys.length; j++) {
    const d = Math.abs(j - i);
    if (d <= 1) continue;
    const k = page.keys[j]!;
    if (k.length < key.length || k.length > most) continue;
    if ((k === key && !quotedOnly) || (d > 3 && k !== key && k.includes(key))) n++;
  }
  return n;
}

/** Block `i` is among the first `within` content blocks of the page: the masthead. */
export function atTop(scored: readonly Scored[], i: number, within = 2): boolean {
  let n = 0;
  for (let j = 0; j < i; j++) {
    const c = scored[j]!.cls;
    if (c !== 'artifact' && c !== 'rule' && c !== 'boiler' && c !== 'meta' && ++n >= within) return false;
  }
  return true;
}

/** The text is (part of) what the copyright notice names: the site or its owner. */
export function namedInCopyright(page: PageFacts, i: number): boolean {
  const key = page.keys[i]!;
  return key.length >= 3 && page.copyright.includes(` ${key} `);
}

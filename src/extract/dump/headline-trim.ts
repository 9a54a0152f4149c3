// What a dump glues onto the headline line, taken off again. Page text flattened without the
// markup's boundaries puts the breadcrumb trail or the site's name on the headline's own line:
//   "HomeNews550 Kinder gezeugt: …"           (trail items set inline, no space between them)
//   "Home >> Recipes >> Cake Recipes >> Title" (a trail with separators)
//   "Title | CBC News"                          (the document title, beside the title itself)
//   "Home Title", "Premier League Title"         (a crumb or kicker set inline, the bare title nearby)
import type { Scored } from './classify.js';
import { foldKey } from './fields/page.js';

// Two or more capitalised words with no space between them, then the title's first capital or
// digit: inline list items flattened ("ZprávyDomácíKauzy" + "Hlavní aktér …").
const GLUED_TRAIL = /^((?:\p{Lu}[\p{Ll}\p{M}]+){2,})(?=[\p{Lu}\p{N}])/u;
const TRAIL_SEPARATOR = /\s+(?:>>?|›|»|\/)\s+/u;
const SUFFIX = /^(.+?)\s+[|–—-]\s+[^|–—-]{1,40}$/u;
const PREFIX_WORDS = 6, PREFIX_REACH = 12;
// A word of a section name or crumb: capitalised or a number, not ending a phrase (",", ":")
// nor a possessive ("Nyong'o's" is the title's own subject); or a lone separator.
const LABEL_WORD = /^(?:[\p{Lu}\p{N}][\p{L}\p{M}\p{N}&.-]*(?<!['’]s)|[>›»|/\p{Pd}•·]+)$/u;
const TITLE_START = /^[\p{Lu}\p{N}"'“‘«„¿¡]/u;

const words = (s: string) => s.trim().split(/\s+/u).filter(Boolean).length;

/** The headline text without a glued trail, a separated trail, a repeated document-title suffix or an inline label. */
export function trimHeadline(text: string, scored: readonly Scored[], at: number): string {
  const glued = GLUED_TRAIL.exec(text);
  // The rest must read as a title of its own; "PlayStation5 review" is one.
  if (glued && words(text.slice(glued[1]!.length)) >= 3) return text.slice(glued[1]!.length);
  const parts = text.split(TRAIL_SEPARATOR);
  if (parts.length >= 3 && parts.slice(0, -1).every((p) => words(p) <= 4) && words(parts[parts.length - 1]!) >= 3) {
    return parts[parts.length - 1]!;
  }
  // "Title | Site" when a block beside it holds exactly "Title".
  const suffixed = SUFFIX.exec(text);
  if (suffixed && words(suffixed[1]!) >= 3 && standsNear(scored, at, 3, suffixed[1]!)) return suffixed[1]!;
  // "Home Title", "Premier League Title": a crumb or kicker set inline on the headline's line,
  // when the title without it stands as a block of its own nearby.
  const ws = text.split(/\s+/u);
  for (let k = 1; k <= Math.min(PREFIX_WORDS, ws.length - 3); k++) {
    // The prefix must read as a label (names: capitalised words, numbers, separators), and
    // what is left as a title's start; "Die Schweiz ist | ein großer …" is one sentence.
    if (!LABEL_WORD.test(ws[k - 1]!)) break;
    const rest = ws.slice(k).join(' ');
    if (TITLE_START.test(rest) && standsNear(scored, at, PREFIX_REACH, rest)) return rest;
  }
  return text;
}

/** A block within `reach` of `at` (not itself) reads exactly `text`. */
function standsNear(scored: readonly Scored[], at: number, reach: number, text: string): boolean {
  const key = foldKey(text);
  for (let j = Math.max(0, at - reach); j <= Math.min(scored.length - 1, at + reach); j++) {
    if (j !== at && foldKey(scored[j]!.block.text) === key) return true;
  }
  return false;
}

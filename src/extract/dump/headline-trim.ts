// What a dump glues onto the headline line, taken off again. Page text flattened without the
// markup's boundaries puts the breadcrumb trail or the site's name on the headline's own line:
//   "HomeNews550 Kinder gezeugt: …"           (trail items set inline, no space between them)
//   "Home >> Recipes >> Cake Recipes >> Title" (a trail with separators)
//   "Title | CBC News"                          (the document title, beside the title itself)
import type { Scored } from './classify.js';
import { foldKey } from './fields/page.js';

// Two or more capitalised words with no space between them, then the title's first capital or
// digit: inline list items flattened ("ZprávyDomácíKauzy" + "Hlavní aktér …").
const GLUED_TRAIL = /^((?:\p{Lu}[\p{Ll}\p{M}]+){2,})(?=[\p{Lu}\p{N}])/u;
const TRAIL_SEPARATOR = /\s+(?:>>?|›|»|\/)\s+/u;
const SUFFIX = /^(.+?)\s+[|–—-]\s+[^|–—-]{1,40}$/u;
const words = (s: string) => s.trim().split(/\s+/u).filter(Boolean).length;

/** The headline text without a glued trail, a separated trail or a repeated document-title suffix. */
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
  if (suffixed && words(suffixed[1]!) >= 3) {
    const key = foldKey(suffixed[1]!);
    for (let j = Math.max(0, at - 3); j <= Math.min(scored.length - 1, at + 3); j++) {
      if (j !== at && foldKey(scored[j]!.block.text) === key) return suffixed[1]!;
    }
  }
  return text;
}

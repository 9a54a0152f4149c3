// Reconciling the body with the fields: the body pass often starts with blocks the fields
// already hold (the headline again, the deck, the kicker, a "By …" line, the dateline). They
// are dropped from the front of the body, never from inside it.
import { foldNoBreakSpaces } from '../../../normalize/text.js';
import { fold, wordLength } from './compare.js';
import { isBylineText, isDateText } from './labels.js';

export interface KnownFields {
  headline: string | null;
  deck: string | null;
  tag: string | null;
  byline: string | null;
}

/** How many leading blocks are looked at: past this the story has certainly begun. */
const MAX_LEADING = 6;

type Field = 'headline' | 'deck' | 'tag' | 'byline' | 'date';

/** Which field the block only repeats (or the byline/date line of the header), else null. */
export function repeatedField(block: string, f: KnownFields): Field | null {
  const b = fold(block);
  if (f.headline && fold(f.headline) === b) return 'headline';
  if (f.deck && fold(f.deck) === b) return 'deck';
  if (f.tag && fold(f.tag) === b) return 'tag';
  const words = wordLength(block);
  if (words <= 4 && isDateText(block)) return 'date';
  if (f.byline) {
    const by = fold(f.byline);
    // "By Ann Lee", "Ann Lee | March 3, 2020", "By Ann Lee, Staff Writer": short lines around the name.
    if (b.includes(by) && block.length <= f.byline.length + 48 && words <= wordLength(f.byline) + 8) return 'byline';
  }
  // "By Ann Lee" when the byline field came from metadata spelled differently.
  if (isBylineText(block) && words <= 8 && !/[.!?]$/.test(block)) return 'byline';
  return null;
}

/**
 * The body without its leading repeats. Each field is dropped once: a deck that also opens the
 * story (pages that print the standfirst again as the first paragraph) keeps its second copy.
 */
export function dropLeadingRepeats(blocks: readonly string[], f: KnownFields): string[] {
  const used = new Set<Field>();
  let k = 0;
  while (k < blocks.length && k < MAX_LEADING) {
    if (fold(blocks[k]!) === '') { k++; continue; }
    // The body keeps a page's no-break spaces; the line rules are written for plain ones.
    const field = repeatedField(foldNoBreakSpaces(blocks[k]!), f);
    if (!field || used.has(field)) break;
    used.add(field);
    k++;
  }
  return k ? blocks.slice(k) : [...blocks];
}

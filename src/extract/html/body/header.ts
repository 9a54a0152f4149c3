// The article's header (kicker, headline, deck, byline, date, share bar) often sits in its own
// box above the text, inside the container we chose. The field extractor reports those fields;
// the body should start with the text. The header box is found from the headline: the largest
// element around the headline's block that does not also hold the article's main text.
import { normalizeInline } from '../../../normalize/text.js';
import { isProse } from './aggregate.js';
import type { DocIndex } from './doc-index.js';

const key = (s: string) => normalizeInline(s).toLowerCase();

/**
 * Block indices with the header box removed. The headline block is the one repeating the
 * headline hint, else the first <h1> in the selection; it must come before most of the text.
 */
export function withoutHeaderBox(index: DocIndex, blocks: readonly number[], spine: number, headline: string | null): number[] {
  if (blocks.length === 0 || spine < 0) return [...blocks];
  const want = headline ? key(headline) : '';
  let at = -1;
  for (let k = 0; k < blocks.length && k < HEADER_SEARCH; k++) {
    const b = index.blocks[blocks[k]!]!;
    if (b.kind !== 'h') continue;
    if ((want !== '' && key(b.text) === want) || (want === '' && b.level === 1)) { at = k; break; }
  }
  if (at < 0) return [...blocks];
  // Climb from the headline's element while the ancestor neither contains the spine nor holds
  // more prose than a header has (a deck, a summary line): past that it is the article's text.
  const els = index.elements;
  const contains = (a: number, d: number) => a <= d && d <= els[a]!.end;
  let total = 0;
  for (const bi of blocks) if (isProse(index.blocks[bi]!)) total += index.blocks[bi]!.chars;
  const limit = Math.max(HEADER_PROSE, total * HEADER_SHARE);
  const proseIn = (a: number) => {
    let chars = 0, count = 0;
    for (const bi of blocks) {
      const b = index.blocks[bi]!;
      if (contains(a, b.owner) && isProse(b)) { chars += b.chars; count++; }
    }
    return chars <= limit && count <= HEADER_PROSE_BLOCKS;
  };
  let box = index.blocks[blocks[at]!]!.owner;
  if (contains(box, spine)) box = -1;
  while (box >= 0 && els[box]!.parent >= 0 && !contains(els[box]!.parent, spine) && proseIn(els[box]!.parent)) box = els[box]!.parent;
  if (box < 0 || !proseIn(box)) {
    // No header box: the headline block alone goes.
    return blocks.filter((_, k) => k !== at);
  }
  const { end } = els[box]!;
  return blocks.filter((bi) => {
    const o = index.blocks[bi]!.owner;
    return o < box || o > end;
  });
}

/** The headline is looked for among the first blocks only: a late <h1> is not the header. */
const HEADER_SEARCH = 12;
/** A header holds at most a deck's worth of prose: this many blocks, this many weighted characters… */
const HEADER_PROSE_BLOCKS = 2;
const HEADER_PROSE = 400;
/** …or this share of the article's prose, if more. */
const HEADER_SHARE = 0.15;

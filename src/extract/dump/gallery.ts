// Slideshows printed into a dump: "1/50 United goin down", a caption, a credit, "2/50 …", up to
// "50/50". A counter is only a counter when it counts: the same total on every slide and the
// number going up. A single "1/2 teaspoon cumin" or "3 of 4 stars" is text, not a gallery.
import type { Block } from './block.js';

// "3/50", "3 / 50", "3 of 50", "3 von 50", "3 sur 50", "3 de 50", "3 di 50", "3 из 50", "3 z 50".
const COUNTER = /^(\d{1,3})\s*(?:\/|of|von|de|sur|di|из|z)\s*(\d{1,3})(?:\s|$)/iu;

export interface Counter { n: number; of: number }

/** The slide counter a block starts with, or null. */
export function counterOf(text: string): Counter | null {
  if (text.length > 200) return null;
  const m = COUNTER.exec(text);
  if (!m) return null;
  const n = Number(m[1]), of = Number(m[2]);
  return n >= 1 && n <= of && of >= 3 ? { n, of } : null;
}

export interface Gallery {
  /** First and last block of the slides (inclusive). */
  start: number;
  end: number;
  /** Indices of the counter blocks. */
  counters: number[];
}

// Slides further apart than this are not one slideshow.
const MAX_STEP = 12;
const MIN_SLIDES = 3;

/**
 * The slideshows of a document: runs of at least three counters with one total and rising
 * numbers. A slide runs from its counter to the next; the last one is as long as the typical
 * slide.
 */
export function findGalleries(blocks: readonly Block[]): Gallery[] {
  const out: Gallery[] = [];
  let cur: { idx: number[]; last: Counter } | null = null;
  const close = () => {
    if (cur && cur.idx.length >= MIN_SLIDES) {
      const steps = cur.idx.slice(1).map((v, k) => v - cur!.idx[k]!).sort((a, b) => a - b);
      const step = steps[Math.floor(steps.length / 2)]!;
      const last = cur.idx[cur.idx.length - 1]!;
      out.push({ start: cur.idx[0]!, end: Math.min(blocks.length - 1, last + step - 1), counters: cur.idx });
    }
    cur = null;
  };
  for (let i = 0; i < blocks.length; i++) {
    const c = counterOf(blocks[i]!.text);
    if (!c) continue;
    if (cur && c.of === cur.last.of && c.n > cur.last.n && i - cur.idx[cur.idx.length - 1]! <= MAX_STEP) {
      cur.idx.push(i);
      cur.last = c;
      continue;
    }
    close();
    cur = { idx: [i], last: c };
  }
  close();
  return out;
}

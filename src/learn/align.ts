// Truth → block labels: which block of a dump holds the headline, the deck, the tag, the
// byline/date lines and the body paragraphs. Used only to make training data; a page whose
// truth cannot be found in its dump (coverage too low, no headline) is reported and left out,
// never forced.
import type { Block } from '../extract/dump/block.js';
import { LABEL_INDEX } from '../extract/dump/labels.js';
import { bylineOf, isDateLine, isNameLine, isReadingTime } from '../extract/dump/meta.js';

export interface AlignTruth {
  headline: string;
  /** undefined = unknown (the block above the body is then not trained on), null = none shown. */
  deck?: string | null;
  tag?: string | null;
  body: string;
  byline?: string | null;
}

export interface Alignment {
  /** One label index per block (LABEL_INDEX), -1 where the truth cannot tell. */
  labels: Int8Array;
  headlineFound: boolean;
  /** Share of the truth body's 4-word shingles that body-labelled blocks cover. */
  coverage: number;
  /** Good enough to train on. */
  clean: boolean;
}

const SCRIPT_CHARS = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]+$/u;

/** Words for matching: case- and width-folded; runs of scripts without spaces become characters. */
export function matchTokens(text: string): string[] {
  const out: string[] = [];
  for (const t of text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (SCRIPT_CHARS.test(t)) out.push(...t);
    else out.push(t);
  }
  return out;
}

const key = (text: string): string => matchTokens(text).join(' ');

function shingles(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 4 <= tokens.length; i++) out.push(tokens.slice(i, i + 4).join(' '));
  return out;
}

const HEADLINE_EXTRA_WORDS = 5;
const DECK_WINDOW = 8;
const TAG_WINDOW = 6;
const META_WINDOW = 4;
const STRONG = 0.6;
const CLEAN_COVERAGE = 0.7;

/** Blocks the headline is in: equal, or with a few words more (a kicker on the same line). */
function headlineMatches(blocks: readonly Block[], headline: string): number[] {
  const want = key(headline);
  if (want === '') return [];
  const wantWords = want.split(' ').length;
  const out: number[] = [];
  blocks.forEach((b, i) => {
    const k = key(b.text);
    if (k === want) out.push(i);
    else if (k.includes(want) && k.split(' ').length - wantWords <= HEADLINE_EXTRA_WORDS && wantWords >= 3) out.push(i);
  });
  return out;
}

export function alignBlocks(blocks: readonly Block[], truth: AlignTruth, headlineStated = false): Alignment {
  const n = blocks.length;
  const labels = new Int8Array(n).fill(LABEL_INDEX.chrome);
  const bodyTokens = matchTokens(truth.body);
  // Per paragraph: a shingle across a paragraph break is in no block of any dump.
  const truthShingles = new Set(truth.body.split(/\n\s*\n/).flatMap((p) => shingles(matchTokens(p))));
  const bodyKey = ' ' + bodyTokens.join(' ') + ' ';
  const paragraphKeys = new Set(truth.body.split(/\n\s*\n/).map(key).filter((k) => k !== ''));

  // How much of each block is truth body text.
  const share = new Float64Array(n);
  const blockShingles: string[][] = [];
  for (let i = 0; i < n; i++) {
    const toks = matchTokens(blocks[i]!.text);
    const sh = shingles(toks);
    blockShingles.push(sh);
    if (toks.length === 0) continue;
    const k = toks.join(' ');
    if (paragraphKeys.has(k)) share[i] = 1;
    else if (sh.length > 0) share[i] = sh.filter((s) => truthShingles.has(s)).length / sh.length;
    else if (bodyKey.includes(' ' + k + ' ')) share[i] = 0.5; // too short to shingle: contained only
  }

  // Headline: the match nearest above the body text; the body is what follows it.
  const heads = headlineMatches(blocks, truth.headline);
  const firstStrongAfter = (from: number): number => {
    for (let i = from; i < n; i++) if (share[i]! >= STRONG && blockShingles[i]!.length >= 2) return i;
    return -1;
  };
  // The real headline has the whole body below it; of several such copies, the nearest wins.
  const strongAfter = new Int32Array(n + 1);
  for (let i = n - 1; i >= 0; i--) strongAfter[i] = strongAfter[i + 1]! + (share[i]! >= STRONG && blockShingles[i]!.length >= 2 ? 1 : 0);
  let h = -1;
  for (const c of heads) if (h < 0 || strongAfter[c + 1]! >= strongAfter[h + 1]!) h = c;
  const bodyFrom = h >= 0 ? h + 1 : 0;
  const first = firstStrongAfter(bodyFrom);
  let last = -1;
  for (let i = n - 1; i >= Math.max(first, 0); i--) if (share[i]! >= STRONG && blockShingles[i]!.length >= 2) { last = i; break; }

  const covered = new Set<string>();
  if (first >= 0) {
    for (let i = first; i <= last; i++) {
      if (share[i]! >= 0.5) {
        labels[i] = LABEL_INDEX.body;
        for (const s of blockShingles[i]!) if (truthShingles.has(s)) covered.add(s);
      }
    }
  }
  if (h >= 0) labels[h] = LABEL_INDEX.headline;
  const bodyStart = first >= 0 ? first : Math.min(n, bodyFrom + DECK_WINDOW);

  // Deck: below the headline, before the body text.
  if (h >= 0) {
    if (truth.deck) {
      const want = key(truth.deck);
      for (let i = h + 1; i <= Math.min(n - 1, h + DECK_WINDOW); i++) {
        if (key(blocks[i]!.text) === want) { labels[i] = LABEL_INDEX.deck; break; }
      }
    } else if (truth.deck === undefined) {
      for (let i = h + 1; i < bodyStart; i++) if (labels[i] === LABEL_INDEX.chrome) labels[i] = -1;
    }
    if (truth.tag) {
      const want = key(truth.tag);
      for (let i = h - 1; i >= Math.max(0, h - TAG_WINDOW); i--) {
        const k = key(blocks[i]!.text);
        const lastCrumb = key(blocks[i]!.text.split(/\s+[>›»/|]\s+|\s*[›»]\s*/u).pop() ?? '');
        if (k === want || lastCrumb === want) { labels[i] = LABEL_INDEX.tag; break; }
      }
    } else if (truth.tag === undefined) {
      for (let i = h - 1; i >= Math.max(0, h - TAG_WINDOW); i--) if (labels[i] === LABEL_INDEX.chrome) labels[i] = -1;
    }
  }

  // Byline and date lines in the header zone.
  const byline = truth.byline ? key(truth.byline) : '';
  const zoneLo = Math.max(0, (h >= 0 ? h : bodyStart) - META_WINDOW);
  for (let i = zoneLo; i < bodyStart && i < n; i++) {
    if (i === h || labels[i]! < 0 || labels[i] === LABEL_INDEX.tag || labels[i] === LABEL_INDEX.deck || labels[i] === LABEL_INDEX.body) continue;
    const t = blocks[i]!.text;
    const k = key(t);
    if (bylineOf(t) !== null || isDateLine(t) || isReadingTime(t) || isNameLine(t) || (byline !== '' && k.includes(byline) && k.split(' ').length <= byline.split(' ').length + 12)) {
      labels[i] = LABEL_INDEX.meta;
    }
  }

  const coverage = truthShingles.size > 0 ? covered.size / truthShingles.size : 0;
  const headlineFound = h >= 0;
  return { labels, headlineFound, coverage, clean: (headlineFound || headlineStated) && coverage >= CLEAN_COVERAGE };
}

// One extractor for every kind of dump: given the block sequence of a plain-text or Markdown
// dump, find the article (densest prose run), then the fields around it by position:
// headline above the body, tag above the headline, deck between headline and body, byline
// and date in the header zone. Stated metadata (front matter, JSON or header lines) wins
// over what the layout suggests.
import type { ExtractOptions, Extraction, MetaField } from '../../types.js';
import { boilerplateMatcher } from '../boilerplate/index.js';
import { emptyExtraction } from '../empty.js';
import { shownText, type Block } from './block.js';
import { classifyBlocks, type Scored } from './classify.js';
import { cutAtStop, densestRun, embeddedGalleries, embeddedWidgets, extendCleanRun, isCleanDump, keepInBody, leadStart, trimEdges, type Run } from './body.js';
import { findDeck } from './deck.js';
import type { DocMeta } from './header.js';
import { findHeadline, headlineText } from './headline.js';
import { contentTokens } from './measure.js';
import { bylineOf, findDate, isNameLine } from './meta.js';
import { findSectionLine, findTag } from './tag.js';
import { closingBio } from './tail.js';

export interface DumpContext {
  /** Provenance prefix: "text" or "md". */
  prefix: 'text' | 'md';
  plainText: boolean;
  meta: DocMeta | null;
  /** Folded titles the page's share links carry (./fields/shared.ts); absent = none known. */
  sharedTitles?: readonly string[];
}

// Below this much prose the "article" is a listing, a gallery or an error page.
const MIN_ARTICLE_PROSE = 140;
const VOCAB_CHARS = 2500;

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();

function where(ctx: DumpContext, s: Scored): string {
  const b = s.block;
  if (ctx.prefix === 'md') return b.kind === 'heading' ? `md:h${b.level}` : `md:line-${b.line}`;
  return `text:line-${b.line}`;
}

/** Index of the block whose text equals a stated value (front matter title shown as `# Title`). */
function findText(scored: readonly Scored[], value: string, from: number, to: number): number | null {
  const v = norm(value);
  for (let i = Math.max(0, from); i <= to && i < scored.length; i++) if (norm(scored[i]!.block.text) === v) return i;
  return null;
}

/**
 * The content tokens of the prose blocks from `start` on, until about VOCAB_CHARS of text: the
 * words the body opens with. Each block's tokens are its own remembered ones — the same as the
 * tokens of those texts joined by spaces (a space ends every token and every case context),
 * without tokenizing that joined text again.
 */
export function proseVocabulary(scored: readonly Scored[], start: number, end: number): Set<string> {
  const vocab = new Set<string>();
  let chars = 0;
  for (let i = start; i <= end && chars < VOCAB_CHARS; i++) {
    const s = scored[i]!;
    if (s.cls !== 'prose') continue;
    chars += 1 + s.block.text.length;
    for (const t of contentTokens(s.block.text)) vocab.add(t);
  }
  return vocab;
}

function hasProse(scored: readonly Scored[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (scored[i]!.cls === 'prose') return true;
  return false;
}

/** First index in [start, end] that is prose: where the body text proper begins. */
function firstProse(scored: readonly Scored[], start: number, end: number): number {
  for (let i = start; i <= end; i++) if (scored[i]!.cls === 'prose') return i;
  return start;
}

/** Where the rules found each field: block indices, for the learned labeller's features. */
export interface RuleLayout {
  scored: Scored[];
  run: Run | null;
  headline: number | null;
  headlineLast: number | null;
  deck: number | null;
  tag: number | null;
  body: number[];
  /**
   * proseVocabulary of the run, when the headline finder built it over the run as it ended up
   * (null otherwise): the labeller's features ask for the same set.
   */
  runVocabulary: ReadonlySet<string> | null;
}

export function extractFromBlocks(blocks: readonly Block[], options: ExtractOptions, ctx: DumpContext): Extraction {
  return ruleLayout(blocks, options, ctx).extraction;
}

export function ruleLayout(blocks: readonly Block[], options: ExtractOptions, ctx: DumpContext): { extraction: Extraction; layout: RuleLayout } {
  const x = emptyExtraction();
  let tagIdx: number | null = null;
  const bodyIdx: number[] = [];
  const stated = ctx.meta?.fields ?? {};
  const statedBy = ctx.meta?.source ?? '';
  for (const f of ['url', 'lang', 'byline', 'published'] as MetaField[]) {
    if (stated[f]) { x[f] = stated[f]!; x.provenance[f] = statedBy; }
  }

  const matcher = boilerplateMatcher(options.rules.boilerplate);
  const scored = classifyBlocks(blocks, matcher);
  let run: Run | null = densestRun(scored);
  const clean = isCleanDump(scored);
  if (run) run = clean ? extendCleanRun(scored, run) : trimEdges(scored, cutAtStop(scored, run));
  const last = scored.length - 1;
  const bodyStart0 = run ? firstProse(scored, run.start, run.end) : 0;
  const bodyEnd = run ? run.end : last;

  // Headline: stated, else the best-heading block above the body (with the line that
  // completes it, when it is set over two).
  let h: number | null = null;
  let hLast: number | null = null;
  let vocab: Set<string> | null = null;
  if (stated.headline) {
    x.headline = stated.headline;
    x.provenance.headline = statedBy;
    h = findText(scored, stated.headline, 0, Math.min(last, bodyStart0 + 3));
  } else if (scored.length > 0) {
    vocab = proseVocabulary(scored, bodyStart0, bodyEnd);
    h = findHeadline(scored, { bodyStart: bodyStart0, bodyEnd, bodyVocabulary: vocab, plainText: ctx.plainText, sharedTitles: ctx.sharedTitles ?? [] });
    if (h !== null) {
      const t = headlineText(scored, h);
      x.headline = t.text; hLast = t.last;
      x.provenance.headline = where(ctx, scored[h]!);
    }
  }

  // Deck and tag by position around the headline.
  let deckIdx: number | null = null;
  if (stated.deck) { x.deck = stated.deck; x.provenance.deck = statedBy; }
  if (h !== null) {
    deckIdx = findDeck(scored, { headlineIndex: hLast ?? h, headlineText: scored[h]!.block.text, limit: Math.min(last, Math.max(bodyEnd, h + 8)) });
    if (deckIdx !== null && !stated.deck) { x.deck = scored[deckIdx]!.block.text; x.provenance.deck = where(ctx, scored[deckIdx]!); }
  }
  if (stated.tag) { x.tag = stated.tag; x.provenance.tag = statedBy; }
  else if (h !== null) {
    const t = findTag(scored, h, scored[h]!.block.text) ?? findSectionLine(scored, h, bodyStart0, matcher);
    // A breadcrumb may end in "Contact Us": chrome is never the section.
    if (t && matcher.match(t.text) === null) { x.tag = t.text; x.provenance.tag = `${ctx.prefix}:${t.rule}`; tagIdx = t.index; }
  }
  if (x.tag === null && options.fallbackTag) { x.tag = options.fallbackTag; x.provenance.tag = 'folder'; }

  // Byline and date in the header zone: from a little above the headline to the body start.
  const zoneLo = Math.max(0, (h ?? bodyStart0) - 4);
  const zoneHi = Math.min(last, Math.max(bodyStart0, (deckIdx ?? h ?? 0) + 1) + 4);
  // Bare name lines in the header zone may be the author too ("Will Knight" over the date).
  const authors: string[] = [];
  for (let i = zoneLo; i <= zoneHi; i++) {
    const t = scored[i]!.block.text;
    if (i !== h && scored[i]!.cls !== 'prose' && isNameLine(t)) authors.push(t);
    if (x.byline === null) {
      const by = bylineOf(t);
      if (by) { x.byline = by; x.provenance.byline = where(ctx, scored[i]!); }
    }
    if (x.published === null && scored[i]!.cls !== 'prose') {
      const d = findDate(t);
      if (d) { x.published = d; x.provenance.published = where(ctx, scored[i]!); }
    }
  }

  // Body: the run, starting after the headline and deck when they sit inside it — unless
  // article text stands above them: then the "headline" is a line of the article, and only
  // it is left out.
  let start = run ? run.start : 0;
  const headerEnd = Math.max(hLast ?? h ?? -1, deckIdx ?? -1);
  const headerStart = Math.min(h ?? Infinity, deckIdx ?? Infinity);
  if (run && headerEnd >= start && headerEnd < run.end && !hasProse(scored, start, headerStart - 1)) start = headerEnd + 1;
  if (run) start = leadStart(scored, start, run.end);
  // The closing author bio ends the article (the byline tells whose name to look for).
  if (x.byline) authors.push(x.byline);
  const bio = run ? closingBio(scored, run, authors, matcher) : null;
  if (run && bio !== null && bio > start) run = { ...run, end: bio - 1 };
  const skip = new Set<string>();
  if (x.headline) skip.add(norm(x.headline));
  if (x.deck) skip.add(norm(x.deck));
  const body: string[] = [];
  let prose = 0;
  if (run) {
    // Widgets the article goes on after ("Related" boxes, slideshows) leave the body.
    const widgets = embeddedWidgets(scored, run);
    for (const i of embeddedGalleries(scored, run)) widgets.add(i);
    for (let i = start; i <= run.end; i++) {
      const s = scored[i]!;
      if (widgets.has(i) || !keepInBody(s, options.mode)) continue;
      if (i === h || i === hLast || i === deckIdx || (i <= bodyStart0 + 2 && skip.has(norm(s.block.text)))) continue;
      body.push(shownText(s.block));
      bodyIdx.push(i);
      if (s.cls === 'prose') prose += s.weight;
    }
  }
  if (prose < MIN_ARTICLE_PROSE) x.notArticle = true;
  x.body = body;
  x.provenance.body = `${ctx.prefix}:densest-run`;

  // Only prose counts in the vocabulary, so the run's own start gives the set bodyStart0 gave;
  // a closing bio may have moved the run's end since.
  const runVocabulary = run && vocab && run.end === bodyEnd ? vocab : null;
  return { extraction: x, layout: { scored, run, headline: h, headlineLast: hLast, deck: deckIdx, tag: tagIdx, body: bodyIdx, runVocabulary } };
}

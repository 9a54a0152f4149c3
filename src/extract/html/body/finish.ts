// From kept blocks to the strings we return. Whitespace is normalized and empty blocks go; then
// block-level boilerplate that no container boundary separates from the article is trimmed:
//   - leading blocks that repeat the headline or deck (the field extractor reports those),
//   - a leading run of metadata lines (date, "by … | 3 comments", category links),
//   - phrase-list lines anywhere ("Advertisement", "Share this", "Read more: …"),
//   - a trailing run of boilerplate (tags, share prompts, newsletter pitches, "letters to the
//     editor" notes), and everything after a closing heading such as "Comments" or "Related".
import { boilerplateMatcher, type BoilerplateKind, type BoilerplateMatcher } from '../../boilerplate/index.js';
import { hasNoBreakSpace, normalizeInline, normalizeParagraph } from '../../../normalize/text.js';
import type { Mode } from '../../../types.js';
import { isProse } from './aggregate.js';
import type { Block } from './doc-index.js';
import { endsLikeSentence, isAddress } from './text-metrics.js';

export interface FinishOptions {
  mode: Mode;
  /** The user's extra boilerplate phrases (rules.boilerplate). */
  phrases?: readonly string[];
}

// `text` is what the rules read (every space plain); `shown` is what the body gets: the same,
// with the page's no-break spaces between words kept.
interface Item { text: string; shown: string; block: Block; prose: boolean; phrase: BoilerplateKind | null }

/**
 * Punctuation alone, or a number of one to three digits alone ("1", "[2]", "3."): footnote and
 * gallery markers, counters and pager links, which say nothing without the element they point at.
 */
const NO_WORDS = /^[\p{P}\p{S}\s]*\d{0,3}[\p{P}\p{S}\s]*$/u;

/**
 * One long run of Latin letters, digits and dashes with no space: class names or layout labels
 * printed as text ("for-phone-onlyfor-tablet-portrait-up…"), not words.
 */
const MACHINE_TEXT = /^[A-Za-z0-9_-]{40,}$/;

const key = (s: string | null) => (s ? normalizeInline(s).toLowerCase() : '');

/** Longest block worth asking the phrase list about (it judges nothing longer)… */
const PHRASE_MAX = 400;
/** …and longest prose block: only line/prefix phrases (≤ 160 chars) could judge one. */
const PREFIX_MAX = 160;
/** Longest block the "contains" phrases may judge in the middle of an article. */
const CONTAINS_MIDDLE_MAX = 150;
/** A linked line this long that ends like a sentence is one ("The <a>charity is raising money</a> for …."). */
const LINKED_SENTENCE = 60;
/** Longest trailing heading taken for the title of a removed box… */
const TITLE_MAX = 80;
/** …and trailing lead-in line ("See photos from this story:"); a longer one may be the author's sentence. */
const LEAD_IN_MAX = 40;
/** Longest block a leading/trailing metadata rule may judge. */
const META_MAX = 200;

// A date or time as post metadata writes it: 12/03/2021, 2021-03-12, 14:05, "12 March 2021",
// "March 12, 2021", "12. März 2021", 2021年3月12日. A bare year ("a wild 2017") is not one, nor
// digits cut out of a longer run: "+81 158-23-2012" is a phone number, not 58-23-2012.
const YEAR = '(?:1[89]|20)\\d\\d';
const DATE_OR_TIME = new RegExp([
  '(?<![\\d.-])\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}(?![\\d-])', `(?<![\\d-])${YEAR}-\\d{1,2}-\\d{1,2}(?![\\d-])`, '\\b\\d{1,2}:\\d{2}\\b',
  `\\b\\d{1,2}\\.?\\s+\\p{L}{3,}\\.?,?\\s+${YEAR}\\b`, `\\b\\p{L}{3,}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+${YEAR}\\b`,
  `${YEAR}\\s*年\\s*\\d{1,2}\\s*月`,
].join('|'), 'u');
// Separators of metadata parts and breadcrumbs: | · • » ›
const SEPARATED = /\s[|\u00b7\u2022\u00bb\u203a]\s|\s[|\u00b7\u2022]$|^[|\u00b7\u2022]\s/;
const BARE_WORD = /^\p{L}{1,3}$/u;

/** A short line of post metadata: a date or time, or parts separated by | or ·, or mostly links. */
function looksLikeMeta(it: Item): boolean {
  if (it.text.length > META_MAX || it.block.kind === 'row') return false;
  // A heading is structure, unless it only dates the post ("Sunday, May 8, 2016").
  if (it.block.kind === 'h') return it.text.length <= DATE_HEADING_MAX && DATE_OR_TIME.test(it.text) && it.text.split(/\s+/).length <= 5;
  // Punctuation can make a dateline look like prose; a date and separators together make it metadata.
  if (it.prose) return DATE_OR_TIME.test(it.text) && SEPARATED.test(it.text);
  const links = it.block.chars > 0 ? it.block.linkChars / it.block.chars : 0;
  // A written-out address is a cited source, and a sentence a sentence, however linked.
  const linkLine = links > 0.5 && !isAddress(it.text) && !(it.text.length >= LINKED_SENTENCE && endsLikeSentence(it.text));
  // "A · B" in a list item is an entry (a title and its author), not a byline line.
  return DATE_OR_TIME.test(it.text) || (it.block.kind !== 'li' && SEPARATED.test(it.text)) || linkLine;
}
/** Longest heading that can be a date line. */
const DATE_HEADING_MAX = 40;

export function finishBlocks(blocks: readonly Block[], hints: { headline: string | null; deck: string | null }, options: FinishOptions): string[] {
  const matcher = boilerplateMatcher(options.phrases);
  let items: Item[] = [];
  for (const b of blocks) {
    const text = normalizeInline(b.text);
    if (text === '' || NO_WORDS.test(text) || MACHINE_TEXT.test(text)) continue;
    // The phrase list only judges short text; asking it once per block keeps long pages cheap.
    const prose = isProse(b);
    const ask = text.length <= (prose ? PREFIX_MAX : PHRASE_MAX);
    items.push({ text, shown: hasNoBreakSpace(b.text) ? normalizeParagraph(b.text) : text, block: b, prose, phrase: ask ? matcher.match(text) : null });
  }
  items = joinDatelines(items);
  items = dropLeading(items, hints);
  items = cutAtStop(items, matcher);
  const mode = options.mode;
  items = items.filter((it, i) => !isBoilerplate(it, i === 0 || i === items.length - 1, mode) && !isCredit(it, matcher));
  items = dropTrailing(items, mode);
  return items.map((it) => it.shown);
}

/** Longest run-in label joined to the paragraph after it. */
const DATELINE_MAX = 40;
const RUN_IN = /[:\u2014\u2013-]$/u;

/**
 * A dateline or run-in label ("WASHINGTON —", "New Delhi:") set as loose bold text just before the
 * first words of a paragraph is that paragraph's opening, not a line of its own.
 */
function joinDatelines(items: Item[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!, next = items[i + 1];
    if (next && it.block.kind === 'text' && !it.prose && it.phrase === null && it.text.length <= DATELINE_MAX
      && RUN_IN.test(it.text) && next.block.kind === 'p' && next.prose) {
      out.push({ ...next, text: `${it.text} ${next.text}`, shown: `${it.shown} ${next.shown}` });
      i++;
    } else out.push(it);
  }
  return out;
}

/** Headline/deck repeats, then metadata lines, before the first prose block. */
function dropLeading(items: Item[], hints: { headline: string | null; deck: string | null }): Item[] {
  const heads = new Set([key(hints.headline), key(hints.deck)].filter((s) => s !== ''));
  let i = 0;
  const out: Item[] = [];
  // Linked list entries dropped just before the first prose: if that prose is an entry too, they
  // were the list's first entries (a "Highlights" list opening with two links), not metadata.
  let linkedEntries: Item[] = [];
  for (; i < items.length; i++) {
    const it = items[i]!;
    if (looksLikeMeta(it)) {
      linkedEntries = it.block.kind === 'li' && !DATE_OR_TIME.test(it.text) ? [...linkedEntries, it] : [];
      continue;
    }
    // The first paragraph of the text may repeat the deck word for word: it is still the text.
    if (it.prose) {
      if (it.block.kind === 'li') out.push(...linkedEntries);
      break;
    }
    linkedEntries = [];
    // A bare short word ("By", "Par") is what is left of a byline whose name was a link.
    if (heads.has(it.text.toLowerCase()) || (it.block.kind !== 'h' && BARE_WORD.test(it.text))) continue;
    out.push(it);
  }
  return out.concat(items.slice(i));
}

/**
 * A picture credit left as a line of its own ("Featured Image Credit: Agency", "[Image by X/Getty
 * Images]"): the caption cleaning missed. A sentence that names an agency ("Reuters contributed
 * to this report.") is the author's.
 */
function isCredit(it: Item, m: BoilerplateMatcher): boolean {
  return !it.prose && it.block.kind !== 'h' && it.text.length <= CREDIT_MAX && !endsLikeSentence(it.text) && m.hasCredit(it.text);
}
const CREDIT_MAX = 160;

/**
 * Balanced: line and prefix phrases anywhere, "contains" phrases in short blocks or non-prose edge
 * blocks. Recall trusts only whole-line phrases; precision lets "contains" judge any short-enough
 * block.
 */
function isBoilerplate(it: Item, edge: boolean, mode: Mode): boolean {
  const kind = it.phrase;
  if (kind === null) return false;
  if (mode === 'recall') return kind === 'line';
  if (mode === 'precision') return true;
  // "All rights reserved", "©", "in your inbox" inside a real paragraph are the author's words.
  if (kind === 'contains') return it.text.length <= CONTAINS_MIDDLE_MAX || (edge && !it.prose);
  return true;
}

/**
 * A heading that closes an article ("Comments", "Related stories") once most of the prose has been
 * read: it and its section go. The article resumes only at a later heading of the same or a higher
 * rank that opens a section of real prose (a recipe card after a "Related recipes" list); with no
 * such heading, everything after the stop goes.
 */
function cutAtStop(items: Item[], m: BoilerplateMatcher): Item[] {
  const total = items.reduce((s, it) => s + (it.prose ? it.block.chars : 0), 0);
  let seen = 0;
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.prose) seen += it.block.chars;
    // Only a heading closes the article: "Comment" can be a table header or a one-word line.
    else if (it.block.kind === 'h' && seen > total / 2 && m.isStop(it.text) && !sectionOfText(items, i)) {
      const resume = resumeAfter(items, i, m);
      if (resume < 0) return out;
      i = resume - 1;
      continue;
    }
    out.push(it);
  }
  return out;
}

/** Prose (weighted characters) a section after a stop heading needs to count as more article. */
const RESUME_PROSE = 500;

/**
 * The section a closing-looking heading opens is the article's own ("Discussion" in a study,
 * "Related work"): two or more paragraphs of real prose and nothing else but unlinked subheadings
 * and list entries — no names and dates between comments, no linked teaser titles.
 */
function sectionOfText(items: Item[], at: number): boolean {
  const level = items[at]!.block.level;
  let prose = 0, paragraphs = 0;
  for (let k = at + 1; k < items.length; k++) {
    const x = items[k]!, b = x.block;
    if (b.kind === 'h' && b.level <= level) break;
    if (b.linkChars > b.chars / 2) return false;
    if (x.prose) { prose += b.chars; paragraphs++; } else if (b.kind !== 'h' && b.kind !== 'li') return false;
  }
  return paragraphs >= 2 && prose >= SECTION_PROSE;
}
const SECTION_PROSE = 300;

/** Index of the heading where the article resumes after the stop heading at `stop`, or -1. */
function resumeAfter(items: Item[], stop: number, m: BoilerplateMatcher): number {
  const level = items[stop]!.block.level;
  for (let j = stop + 1; j < items.length; j++) {
    const h = items[j]!;
    if (h.block.kind !== 'h' || h.block.level > level) continue;
    // A linked heading opens a teaser; another stop heading opens more of the same.
    if (h.block.linkChars > h.block.chars / 2 || m.isStop(h.text)) return -1;
    let prose = 0;
    for (let k = j + 1; k < items.length && prose < RESUME_PROSE; k++) {
      const x = items[k]!;
      if (x.block.kind === 'h' && x.block.level <= level) break;
      if (x.prose) prose += x.block.chars;
    }
    if (prose >= RESUME_PROSE) return j;
  }
  return -1;
}

/**
 * From the end: headings, metadata lines and phrase-list matches not separated from the article
 * by markup.
 */
function dropTrailing(items: Item[], mode: Mode): Item[] {
  let end = items.length;
  while (end > 1) {
    const it = items[end - 1]!;
    if (it.prose && it.text.length > META_MAX) break;
    // A heading with nothing after it introduces nothing: the title of a box cleaning removed
    // (a sentence set as a heading is text, as on pages that style every paragraph that way).
    // So does a short line that ends in a colon ("See photos from this story:", "Read more from X:").
    const title = (it.block.kind === 'h' && it.text.length <= TITLE_MAX && !endsLikeSentence(it.text))
      || (!it.prose && it.text.length <= LEAD_IN_MAX && /[:\uff1a]$/u.test(it.text));
    if (!(title || (mode !== 'recall' && looksLikeMeta(it)) || isBoilerplate(it, true, mode))) break;
    end--;
  }
  return items.slice(0, end);
}

// Per-block features for the learned labeller: what a block looks like on any site (length,
// script-aware words, punctuation, case, digits and dates, Markdown and lynx/w3m syntax, the
// boilerplate phrase list), where it stands (in the dump, against the densest prose run),
// what the rule layout made of it, and the same few facts of its neighbours. Nothing here
// names a site, a host or a page.
import { proseVocabulary, type RuleLayout } from './article.js';
import type { BlockClass, Scored } from './classify.js';
import { foldKey } from './fields/page.js';
import { isShouted } from './headline.js';
import { capitalShare, classShare, commaCount, contentTokens, letterShare, SHARE_NUMBER } from './measure.js';
import { bylineOf, findDate, isDateLine, isNameLine, isReadingTime } from './meta.js';
import type { ParsedDump } from './parsed.js';

const KINDS = ['line', 'paragraph', 'heading', 'list-item', 'quote', 'code', 'table', 'rule'];
const CLASSES: readonly BlockClass[] = ['prose', 'short', 'link', 'boiler', 'meta', 'artifact', 'rule'];
const BOILER = ['line', 'prefix', 'contains'];

const LOCAL_NAMES = [
  'chars', 'words', 'weight', 'sentences', 'ends', 'commas', 'capitals', 'letters', 'digits', 'shouted',
  'kind', 'level', 'linkShare', 'gapBefore', 'media', 'emphasis', 'cls', 'boiler', 'stop', 'repeats',
  'credit', 'thread', 'dateLine', 'byline', 'nameLine', 'readingTime', 'hasDate', 'bracketed', 'bullet',
  'endsColon', 'endsDash', 'separators', 'endsQuestion', 'startsQuote', 'sharedTitle', 'bodyOverlap',
  'ruleHeadline', 'ruleDeck', 'ruleTag', 'ruleBody', 'score',
] as const;
const NEIGHBOUR_NAMES = ['words', 'ends', 'kind', 'cls', 'linkShare', 'gapBefore', 'dateLine', 'level', 'ruleHeadline', 'ruleBody'] as const;
const OFFSETS = [-3, -2, -1, 1, 2, 3];
const POSITION_NAMES = ['position', 'fromStart', 'fromEnd', 'fromRunStart', 'fromRunEnd', 'inRun', 'fromRuleHeadline', 'fromFirstHeading', 'blocks'] as const;

export const FEATURE_NAMES: readonly string[] = [
  ...LOCAL_NAMES,
  ...POSITION_NAMES,
  ...OFFSETS.flatMap((o) => NEIGHBOUR_NAMES.map((n) => `${n}@${o > 0 ? '+' : ''}${o}`)),
];
export const FEATURE_COUNT = FEATURE_NAMES.length;
const LOCAL = LOCAL_NAMES.length;
const NEIGHBOUR_AT = LOCAL + POSITION_NAMES.length;
const NEIGHBOUR_SOURCE = NEIGHBOUR_NAMES.map((n) => LOCAL_NAMES.indexOf(n));

const log1p = Math.log1p;

/** Share of digits (\p{N}) among the non-space characters. */
function digitShare(text: string): number {
  // ASCII text, most of it, is counted without the squeezed copy: \s is tab to CR and space
  // there, \p{N} the ten digits.
  let nonSpace = 0, digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return digitShareOf(text);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    nonSpace++;
    if (c >= 48 && c <= 57) digits++;
  }
  return nonSpace === 0 ? 0 : digits / nonSpace;
}

// As (text.match(/\p{N}/gu) ?? []).length / text.replace(/\s/g, '').length, without either copy.
const digitShareOf = (text: string): number => classShare(text, SHARE_NUMBER, false);

const BRACKETED = /\[[^\]]*\]/;
const BULLET = /^[*•+·o]\s/u;
const ENDS_COLON = /:\s*$/;
const ENDS_DASH = /[\p{Pd}|]\s*$/u;
const SEPARATOR = /\s[>›»|/]\s|[›»]/gu;
const ENDS_QUESTION = /[?!？！]["'”’»]?\s*$/u;
const STARTS_QUOTE = /^["'“‘«„]/u;

/** Block s's LOCAL_NAMES features, in that order, into out from `at`. */
function localFeatures(s: Scored, out: Float32Array, at: number, facts: { titles: ReadonlySet<string>; vocab: ReadonlySet<string>; layout: RuleLayout }): void {
  const b = s.block;
  const t = b.text;
  const i = s.index;
  const L = facts.layout;
  const toks = contentTokens(t);
  let hit = 0;
  for (const k of toks) if (facts.vocab.has(k)) hit++;
  // Written in place, no row array: this runs for every block of every dump.
  let k = at;
  out[k++] = log1p(t.length); out[k++] = log1p(s.words); out[k++] = log1p(s.weight); out[k++] = Math.min(s.sentences, 20);
  out[k++] = s.ends ? 1 : 0; out[k++] = Math.min(commaCount(t), 20);
  out[k++] = capitalShare(t) ?? NaN; out[k++] = letterShare(t); out[k++] = digitShare(t); out[k++] = isShouted(t) ? 1 : 0;
  out[k++] = KINDS.indexOf(b.kind); out[k++] = b.level; out[k++] = b.linkShare ?? NaN; out[k++] = b.gapBefore ? 1 : 0;
  out[k++] = b.flags?.media ? 1 : 0; out[k++] = b.flags?.emphasis ? 1 : 0;
  out[k++] = CLASSES.indexOf(s.cls); out[k++] = s.boiler === null ? -1 : BOILER.indexOf(s.boiler); out[k++] = s.stop ? 1 : 0; out[k++] = log1p(s.repeats);
  out[k++] = s.credit ? 1 : 0; out[k++] = s.thread ? 1 : 0; out[k++] = isDateLine(t) ? 1 : 0; out[k++] = bylineOf(t) !== null ? 1 : 0; out[k++] = isNameLine(t) ? 1 : 0;
  out[k++] = isReadingTime(t) ? 1 : 0; out[k++] = t.length <= 200 && findDate(t) !== null ? 1 : 0;
  out[k++] = BRACKETED.test(t) ? 1 : 0; out[k++] = BULLET.test(t) ? 1 : 0;
  out[k++] = ENDS_COLON.test(t) ? 1 : 0; out[k++] = ENDS_DASH.test(t) ? 1 : 0; out[k++] = Math.min(t.match(SEPARATOR)?.length ?? 0, 10);
  out[k++] = ENDS_QUESTION.test(t) ? 1 : 0; out[k++] = STARTS_QUOTE.test(t) ? 1 : 0;
  out[k++] = facts.titles.size > 0 && facts.titles.has(foldKey(t)) ? 1 : 0; out[k++] = toks.length ? hit / toks.length : NaN;
  out[k++] = i === L.headline || i === L.headlineLast ? 1 : 0; out[k++] = i === L.deck ? 1 : 0; out[k++] = i === L.tag ? 1 : 0; out[k++] = 0; out[k++] = s.score;
  if (k !== at + LOCAL) throw new Error(`features: wrote ${k - at} local features, LOCAL_NAMES has ${LOCAL}`);
}

/** The feature matrix of a dump: row-major, one row of FEATURE_COUNT per block. */
export function blockFeatures(dump: ParsedDump, layout: RuleLayout): Float32Array {
  const scored = layout.scored;
  const n = scored.length;
  const out = new Float32Array(n * FEATURE_COUNT);
  const run = layout.run;
  const facts = { titles: new Set(dump.sharedTitles), vocab: run ? (layout.runVocabulary ?? proseVocabulary(scored, run.start, run.end)) : new Set<string>(), layout };
  const inBody = new Set(layout.body);
  const ruleBodyAt = LOCAL_NAMES.indexOf('ruleBody');
  const firstHeading = scored.findIndex((s) => s.block.kind === 'heading');
  for (let i = 0; i < n; i++) {
    const at = i * FEATURE_COUNT;
    localFeatures(scored[i]!, out, at, facts);
    out[at + ruleBodyAt] = inBody.has(i) ? 1 : 0;
    const p = at + LOCAL;
    out[p] = n > 1 ? i / (n - 1) : 0;
    out[p + 1] = log1p(i);
    out[p + 2] = log1p(n - 1 - i);
    out[p + 3] = run ? Math.max(-50, Math.min(50, i - run.start)) : NaN;
    out[p + 4] = run ? Math.max(-50, Math.min(50, i - run.end)) : NaN;
    out[p + 5] = run && i >= run.start && i <= run.end ? 1 : 0;
    out[p + 6] = layout.headline === null ? NaN : Math.max(-50, Math.min(50, i - layout.headline));
    out[p + 7] = firstHeading < 0 ? NaN : Math.max(-50, Math.min(50, i - firstHeading));
    out[p + 8] = log1p(n);
  }
  // Neighbours: copied from their local features; beyond the dump's edge they are missing.
  for (let i = 0; i < n; i++) {
    const at = i * FEATURE_COUNT + NEIGHBOUR_AT;
    for (let oi = 0; oi < OFFSETS.length; oi++) {
      const j = i + OFFSETS[oi]!;
      for (let k = 0; k < NEIGHBOUR_SOURCE.length; k++) {
        out[at + oi * NEIGHBOUR_SOURCE.length + k] = j >= 0 && j < n ? out[j * FEATURE_COUNT + NEIGHBOUR_SOURCE[k]!]! : NaN;
      }
    }
  }
  return out;
}

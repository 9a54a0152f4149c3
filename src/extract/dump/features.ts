// Per-block features for the learned labeller: what a block looks like on any site (length,
// script-aware words, punctuation, case, digits and dates, Markdown and lynx/w3m syntax, the
// boilerplate phrase list), where it stands (in the dump, against the densest prose run),
// what the rule layout made of it, and the same few facts of its neighbours. Nothing here
// names a site, a host or a page.
import type { RuleLayout } from './article.js';
import type { BlockClass, Scored } from './classify.js';
import { foldKey } from './fields/page.js';
import { isShouted } from './headline.js';
import { capitalShare, commaCount, contentTokens, letterShare } from './measure.js';
import { bylineOf, findDate, isDateLine, isNameLine, isReadingTime } from './meta.js';
import type { ParsedDump } from './parsed.js';

const KINDS = ['line', 'paragraph', 'heading', 'list-item', 'quote', 'code', 'table', 'rule'];
const CLASSES: readonly BlockClass[] = ['prose', 'short', 'link', 'boiler', 'meta', 'artifact', 'rule'];
const BOILER = ['line', 'prefix', 'contains'];
const VOCAB_CHARS = 2500;

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

function share(text: string, re: RegExp): number {
  const s = text.replace(/\s/g, '');
  if (s === '') return 0;
  return (text.match(re)?.length ?? 0) / s.length;
}

function localFeatures(s: Scored, out: Float32Array, at: number, facts: { titles: ReadonlySet<string>; vocab: ReadonlySet<string>; layout: RuleLayout }): void {
  const b = s.block;
  const t = b.text;
  const i = s.index;
  const L = facts.layout;
  const cap = capitalShare(t);
  const toks = contentTokens(t);
  let hit = 0;
  for (const k of toks) if (facts.vocab.has(k)) hit++;
  const v = [
    log1p(t.length), log1p(s.words), log1p(s.weight), Math.min(s.sentences, 20), s.ends ? 1 : 0, Math.min(commaCount(t), 20),
    cap ?? NaN, letterShare(t), share(t, /\p{N}/gu), isShouted(t) ? 1 : 0,
    KINDS.indexOf(b.kind), b.level, b.linkShare ?? NaN, b.gapBefore ? 1 : 0, b.flags?.media ? 1 : 0, b.flags?.emphasis ? 1 : 0,
    CLASSES.indexOf(s.cls), s.boiler === null ? -1 : BOILER.indexOf(s.boiler), s.stop ? 1 : 0, log1p(s.repeats),
    s.credit ? 1 : 0, s.thread ? 1 : 0, isDateLine(t) ? 1 : 0, bylineOf(t) !== null ? 1 : 0, isNameLine(t) ? 1 : 0,
    isReadingTime(t) ? 1 : 0, t.length <= 200 && findDate(t) !== null ? 1 : 0,
    /\[[^\]]*\]/.test(t) ? 1 : 0, /^[*•+·o]\s/u.test(t) ? 1 : 0,
    /:\s*$/.test(t) ? 1 : 0, /[\p{Pd}|]\s*$/u.test(t) ? 1 : 0, Math.min((t.match(/\s[>›»|/]\s|[›»]/gu) ?? []).length, 10),
    /[?!？！]["'”’»]?\s*$/u.test(t) ? 1 : 0, /^["'“‘«„]/u.test(t) ? 1 : 0,
    facts.titles.has(foldKey(t)) ? 1 : 0, toks.length ? hit / toks.length : NaN,
    i === L.headline || i === L.headlineLast ? 1 : 0, i === L.deck ? 1 : 0, i === L.tag ? 1 : 0, 0, s.score,
  ];
  for (let k = 0; k < LOCAL; k++) out[at + k] = v[k]!;
}

/** The feature matrix of a dump: row-major, one row of FEATURE_COUNT per block. */
export function blockFeatures(dump: ParsedDump, layout: RuleLayout): Float32Array {
  const scored = layout.scored;
  const n = scored.length;
  const out = new Float32Array(n * FEATURE_COUNT);
  const run = layout.run;
  let text = '';
  if (run) for (let i = run.start; i <= run.end && text.length < VOCAB_CHARS; i++) if (scored[i]!.cls === 'prose') text += ' ' + scored[i]!.block.text;
  const facts = { titles: new Set(dump.sharedTitles), vocab: new Set(contentTokens(text)), layout };
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
    OFFSETS.forEach((o, oi) => {
      const j = i + o;
      for (let k = 0; k < NEIGHBOUR_SOURCE.length; k++) {
        out[at + oi * NEIGHBOUR_SOURCE.length + k] = j >= 0 && j < n ? out[j * FEATURE_COUNT + NEIGHBOUR_SOURCE[k]!]! : NaN;
      }
    });
  }
  return out;
}

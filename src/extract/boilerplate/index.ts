// The boilerplate phrase matcher: "Contact Us", "12 Comments", "Sign up for our newsletter …",
// "© 2016 … All rights reserved". The phrases are data (phrases.json, grouped by language);
// this module only knows how to compare a block of text with them. Used by the text and
// Markdown dump extractors, and free for the HTML body extractor.
import { memoShort } from '../../memo.js';
import PHRASES from './phrases.json' with { type: 'json' };

export type BoilerplateKind = 'line' | 'prefix' | 'contains';

interface PhraseGroup { line?: string[]; prefix?: string[]; contains?: string[]; stop?: string[]; section?: string[]; credit?: string[]; label?: string[]; bio?: string[] }

export interface BoilerplateMatcher {
  /** How a block matches the list, or null. Only short blocks can match (see the limits below). */
  match(text: string): BoilerplateKind | null;
  /** A heading or short line after which an article does not go on ("Comments", "Related articles"). */
  isStop(text: string): boolean;
  /** The label a section line names ("Filed to: money" → "money"), or null. */
  sectionLabel(text: string): string | null;
  /** A picture credit in a short line ("… (Photo: Reuters)"): the line is a caption. */
  hasCredit(text: string): boolean;
  /** A verb that opens an author bio after the author's name ("is", "ist", "est"). */
  isBioVerb(word: string): boolean;
}

// Size limits: a phrase list can only judge short text. A long paragraph that happens to
// start with "Read more" or mention "all rights reserved" is an article sentence.
const LINE_MAX = 80;
const PREFIX_MAX = 160;
const CONTAINS_MAX = 400;
const STOP_MAX = 160;
// A label ("Disclaimer (…):") is looked for in this much of a long block.
const LABEL_SPAN = 200;

// Leading bullets, arrows, counts and trailing counts/arrows/punctuation are not part of a
// phrase: "• Share", "Comments (19)", "19 Comments", "Read more »", "Related:".
const LEAD = /^[\s\p{P}\p{S}\d]+/u;
const TRAIL = /[\s\p{P}\p{S}\d]+$/u;
const COUNT_PAREN = /\s*[([]\s*\d[\d,.]*\s*[)\]]\s*$/u;

/** Lower-cased, NFKC, whitespace collapsed; keeps inner punctuation. */
export function phraseKey(text: string): string {
  // NFKC is costly and a no-op on ASCII, which most lines are.
  const t = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKC');
  return t.toLowerCase().replace(/\s+/g, ' ').trim();
}

// match, isStop and hasCredit are asked about the same block one after the other: its key is
// computed once.
let lastText = '', lastKey = '';
function keyOf(text: string): string {
  if (text !== lastText) { lastText = text; lastKey = phraseKey(text); }
  return lastKey;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One regular expression that finds any of the phrases (one scan instead of one per phrase). */
const anyOf = (phrases: readonly string[]): RegExp | null => phrases.length ? new RegExp(phrases.map(escapeRe).join('|')) : null;

/** lineKey of text that is already a phraseKey. */
function lineKeyOf(key: string): string {
  // A count in brackets ends the key: only then is the (end-anchored, costly) pattern tried.
  const k = /[)\]]\s*$/.test(key) ? key.replace(COUNT_PAREN, '') : key;
  return k.replace(LEAD, '').replace(TRAIL, '');
}

/** The key a whole-line phrase is compared on: no bullets, counts or end punctuation. */
export function lineKey(text: string): string {
  return lineKeyOf(text.length > LINE_MAX * 2 ? phraseKey(text.slice(0, LINE_MAX * 2)) : keyOf(text));
}

class Matcher implements BoilerplateMatcher {
  private readonly lines = new Set<string>();
  private readonly stops = new Set<string>();
  // First words of the stop phrases: a line starting otherwise is no stop.
  private readonly stopHeads = new Set<string>();
  // Prefixes indexed by their first character: a block is only compared with the few that can match.
  private readonly prefixes = new Map<string, string[]>();
  private readonly contains: string[] = [];
  private containsRe: RegExp | null = null;
  private readonly labels: string[] = [];
  private labelRe: RegExp | null = null;
  private creditRe: RegExp | null = null;
  private readonly sections: string[] = [];
  private readonly credits: string[] = [];
  private readonly bioVerbs = new Set<string>();

  constructor(groups: PhraseGroup[], extra: readonly string[]) {
    for (const g of groups) {
      for (const p of g.line ?? []) this.lines.add(lineKey(p));
      for (const p of g.stop ?? []) {
        const k = lineKey(p);
        this.stops.add(k);
        this.stopHeads.add(k.split(' ', 1)[0]!);
      }
      for (const p of g.prefix ?? []) this.addPrefix(phraseKey(p));
      for (const p of g.contains ?? []) this.contains.push(phraseKey(p));
      for (const p of g.section ?? []) this.sections.push(phraseKey(p));
      for (const p of g.credit ?? []) this.credits.push(phraseKey(p));
      for (const p of g.bio ?? []) this.bioVerbs.add(phraseKey(p));
      for (const p of g.label ?? []) this.labels.push(phraseKey(p));
    }
    // Longest first, so "filed to:" wins over "filed to".
    this.sections.sort((a, b) => b.length - a.length);
    this.containsRe = anyOf(this.contains);
    this.creditRe = anyOf(this.credits);
    // "Disclaimer: …", "Disclosure (varies by section): …".
    if (this.labels.length) this.labelRe = new RegExp(`^(?:${this.labels.map(escapeRe).join('|')})\\s*(?:\\([^)]{0,120}\\))?\\s*[:：]`);
    // User phrases are whole-line phrases; a trailing "*" makes one a prefix ("Read more at*").
    for (const p of extra) {
      const k = phraseKey(p);
      if (k.endsWith('*') && k.length > 1) this.addPrefix(k.slice(0, -1));
      else if (k !== '') this.lines.add(lineKey(k));
    }
  }

  private addPrefix(p: string): void {
    const k = p.charAt(0);
    const list = this.prefixes.get(k);
    if (list) list.push(p); else this.prefixes.set(k, [p]);
  }

  private startsWithPrefix(key: string): boolean {
    for (const p of this.prefixes.get(key.charAt(0)) ?? []) if (key.startsWith(p)) return true;
    return false;
  }

  // The classifier, the tag and tail finders ask about the same lines: answers remembered
  // (bounded, emptied when full).
  private readonly matched = new Map<string, BoilerplateKind | null>();

  match(text: string): BoilerplateKind | null {
    let v = this.matched.get(text);
    if (v === undefined) {
      if (this.matched.size >= 4096) this.matched.clear();
      v = this.matchOf(text);
      this.matched.set(text, v);
    }
    return v;
  }

  private matchOf(text: string): BoilerplateKind | null {
    // Too long for the phrase list — unless a label says what the block is: a site's
    // "Disclaimer (…): …" paragraph. (A short "Disclaimer: if you see …" is the article's.)
    if (text.length > CONTAINS_MAX) return this.labelRe?.test(phraseKey(text.slice(0, LABEL_SPAN)).replace(LEAD, '')) ? 'prefix' : null;
    const key = keyOf(text);
    if (key.length <= LINE_MAX) {
      const lk = lineKeyOf(key);
      if (lk !== '' && this.lines.has(lk)) return 'line';
    }
    if (key.length <= PREFIX_MAX) {
      const bare = key.replace(LEAD, '');
      if (this.startsWithPrefix(key) || (bare !== key && this.startsWithPrefix(bare))) return 'prefix';
    }
    if (this.containsRe?.test(key)) return 'contains';
    return null;
  }

  sectionLabel(text: string): string | null {
    if (text.length > LINE_MAX) return null;
    const key = phraseKey(text).replace(LEAD, '');
    for (const p of this.sections) {
      if (!key.startsWith(p)) continue;
      // Same length in the original text: phraseKey only lower-cases and collapses spaces.
      const raw = text.normalize('NFKC').replace(/\s+/g, ' ').trim().replace(LEAD, '');
      const label = raw.slice(p.length).replace(/^[\s:：]+/u, '').trim();
      return label !== '' && label.split(/\s+/).length <= 5 ? label : null;
    }
    return null;
  }

  // The classifier, the tag and caption finders ask isStop and hasCredit about the same short
  // lines, which recur across a site's pages: remembered (bounded, emptied when full).
  private readonly credited = memoShort((text: string) => this.hasCreditOf(text), PREFIX_MAX * 2, false);
  private readonly stopped = memoShort((text: string) => this.isStopOf(text), STOP_MAX, false);

  hasCredit(text: string): boolean {
    return this.credited(text);
  }

  private hasCreditOf(text: string): boolean {
    if (text.length > PREFIX_MAX * 2) return false;
    const key = keyOf(text);
    // Most lines hold none of the credit words anywhere: one scan says so.
    if (!this.creditRe?.test(key)) return false;
    for (const c of this.credits) {
      let at = key.indexOf(c);
      while (at >= 0) {
        // Whole words only: "afp" in a credit, not in "dafp"; "getty" not in "gettysburg".
        const before = at === 0 ? '' : key[at - 1]!;
        const after = key[at + c.length] ?? '';
        // A multi-word credit opening the line may be glued to what follows ("Media captionDrone").
        const glued = at === 0 && c.includes(' ');
        if (!/[\p{L}\p{N}]/u.test(before) && (glued || !/[\p{L}\p{N}]/u.test(after) || /[\p{P}]$/u.test(c))) return true;
        at = key.indexOf(c, at + 1);
      }
    }
    return false;
  }

  isBioVerb(word: string): boolean {
    return this.bioVerbs.has(word.toLowerCase());
  }

  isStop(text: string): boolean {
    return this.stopped(text);
  }

  private isStopOf(text: string): boolean {
    // A key of printed data or code ('"Comment": {') is no heading.
    if (text.length > STOP_MAX || /[{}[\]<>=;]/.test(text)) return false;
    const lk = lineKey(text);
    if (lk === '') return false;
    const sp = lk.indexOf(' ');
    if (!this.stopHeads.has(sp < 0 ? lk : lk.slice(0, sp))) return false;
    if (this.stops.has(lk)) return true;
    // "19 Responses to “The Loneliest Woman…”", "Related articles about X": a stop phrase
    // followed by more words, up to a short heading's length.
    // Headings do not end with a full stop: "Responses take the first argument." is prose.
    if (/[.。]$/.test(text.trim())) return false;
    const words = lk.split(' ');
    // The words after the phrase may be a whole article title ("… to “The Loneliest Woman…”").
    // "Lire aussi : <title>" / "Related: <title>" is a link inside the article, not its end.
    for (let n = Math.min(words.length - 1, 4); n >= 1; n--) {
      if (!this.stops.has(words.slice(0, n).join(' '))) continue;
      const after = phraseKey(text).replace(LEAD, '').split(' ').slice(n).join(' ');
      return words.length <= 25 && !/^[:：]/.test(after) && !/[:：]$/.test(words[n - 1]!);
    }
    return false;
  }
}

const BUILT_IN: PhraseGroup[] = Object.entries(PHRASES as Record<string, unknown>)
  .filter(([k, v]) => !k.startsWith('_') && typeof v === 'object' && v !== null)
  .map(([, v]) => v as PhraseGroup);

let defaultMatcher: Matcher | undefined;
// One matcher per user phrase list, so a batch of 100k files builds it once.
const byRules = new WeakMap<readonly string[], Matcher>();

/** The built-in phrase list plus the user's `rules.boilerplate` phrases. */
export function boilerplateMatcher(extra?: readonly string[]): BoilerplateMatcher {
  if (!extra || extra.length === 0) return (defaultMatcher ??= new Matcher(BUILT_IN, []));
  let m = byRules.get(extra);
  if (!m) byRules.set(extra, (m = new Matcher(BUILT_IN, extra)));
  return m;
}

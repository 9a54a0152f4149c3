// Text normalization shared by every format: the same characters in, the same bytes out, so
// content hashes stay stable across re-runs and formats.
import { decodeHTML } from 'entities';

// Invisible characters that only ever get in the way of matching and counting. ZWJ/ZWNJ are not
// here: they carry meaning in Persian, Indic scripts and emoji sequences.
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff\u180e\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// C0/C1 controls except tab and newlines; they come from broken encodings and terminal dumps.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// Printable ASCII and tab/newline/CR: no invisible or control character to remove, and NFC leaves
// it as it is. Most lines of most pages are this, and skipping the two replaces and the NFC pass
// for them halves normalizeInline's cost.
const NOT_PLAIN = /[^\t\n\r\x20-\x7e]/;

/** Decode HTML entities left in text that did not come through an HTML parser. */
export function decodeEntities(s: string): string {
  return s.includes('&') ? decodeHTML(s) : s;
}

/** Invisible and control characters removed, then NFC; keeps newlines. */
export function cleanChars(s: string): string {
  // NFC last: a removed character can stand between a letter and its combining mark
  // ("e", U+200B, U+0301), and composing first would leave "e\u0301" for the next run to turn
  // into "é" — a second normalization would change the text, and with it the content hash.
  return s.replace(INVISIBLE, '').replace(CONTROL, '').normalize('NFC');
}

// Whitespace that collapsing and trimming would change: any but a plain space, two in a row, or
// one at either end. Text normalized once (a block, then the body it joins) has none, and skips
// the copy a replace makes.
const LOOSE_SPACE = /[^\S ]| {2}|^ | $/;

/** One line of text: characters cleaned, all whitespace (newlines included) collapsed to one space. */
export function normalizeInline(s: string | null | undefined): string {
  if (s == null) return '';
  const clean = NOT_PLAIN.test(s) ? cleanChars(s) : s;
  // \s covers NBSP and every typographic space (U+1680, U+2000–U+200A, U+202F, U+205F, U+3000),
  // so one pass collapses them all.
  return LOOSE_SPACE.test(clean) ? clean.replace(/\s+/g, ' ').trim() : clean;
}

// The no-break spaces: a writer puts one between words that must stay together ("10\u00a0km",
// "M.\u00a0Dupont", a French space before "?"), and readers of the body want it as the page had it.
const NO_BREAK = /[\u00a0\u2007\u202f]/;
const NO_BREAK_ALL = /[\u00a0\u2007\u202f]/g;

/**
 * One body paragraph: like normalizeInline, but a no-break space standing alone between two words
 * stays; any other run of whitespace (a no-break space beside a plain one included) becomes one space.
 */
export function normalizeParagraph(s: string | null | undefined): string {
  if (s == null) return '';
  const clean = NOT_PLAIN.test(s) ? cleanChars(s) : s;
  return collapseKeepingNoBreak(clean) ?? (LOOSE_SPACE.test(clean) ? clean.replace(/\s+/g, ' ').trim() : clean);
}

/** A run of whitespace as one space, unless it is a lone no-break space: `text.replace(/\s+/g, spaceRun)`. */
export const spaceRun = (run: string): string => (run.length === 1 && NO_BREAK.test(run) ? run : ' ');

/**
 * `s.replace(/\s+/g, ' ').trim()` with a lone no-break space kept — the same length, the same
 * characters elsewhere; null when `s` has no no-break space, and the plain collapse is the answer.
 */
export function collapseKeepingNoBreak(s: string): string | null {
  return NO_BREAK.test(s) ? s.replace(/\s+/g, spaceRun).trim() : null;
}

export const hasNoBreakSpace = (s: string): boolean => NO_BREAK.test(s);

/** Every no-break space as a plain one: the form content hashes are taken of (see hash.ts). */
export function foldNoBreakSpaces(s: string): string {
  return NO_BREAK.test(s) ? s.replace(NO_BREAK_ALL, ' ') : s;
}

/** Like normalizeInline but null when nothing is left, for optional fields. */
export function normalizeField(s: string | null | undefined): string | null {
  const v = normalizeInline(s);
  return v === '' ? null : v;
}

/**
 * Paragraphs → body text: each block normalized as a paragraph, empty ones dropped, consecutive exact
 * duplicates dropped (dumps often repeat a line), joined by exactly one blank line.
 */
export function joinParagraphs(blocks: readonly string[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    const p = normalizeParagraph(b);
    // A repeat is a repeat however its spaces were encoded (as content_hash sees it).
    const last = out[out.length - 1];
    // Folding keeps the length: only same-length neighbours are compared folded.
    const repeat = last !== undefined && (last === p || (last.length === p.length && foldNoBreakSpaces(last) === foldNoBreakSpaces(p)));
    if (p !== '' && !repeat) out.push(p);
  }
  return out.join('\n\n');
}

/** Split normalized body text back into its paragraphs. */
export function splitParagraphs(body: string): string[] {
  return body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
}

// A word broken at a line end: "inter-" + "national". Only a lower-case continuation can be a
// hyphenated break; "Austria-" + "Hungary" is a compound whose hyphen stays.
const BROKEN = /(\p{L}+)-$/u;
const CONTINUES = /^(\p{Ll}+)/u;

/**
 * Join hard-wrapped lines of one paragraph. A line-end hyphen is removed only when the same
 * text elsewhere spells the word without it ("inter-" + "national" and "international" seen);
 * otherwise the hyphen stays ("well-" + "known" → "well-known"): we never invent a word.
 * `vocabulary` is the set of lower-cased words of the whole document.
 */
export function joinWrappedLines(lines: readonly string[], vocabulary?: ReadonlySet<string>): string {
  const parts: string[] = [];
  // The broken word is looked for in the previous line, never in the text joined so far: that
  // grows with every line, and a paragraph of many thousand lines would cost quadratic time.
  let prev = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    // The tail is enough (no word is longer) and keeps the regex off megabyte-long lines.
    const left = prev.endsWith('-') ? BROKEN.exec(prev.slice(-100)) : null;
    if (parts.length === 0) {
      parts.push(line);
    } else if (left && /^\p{L}/u.test(line)) {
      // A word broken across lines: never a space inside it; drop the hyphen only with evidence.
      const right = CONTINUES.exec(line);
      const joined = right ? (left[1]! + right[1]!).toLowerCase() : '';
      if (right && vocabulary?.has(joined)) parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
      parts.push(line);
    } else {
      parts.push(' ', line);
    }
    prev = line;
  }
  return parts.join('');
}

/** Lower-cased words of a text, for joinWrappedLines' evidence. */
export function vocabularyOf(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
}

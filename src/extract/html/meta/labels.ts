// Short visible labels (kickers, breadcrumb items, categories): cleaning them and telling them
// from dates, bylines, flags ("Updated", "Exclusive") and interface words ("Share", "Menu").
import { toIsoDate } from '../../../normalize/date.js';
import { boilerplateMatcher } from '../../boilerplate/index.js';
import PHRASES from './phrases.json' with { type: 'json' };
import { fold, sameText, wordLength } from './compare.js';
import { isSiteName } from './site-name.js';

const boilerplate = boilerplateMatcher();
const set = (list: string[]) => new Set(list.map((s) => fold(s)));
const FLAGS = set(PHRASES.flags);
const HOME = set(PHRASES.homeCrumbs);
const CURRENT = set(PHRASES.currentCrumbs);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// "Category: Politics" (any prefix, colon required), "Filed under Politics" (multi-word prefixes
// read as labels without a colon too).
const PREFIX_COLON = new RegExp(`^(?:${PHRASES.labelPrefixes.map(escape).join('|')})\\s*[:：]\\s*`, 'iu');
const PREFIX_PHRASE = new RegExp(`^(?:${PHRASES.labelPrefixes.filter((p) => p.includes(' ')).map(escape).join('|')})\\s+`, 'iu');
const BY = new RegExp(`^(?:${PHRASES.bylinePrefixes.map(escape).join('|')})(?:\\s*[:：]|\\s)\\s*\\S`, 'iu');
/** The "By" of a byline, for cutting it off ("By Ann Lee" → "Ann Lee"). */
export const BYLINE_PREFIX = new RegExp(`^(?:${PHRASES.bylinePrefixes.map(escape).join('|')})\\s*[:：\\-–—]?\\s+`, 'iu');

/** Separators between labels on one line ("Business · Updated", "Biz & IT —"). */
export const LABEL_SEPARATOR = /\s*(?:[|•·▸►»›>→/]|\s[-–—]\s)\s*/u;
const EDGE = /^[\s|•·▸►»›>→/:\-–—,]+|[\s|•·▸►»›>→/:\-–—,]+$/gu;

/** A label without its "Category:" prefix and edge separators. */
export function cleanLabel(text: string): string {
  return text.replace(EDGE, '').replace(PREFIX_COLON, '').replace(PREFIX_PHRASE, '').replace(EDGE, '').trim();
}

/** A date or time stamp, including the ones we cannot read into a date ("Dec 28 Sat 2013 00:28"). */
/** The text opens with a label word ("Category:", "Filed under", "From the section"). */
export const hasLabelPrefix = (text: string): boolean => {
  const t = text.replace(EDGE, '');
  return PREFIX_COLON.test(t) || PREFIX_PHRASE.test(t);
};

export const isDateText = (t: string): boolean =>
  // toIsoDate finds a date anywhere in a string: a date line has few other words, or opens
  // with the date before a separator ("February 4, 2020 • words by …").
  (wordLength(t) <= 8 && toIsoDate(t) !== null) || dateOpens(t) || /^(?:\d{1,4}[./-]){1,2}\d{1,4}(?:\s|$)/.test(t) || /\b\d{1,2}:\d{2}\b/.test(t)
  || (/\b(?:19|20)\d{2}\b/.test(t) && /\d\D+\d/.test(t) && /^[^\p{L}]*(?:\p{L}+[^\p{L}]+){0,4}\p{L}*[^\p{L}]*$/u.test(t));

export const isFlag = (t: string): boolean => FLAGS.has(fold(t));
export const isHomeCrumb = (t: string): boolean => HOME.has(fold(t));
export const isCurrentCrumb = (t: string): boolean => CURRENT.has(fold(t));
export const isBylineText = (t: string): boolean => BY.test(t.trim());
export const isBoilerplate = (t: string): boolean => boilerplate.match(t) !== null;

function dateOpens(t: string): boolean {
  const first = t.split(/\s+[•·|]\s+|\s+[-–—]\s+/u)[0]!;
  return first !== t && wordLength(first) <= 6 && toIsoDate(first) !== null;
}

/**
 * Reads as a section label: one to six words, no sentence end, not a date, a flag, an
 * interface word, a byline, the site's name or the headline.
 */
export function isLabelText(t: string, sites: readonly string[], headline: string | null): boolean {
  const w = wordLength(t);
  if (w < 0.5 || w > 6 || t.length > 48) return false;
  if (!/\p{L}/u.test(t)) return false;
  // One Latin letter is an index entry ("A"), not a section; CJK words are one character long.
  if (t.length < 2 && !/[^\u0000-\u024f]/u.test(t)) return false;
  // Prices, arrows and stray brackets belong to promos, buttons and photo credits.
  if (/[$€£¥₹]|^[\p{S}\p{P}]/u.test(t) || unbalanced(t)) return false;
  if (/[.!?。！？…]$/u.test(t) && !/\b[A-Z]\.$/.test(t)) return false;
  if (/^["'“”‘’«»„]/u.test(t)) return false;
  if (isDateText(t) || isFlag(t) || isBoilerplate(t) || isBylineText(t)) return false;
  if (isSiteName(t, sites) || (headline && sameText(t, headline))) return false;
  return true;
}

/**
 * The label part of a short line that carries a label and flags or dates around it
 * ("Business · Updated", "01-09-17 · work smart"): the first part that reads as a label.
 */
export function labelOf(line: string, sites: readonly string[], headline: string | null): string | null {
  // A label line is short; a long line with slashes is a photo credit or a sentence.
  if (line.length > 64) return null;
  const parts = line.split(LABEL_SEPARATOR).map(cleanLabel).filter((p) => p !== '');
  if (parts.length < 2) {
    const whole = cleanLabel(line);
    return isLabelText(whole, sites, headline) ? whole : null;
  }
  if (parts.length > 4) return null;
  const labels = parts.filter((p) => isLabelText(p, sites, headline));
  // One label among dates and flags; several labels are a list, not one label.
  return labels.length === 1 ? labels[0]! : null;
}

/** A bracket opened and not closed, or closed and not opened ("Kevork Djansezian)"). */
function unbalanced(t: string): boolean {
  const open = (t.match(/[([{]/g) ?? []).length, close = (t.match(/[)\]}]/g) ?? []).length;
  return open !== close;
}

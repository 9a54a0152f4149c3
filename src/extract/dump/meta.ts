// Recognisers for the metadata lines that sit around a headline in a dump: dates, bylines,
// reading times. They decide what a line *is*; ./article.ts decides which one to keep.
import { toIsoDate } from '../../normalize/date.js';
import { memoShort } from '../../memo.js';
import { memoByText, wordCountOf } from './measure.js';

// A date must look like one before the (lenient) date reader is asked: a month word next to
// a day and a four-digit year, a numeric d/m/y, an ISO date, or a CJK 年月日 date.
const DATE_SHAPES: RegExp[] = [
  /\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}/u, // Feb. 23, 2015 · December 15th 2016
  /\d{1,2}(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?\p{L}{3,}\.?,?\s+(?:de\s+)?\d{4}/u, // 27 Jul 2017 · 1 de marzo de 2019
  /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/, // 2016-02-01
  /\b\d{1,2}[./-]\d{1,2}[./-]\d{4}\b/, // 08.04.2015 · 2/26/2015
  /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/, // 2015年4月8日
];
// toIsoDate builds its regular expressions on every call; dates repeat across a page and a
// batch, so remember the answers (bounded, cleared when full).
const isoCache = new Map<string, string | null>();
function iso(s: string): string | null {
  let v = isoCache.get(s);
  if (v === undefined) {
    if (isoCache.size > 5000) isoCache.clear();
    v = toIsoDate(s);
    isoCache.set(s, v);
  }
  return v;
}

const TIME_AFTER = /^[\s,:|·•–—-]*(?:at|à|um|a las|alle|às|om|в)?\s*\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b|[+-]\d{2}:?\d{2})?/iu;

// A line is asked for its date several times over (dateline, metadata line, header zone, the
// labeller's features): remembered per text. Longer text holds no date line; each of these
// recognisers answers long text without its memo (memoShort), so a paragraph is not hashed and
// kept in five caches only to be told "no".
const DATE_MAX = 200;
/** The date written in a short line ("February 1, 2016: 12:41 PM ET"), as found; else null. */
export const findDate: (text: string) => string | null = memoShort(dateIn, DATE_MAX, null);

function dateIn(text: string): string | null {
  // Every date shape has a digit run of at least one; most lines have none.
  if (text.length > DATE_MAX || !/\d/.test(text)) return null;
  for (const re of DATE_SHAPES) {
    const m = re.exec(text);
    if (!m) continue;
    const date = m[0];
    if (iso(date) === null) continue;
    // Keep a time written right after the date: it makes `published` precise.
    const t = TIME_AFTER.exec(text.slice(m.index + date.length));
    if (t && t[0].trim() !== '') {
      const withTime = (date + t[0]).trim();
      if (iso(withTime) !== null) return withTime;
    }
    return date;
  }
  return null;
}

// Words that may surround a date on a dateline without making it prose.
const DATE_LINE_WORDS = /^(?:published|posted|updated|last updated|modified|date|on|am|le|el|il|em|op|den|vom|del|de|du|le|à|at|um|a las|mis à jour|publié|publicado|actualizado|aktualisiert|veröffentlicht|pubblicato|aggiornato|gepubliceerd|bijgewerkt|opublikowano|обновлено|опубликовано|yayınlanma|güncelleme|first published|originally published|[ap]\.?m\.?|[A-Z]{2,4}|utc|gmt|et|pt|ct|mez|cet|cest)$/iu;

const DATE_LINE_MAX = 90;
/**
 * A line that is only a date (with a weekday, time, "Published", "Updated" around it): a
 * dateline, never body text.
 */
export const isDateLine: (text: string) => boolean = memoShort(isDateLineOf, DATE_LINE_MAX, false);

function isDateLineOf(text: string): boolean {
  if (text.length > DATE_LINE_MAX) return false;
  const d = findDate(text);
  if (d === null) return /^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?$/i.test(text.trim());
  const rest = text.replace(d, ' ').replace(/[\d:.,|·•/()–—-]+/g, ' ').trim();
  if (rest === '') return true;
  const words = rest.split(/\s+/);
  // Weekdays and date-label words are allowed; up to two other words ("Sunday", "Mis à jour").
  return words.filter((w) => !DATE_LINE_WORDS.test(w)).length <= 2;
}

// "By Jane Doe", "Von Max Muster", "Par …", "Por …", "Di …", "Door …", "Av …", "Автор: …".
const BYLINE_LEAD = /^(?:written\s+by|posted\s+by|story\s+by|words\s+by|reported\s+by|text\s+by|by|von|par|por|di|door|av|af|przez|autor(?:in)?|author|auteur|autore|yazar|автор|от|作者|文|記者)\s*[:：]?\s+/iu;
// Name-like words: capitalised words and initials, name particles, connectors, CJK names.
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}]+)$/u;
const NAME_GLUE = new Set(['de', 'da', 'del', 'der', 'den', 'van', 'von', 'la', 'le', 'di', 'du', 'bin', 'al', 'and', 'und', 'et', 'y', 'e', 'i', 'и', '&']);

export function looksLikeNames(text: string): boolean {
  const words = text.replace(/,/g, ' ').split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 12) return false;
  return words.every((w) => NAME_WORD.test(w) || NAME_GLUE.has(w.toLowerCase())) && NAME_WORD.test(words[0]!);
}

const NAME_LINE_MAX = 40;
/** A line that is just a person's name ("Will Knight"), as header zones print the author. */
export const isNameLine: (text: string) => boolean = memoShort(isNameLineOf, NAME_LINE_MAX, false);

function isNameLineOf(text: string): boolean {
  if (text.length > NAME_LINE_MAX) return false;
  const n = text.split(/\s+/).length;
  return n >= 2 && n <= 3 && looksLikeNames(text);
}

const BYLINE_MAX = 160;
/** The name(s) in a byline line ("By Ahiza Garcia @ahiza_garcia February 1, 2016"), or null. */
export const bylineOf: (text: string) => string | null = memoShort(bylineIn, BYLINE_MAX, null);

function bylineIn(text: string): string | null {
  if (text.length > BYLINE_MAX) return null;
  const lead = BYLINE_LEAD.exec(text);
  if (!lead) return null;
  let rest = text.slice(lead[0].length);
  // Cut at what follows the names: a date, a separator, a handle, a role after a comma.
  const d = findDate(rest);
  if (d) rest = rest.slice(0, rest.indexOf(d));
  rest = rest.split(/\s[|·•–—]\s|\s@|\s{2,}|\bon\s+\p{Lu}\p{Ll}+day\b|\bupdated\b/iu)[0]!.trim().replace(/[\s,;:|–—-]+$/u, '');
  if (rest === '' || rest.length > 100) return null;
  return looksLikeNames(rest) ? rest : null;
}

const READING_TIME_MAX = 60;
/** "5 min read", "Lesezeit: 3 Minuten", "885 words": reading-time and length lines. */
export const isReadingTime: (text: string) => boolean = memoShort(isReadingTimeOf, READING_TIME_MAX - 1, false);

function isReadingTimeOf(text: string): boolean {
  return text.length < READING_TIME_MAX && /\d|time|zeit|temps|tiempo|tempo|leestijd|время/i.test(text) && /\b\d+\s*(?:-|–)?\s*(?:min(?:ute)?s?\.?(?:\s+(?:read|de lecture|lesezeit|di lettura|de leitura|leestijd))?|words|wörter|mots|palabras|parole|palavras)\b|\b(?:reading time|lesezeit|temps de lecture|tiempo de lectura|tempo di lettura|tempo de leitura|leestijd|время чтения)\b/iu.test(text);
}

// A line that carries the article's date together with its author or section, joined by
// the separators datelines use: "Tuesday 15 October 2019 by Jane Doe", "Le Monde | 04.05.2015
// à 13h36 | Par …", "Written by X on 1 June 2019 at 08:34 PM".
const DATELINE_JOIN = /\b(?:by|von|par|por|di|door|av|af|przez)\b|[|•·]|\bon\s+\p{Lu}|\bupdated\b/iu;

const TIME_STAMP = /\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?/iu;
// A clock time opening a short line: a live ticker's entry ("14:44 Accusations de viols …"),
// a comment's or a video's time stamp.
const CLOCK_LEAD = /^\d{1,2}[:h]\d{2}(?![\d:/])(?:\s*[ap]\.?m\.?)?(?:\s|$)/iu;

/** A short line that starts with a clock time (ticker entries, time stamps). */
export function startsWithClock(text: string): boolean {
  return text.length <= 160 && CLOCK_LEAD.test(text);
}

/**
 * isMetaLine with the words counted as the classifier counts them (wordCountOf), remembered per
 * text: the short lines it is asked about recur across a site's pages.
 */
export const isMetaText: (text: string) => boolean = memoByText((text) => isMetaLine(text, wordCountOf(text)));

/** A dateline or byline line of any of the usual shapes (short, never a sentence of prose). */
export function isMetaLine(text: string, words: number): boolean {
  if (text.length > 160) return false;
  if (startsWithClock(text)) return true;
  // A comment's or post's stamp without a year: "JanBeek Jun 20th at 2:41 am".
  if (words <= 12 && /\d:\d\d/.test(text) && TIME_STAMP.test(text) && !/[.!?]["'”’]?$/.test(text)) return true;
  if (isDateLine(text) || isReadingTime(text)) return true;
  if (BYLINE_LEAD.test(text) && words <= 16 && !/[.!?]["'”’]?$/.test(text)) return true;
  if (bylineOf(text) !== null) return true;
  return findDate(text) !== null && (words <= 8 || DATELINE_JOIN.test(text)) && !/[.!?]["'”’]?$/.test(text.replace(/\b(?:[ap]\.m|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|Nr)\.$/i, ''));
}

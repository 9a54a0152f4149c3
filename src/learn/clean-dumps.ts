// Clean seed-shaped dumps for tests and evaluation (issue 7, "clean seed-shaped dumps" targets).
//
// The seed is a plain copy of an article page: an optional tag line, the headline, an optional
// deck, byline/date lines, the body paragraphs and a little boilerplate below. Real copies vary in
// everything around the article text, so this module takes known article fields (headline, body,
// deck, tag) and prints them in many such layouts, deterministically from a seed, with the exact
// truth of every dump. Pure: no I/O, no clock; the same (sources, count, seed) give the same dumps.

import { seededRandom } from './random.js';

export interface CleanSource {
  id: string;
  headline: string;
  /** Paragraphs separated by blank lines. */
  body: string;
  deck?: string | null;
  tag?: string | null;
}

export interface CleanDump {
  /** `<source id>~<index>`: unique within one call. */
  id: string;
  text: string;
  /** What a reader sees on the page: the fields exactly as printed in `text` (body paragraphs joined by a blank line). */
  truth: { headline: string; deck: string | null; tag: string | null; body: string; byline: string | null };
}

export { seededRandom };

type Rnd = () => number;
const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rnd, p: number): boolean => r() < p;
const int = (r: Rnd, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
function shuffle<T>(r: Rnd, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [xs[i], xs[j]] = [xs[j]!, xs[i]!]; }
  return xs;
}

// ------------------------------------------------------------------ names and dates

const FIRST = ['Jane', 'John', 'Maria', 'Ahmed', 'Li', 'Sofia', 'Daniel', 'Priya', 'Lukas', 'Chloé', 'Mateo', 'Hannah', 'Kwame', 'Ingrid', 'José', 'Olivia'];
const LAST = ['Doe', 'Roe', 'Keller', 'Okafor', 'Nguyen', 'García', 'Schmidt', 'Dubois', 'Patel', 'Rossi', 'Johansson', "O'Brien", 'Kowalski', 'Tanaka', 'Müller', 'Fernández'];
const AGENCIES = ['Reuters', 'AP', 'AFP', 'dpa', 'Associated Press', 'Staff'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DE_MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const ES_MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface When { y: number; mo: number; d: number; h: number; mi: number; wd: number }

function when(r: Rnd): When {
  const y = int(r, 2004, 2026), mo = int(r, 0, 11), d = int(r, 1, 28);
  return { y, mo, d, h: int(r, 0, 23), mi: int(r, 0, 59), wd: new Date(Date.UTC(y, mo, d)).getUTCDay() };
}
const p2 = (n: number): string => String(n).padStart(2, '0');
const h12 = (w: When): string => `${w.h % 12 === 0 ? 12 : w.h % 12}:${p2(w.mi)}`;
const ampm = (w: When, lower = false): string => (w.h < 12 ? (lower ? 'am' : 'AM') : (lower ? 'pm' : 'PM'));
const later = (w: When): When => ({ ...w, d: Math.min(28, w.d + 1), h: (w.h + 3) % 24 });

/** Date/time lines as news sites print them, in four languages. */
const DATE_LINES: ((r: Rnd, w: When) => string)[] = [
  (r, w) => `Posted: ${w.mo + 1}/${w.d}/${w.y} ${h12(w)} ${ampm(w)} ${pick(r, ['EST', 'EDT', 'PST', 'CT', 'ET'])}`,
  (_, w) => { const u = later(w); return `Published ${EN_MONTHS[w.mo]} ${w.d}, ${w.y} • Updated on ${EN_MONTHS[u.mo]} ${u.d}, ${u.y} at ${h12(u)} ${ampm(u, true)}`; },
  (_, w) => `${EN_MONTHS[w.mo]} ${w.d}, ${w.y}`,
  (_, w) => `${EN_MONTHS[w.mo]!.slice(0, 3)} ${w.d}, ${w.y}, ${h12(w)} ${ampm(w, true)}`,
  (_, w) => `Updated ${h12(w)} ${ampm(w)} ET, ${EN_DAYS[w.wd]!.slice(0, 3)} ${EN_MONTHS[w.mo]} ${w.d}, ${w.y}`,
  (_, w) => `${EN_DAYS[w.wd]} ${w.d} ${EN_MONTHS[w.mo]} ${w.y} ${p2(w.h)}.${p2(w.mi)} GMT`,
  (_, w) => `${w.y}-${p2(w.mo + 1)}-${p2(w.d)}`,
  (_, w) => `${w.y}-${p2(w.mo + 1)}-${p2(w.d)}T${p2(w.h)}:${p2(w.mi)}:00Z`,
  (_, w) => `Published: ${w.y}-${p2(w.mo + 1)}-${p2(w.d)} ${p2(w.h)}:${p2(w.mi)}`,
  (_, w) => `${p2(w.d)}.${p2(w.mo + 1)}.${w.y}, ${p2(w.h)}:${p2(w.mi)} Uhr`,
  (_, w) => `Veröffentlicht am ${w.d}. ${DE_MONTHS[w.mo]} ${w.y}, ${p2(w.h)}:${p2(w.mi)} Uhr`,
  (_, w) => `Stand: ${p2(w.d)}.${p2(w.mo + 1)}.${w.y} ${p2(w.h)}:${p2(w.mi)} Uhr`,
  (_, w) => `Publié le ${w.d} ${FR_MONTHS[w.mo]} ${w.y} à ${p2(w.h)}h${p2(w.mi)}`,
  (_, w) => { const u = later(w); return `Publié le ${p2(w.d)}/${p2(w.mo + 1)}/${w.y} à ${p2(w.h)}h${p2(w.mi)}, mis à jour le ${p2(u.d)}/${p2(u.mo + 1)}/${u.y}`; },
  (_, w) => `Publicado el ${w.d} de ${ES_MONTHS[w.mo]} de ${w.y}, ${p2(w.h)}:${p2(w.mi)}`,
  (_, w) => `Actualizado: ${p2(w.d)}/${p2(w.mo + 1)}/${w.y} ${p2(w.h)}:${p2(w.mi)} h`,
];

const READ_LINES = ['5 min read', '3 min read', '12 min read', 'Lesezeit: 4 Min.', 'Temps de lecture : 3 min', 'Lectura: 6 min'];

function person(r: Rnd): string {
  return `${pick(r, FIRST)} ${pick(r, LAST)}`;
}

/** One byline: the printed line and the name(s) a reader takes from it. */
function byline(r: Rnd): { line: string; names: string } {
  const a = person(r);
  const names = chance(r, 0.3) ? `${a} and ${person(r)}` : a;
  const form = int(r, 0, 5);
  if (form === 0) return { line: `By ${names}`, names };
  if (form === 1) return { line: `By ${names} | ${pick(r, AGENCIES)}`, names };
  if (form === 2) return { line: `BY ${names.toUpperCase()}`, names: names.toUpperCase() };
  if (form === 3) return { line: `Von ${names.replace(' and ', ' und ')}`, names: names.replace(' and ', ' und ') };
  if (form === 4) return { line: `Par ${names.replace(' and ', ' et ')}`, names: names.replace(' and ', ' et ') };
  return { line: `Por ${names.replace(' and ', ' y ')}`, names: names.replace(' and ', ' y ') };
}

/** Byline/date lines between the headline block and the body: none, one or a few, in any order. */
function metaLines(r: Rnd): { lines: string[]; names: string | null } {
  const lines: string[] = [];
  let names: string | null = null;
  const n = pick(r, [0, 1, 1, 2, 2, 3]);
  const w = when(r);
  const kinds = shuffle(r, ['by', 'date', 'read']).slice(0, n);
  // A byline and a date often share one line ("By Jane Doe | Published March 3, 2017").
  if (kinds.includes('by') && kinds.includes('date') && chance(r, 0.25)) {
    const b = byline(r);
    names = b.names;
    lines.push(`${b.line}${pick(r, [' | ', ' • ', ', ', ' - '])}${pick(r, DATE_LINES)(r, w)}`);
    if (kinds.includes('read')) lines.push(pick(r, READ_LINES));
    return { lines, names };
  }
  for (const k of kinds) {
    if (k === 'by') { const b = byline(r); names = b.names; lines.push(b.line); }
    else if (k === 'date') lines.push(pick(r, DATE_LINES)(r, w));
    else lines.push(pick(r, READ_LINES));
  }
  return { lines, names };
}

// ------------------------------------------------------------------ footer

const FOOTER_LINES: ((r: Rnd) => string)[] = [
  () => 'Contact Us',
  (r) => `© ${int(r, 2005, 2026)} ${pick(r, ['NBCUniversal Media, LLC', 'The Daily Courier', 'BBC', 'Reuters'])}`,
  (r) => `Copyright ${int(r, 2005, 2026)} ${pick(r, ['Riverton Herald', 'Metro News Group'])}. All rights reserved.`,
  () => 'Share this article',
  () => 'Facebook Twitter Email',
  () => 'Share on Facebook',
  () => 'Sign up for our newsletter',
  () => 'Subscribe to our newsletter',
  () => 'Terms of Service | Privacy Policy',
  () => 'Kontakt | Impressum | Datenschutz',
  (r) => `© ${int(r, 2005, 2026)} Süddeutsche Zeitung GmbH`,
  () => 'Newsletter abonnieren',
  () => 'Alle Rechte vorbehalten.',
  () => 'Partager sur Facebook',
  () => 'Inscrivez-vous à notre newsletter',
  () => 'Tous droits réservés',
  () => 'Suscríbete a nuestro boletín',
  () => 'Compartir en Twitter',
  () => 'Todos los derechos reservados.',
];

function footer(r: Rnd): string[] {
  const n = pick(r, [0, 1, 1, 2, 3, 4]);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const line = pick(r, FOOTER_LINES)(r);
    if (!out.includes(line)) out.push(line);
  }
  return out;
}

// ------------------------------------------------------------------ fields

/** Paragraphs of a body: blank-line separated, each collapsed to one line (layout is ours to choose). */
export function paragraphs(body: string): string[] {
  return body.split(/\r?\n[ \t\u00a0]*\r?\n/).map((p) => p.replace(/[ \t]*\r?\n[ \t]*/g, ' ').trim()).filter(Boolean);
}

function tagVariant(r: Rnd, tag: string): string {
  // BBC's tags are folder names ("business"); pages print them capitalised as often as not.
  const v = int(r, 0, 2);
  if (v === 1) return tag.charAt(0).toUpperCase() + tag.slice(1);
  if (v === 2 && tag.length <= 20) return tag.toUpperCase();
  return tag;
}

/**
 * A deck for a source that has none: the first paragraph when it is one short sentence, printed
 * without its closing period as seed-shaped pages do (the seed's own deck has none). The period is
 * what tells a reader it is a standfirst and not the first body paragraph; without that cue the
 * choice would be a coin toss no extractor could be judged on.
 */
function deckFromLead(paras: string[]): { deck: string; rest: string[] } | null {
  const lead = paras[0];
  if (!lead || paras.length < 3) return null;
  const words = lead.split(/\s+/).length;
  if (words < 8 || words > 35 || !/[^.]\.$/.test(lead) || /[.!?]["'”’)]?\s+\p{Lu}/u.test(lead.slice(0, -1))) return null;
  return { deck: lead.slice(0, -1), rest: paras.slice(1) };
}

// ------------------------------------------------------------------ layout

interface Layout { crlf: boolean; oneLine: boolean; strays: boolean; trailingNewline: boolean }

function layout(r: Rnd): Layout {
  return { crlf: chance(r, 0.25), oneLine: chance(r, 0.3), strays: chance(r, 0.35), trailingNewline: chance(r, 0.6) };
}

/** Stray whitespace a copy picks up: trailing spaces/tabs, an indented line, whitespace-only separator lines. */
function stray(r: Rnd, line: string, on: boolean): string {
  if (!on) return line;
  let s = line;
  if (chance(r, 0.3)) s = s + pick(r, [' ', '  ', '\t', ' \t']);
  if (chance(r, 0.1)) s = pick(r, [' ', '\t']) + s;
  return s;
}

function render(r: Rnd, blocks: string[], l: Layout): string {
  const parts: string[] = [];
  blocks.forEach((b, i) => {
    if (i > 0) {
      if (l.oneLine) parts.push('\n');
      else parts.push('\n' + (l.strays && chance(r, 0.2) ? pick(r, [' ', '\t', '  ']) : '') + '\n');
    }
    parts.push(stray(r, b, l.strays));
  });
  let text = parts.join('') + (l.trailingNewline ? '\n' : '');
  if (l.crlf) text = text.replace(/\n/g, '\r\n');
  return text;
}

function dumpOf(src: CleanSource, index: number, r: Rnd): CleanDump {
  let paras = paragraphs(src.body);
  let deck: string | null = null;
  if (src.deck) {
    if (chance(r, 0.8)) deck = src.deck.trim();
  } else if (chance(r, 0.4)) {
    const d = deckFromLead(paras);
    if (d) { deck = d.deck; paras = d.rest; }
  }
  const tag = src.tag && chance(r, 0.6) ? tagVariant(r, src.tag.trim()) : null;
  const headline = src.headline.trim();
  const meta = metaLines(r);
  const blocks = [...(tag ? [tag] : []), headline, ...(deck ? [deck] : []), ...meta.lines, ...paras, ...footer(r)];
  return {
    id: `${src.id}~${index}`,
    text: render(r, blocks, layout(r)),
    truth: { headline, deck, tag, body: paras.join('\n\n'), byline: meta.names },
  };
}

/** `count` dumps cycling over `sources` (each source in turn), every layout choice drawn from `seed`. */
export function cleanDumps(sources: readonly CleanSource[], count: number, seed: number): CleanDump[] {
  if (sources.length === 0 || count <= 0) return [];
  const r = seededRandom(seed);
  const out: CleanDump[] = [];
  for (let i = 0; i < count; i++) out.push(dumpOf(sources[i % sources.length]!, i, r));
  return out;
}

// ------------------------------------------------------------------ scoring
// The measures of ../shared/tools/score.mjs, ported so tests can score without ../shared
// (bench/clean-eval.ts checks the port against the real scorer).

const TOKEN_RE = /[\p{L}\p{N}_]+/gu;
const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a"]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g;

/** score.mjs's headline/tag normalisation: NFKC, quotes and dashes unified, whitespace collapsed, lower case. */
export function normField(s: string | null | undefined): string {
  if (typeof s !== 'string') return '';
  return s.normalize('NFKC').replace(QUOTES, "'").replace(DASHES, '-').replace(/\u2026/g, '...').replace(/\s+/gu, ' ').trim().toLowerCase();
}

function shingles(text: string): Map<string, number> {
  const t = text.match(TOKEN_RE) ?? [];
  const m = new Map<string, number>();
  for (let i = 0; i < Math.max(1, t.length - 3); i++) {
    const w = t.slice(i, i + 4);
    if (w.length) m.set(w.join('\0'), (m.get(w.join('\0')) ?? 0) + 1);
  }
  return m;
}

/** One page's [tp, fp, fn] of 4-word shingles, each divided by their sum (every page weighs the same). */
export function shingleMatch(truth: string, pred: string): [number, number, number] {
  const t = shingles(truth), p = shingles(pred);
  let tp = 0, fp = 0, fn = 0;
  for (const [k, c] of t) { const pc = p.get(k) ?? 0; tp += Math.min(c, pc); if (c > pc) fn += c - pc; }
  for (const [k, c] of p) { const tc = t.get(k) ?? 0; if (c > tc) fp += c - tc; }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

/** Corpus body F1 as score.mjs computes it: harmonic mean of mean page precision and mean page recall. */
export function bodyF1(pages: readonly [number, number, number][]): number {
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const pr = mean(pages.filter(([tp, fp]) => tp + fp > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fp))));
  const rc = mean(pages.filter(([tp, , fn]) => tp + fn > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fn))));
  return pr + rc > 0 ? (2 * pr * rc) / (pr + rc) : 0;
}

export interface CleanPrediction { headline: string | null; deck: string | null; tag: string | null; body: string }
export interface CleanRate { value: number; n: number }
export interface CleanScores {
  headline: CleanRate; tag: CleanRate; tagNone: CleanRate; deck: CleanRate; deckNone: CleanRate; bodyF1: CleanRate;
}
export type CleanField = 'headline' | 'tag' | 'tagNone' | 'deck' | 'deckNone' | 'body';

/** Whether one prediction gets a field right (null when the field does not apply to this dump). */
export function fieldOk(d: CleanDump, p: CleanPrediction, f: CleanField): boolean | null {
  const t = d.truth;
  switch (f) {
    case 'headline': return normField(p.headline) === normField(t.headline);
    case 'tag': return t.tag === null ? null : normField(p.tag) === normField(t.tag);
    case 'tagNone': return t.tag !== null ? null : !p.tag;
    case 'deck': return t.deck === null ? null : normField(p.deck) === normField(t.deck);
    case 'deckNone': return t.deck !== null ? null : !p.deck;
    case 'body': { const [, fp, fn] = shingleMatch(t.body, p.body); return fp === 0 && fn === 0; }
  }
}

export function scoreClean(dumps: readonly CleanDump[], preds: readonly CleanPrediction[]): CleanScores {
  const rate = (f: CleanField): CleanRate => {
    const oks = dumps.map((d, i) => fieldOk(d, preds[i]!, f)).filter((x): x is boolean => x !== null);
    return { value: oks.length ? oks.filter(Boolean).length / oks.length : NaN, n: oks.length };
  };
  return {
    headline: rate('headline'), tag: rate('tag'), tagNone: rate('tagNone'), deck: rate('deck'), deckNone: rate('deckNone'),
    bodyF1: { value: bodyF1(dumps.map((d, i) => shingleMatch(d.truth.body, preds[i]!.body))), n: dumps.length },
  };
}

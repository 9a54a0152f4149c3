// The tag (kicker) of a dump: a short topic/section label standing just above the headline
// ("Donald Trump", "Biz & IT —", "Africa"), or the last breadcrumb before it. A label that is
// the tail of a menu (a run of short lines or list entries) is navigation, not a kicker.
import { boilerplateMatcher, type BoilerplateMatcher } from '../boilerplate/index.js';
import type { Scored } from './classify.js';
import { isToolbarText } from './fields/chrome.js';
import { atTop, namedInCopyright, pageFacts } from './fields/page.js';
import { sameText } from './measure.js';
import { findDate } from './meta.js';

const TAG_MAX_WORDS = 5;
const TAG_MAX_WEIGHT = 48;
// Breadcrumb separators: "News > World > Africa", "Home › Tech", "Sport » Football".
const CRUMB_SPLIT = /\s+[>›»/|]\s+|\s*[›»]\s*/u;

// Lines a kicker may stand above, between it and the headline: placeholders, separators,
// datelines, and notices or share rows from the phrase list ("This article is more than 5
// years old", "Share on Facebook Tweet Email") or a bare "Updated"; other short entries of
// the list ("Menu", "OK", "View all results") belong to the widget above them.
const PASSED = new Set(['artifact', 'rule', 'meta']);
const passed = (s: Scored): boolean => s.block.kind === 'list-item' ? bulletedDateline(s) : (PASSED.has(s.cls) || (s.cls === 'boiler' && (s.boiler !== 'line' || DATELINE_WORD.test(s.block.text)) && !sectionLine(s)));
// A dateline set off by a bullet ("· Posted on 3 Oct 2016") reads as a one-entry list; the
// date in it says it is the story's stamp, not an entry of a menu.
const bulletedDateline = (s: Scored): boolean => (s.cls === 'meta' || s.cls === 'boiler') && findDate(s.block.text) !== null;
// Placeholders and rules cost nothing to pass (a row of empty image bullets, a ruled line),
// but the walk stops after this many blocks of any kind.
const MAX_PASSED = 3, MAX_WALK = 8;
// A dateline whose date is printed elsewhere ("Updated"): one of the phrase list's words.
const DATELINE_WORD = /^\s*(?:updated|published|posted|modified|aktualisiert|mis à jour|actualizado|aggiornato)\s*$/iu;
// "Categories: News" is the section itself (./article.ts reads it with findSectionLine).
const sectionLine = (s: Scored): boolean => boilerplateMatcher().sectionLabel(s.block.text) !== null;

// The root of a breadcrumb trail, in the languages of the phrase list and a few more.
const HOME_WORDS = ['home', 'homepage', 'home page', 'startseite', 'accueil', 'inicio', 'início', 'página inicial',
  'strona główna', 'главная', 'anasayfa', 'ana sayfa', 'hjem', 'forside', 'startsida', 'etusivu', 'domů', 'úvod',
  'kezdőlap', 'početna', 'naslovnica', 'αρχική', 'trang chủ', 'beranda', 'الرئيسية', '首页', 'ホーム'];

/**
 * A kicker that is a trail whose separators the dump dropped ("Home News") → its last part
 * ("News"); any other label as it is. "Home prices" is a label of its own: the rest must
 * start as a name does.
 */
export function withoutTrailRoot(label: string): string {
  const lower = label.toLowerCase();
  for (const w of HOME_WORDS) {
    if (!lower.startsWith(w) || !/^\s/u.test(label.slice(w.length))) continue;
    const rest = cleanLabel(label.slice(w.length));
    const ok = /^[\p{Lu}\p{Lt}\p{N}]/u.test(rest) && rest.split(/\s+/u).length <= 3 && !/[.!?]$/u.test(rest);
    return ok ? rest : label;
  }
  return label;
}

/**
 * The first of the copies of the headline at `h` printed one above the other (a link, then
 * the heading): its kicker stands above the first. A copy that ends a list ends a breadcrumb,
 * which findTag reads from the headline itself.
 */
export function firstCopy(scored: readonly Scored[], h: number): number {
  let i = h;
  while (i > 0 && scored[i - 1]!.block.kind !== 'list-item' && sameText(scored[i - 1]!.block.text, scored[h]!.block.text)) i--;
  return i;
}

export interface TagResult { text: string; index: number; rule: 'kicker' | 'breadcrumb' | 'section' }

/** Trailing dashes, colons and separators are decoration: "Biz & IT —" → "Biz & IT". */
export function cleanLabel(text: string): string {
  return text.replace(/^[\s\p{Pd}|:•·›»>*]+|[\s\p{Pd}|:•·›»>*]+$/gu, '').trim();
}

function labelShaped(s: Scored): boolean {
  const t = cleanLabel(s.block.text);
  if (t === '' || s.words > TAG_MAX_WORDS || s.weight > TAG_MAX_WEIGHT) return false;
  if (/[.!?。！？]$/u.test(t) && !/\.$/.test(t.split(/\s+/).pop() ?? '')) return false;
  if (/[.!?。！？]["'”’]?$/u.test(t) && s.words > 2) return false;
  // Mostly letters: "653,817 VIEWS" and "2/26/2015" are not labels.
  const letters = t.match(/\p{L}/gu)?.length ?? 0;
  return letters >= 2 && letters / t.replace(/\s/g, '').length >= 0.6;
}

/**
 * A kicker glued to a status word by a dot or bar ("Business·Updated", "Opinion | Live"):
 * the label without the parts the phrase list knows.
 */
export function withoutStatus(label: string): string {
  const parts = label.split(/\s*[·|•]\s*/u).filter((p) => p !== '');
  if (parts.length < 2) return label;
  const m = boilerplateMatcher();
  const kept = parts.filter((p) => m.match(p) === null);
  return kept.length === 1 && kept.length < parts.length ? kept[0]! : label;
}

/** The breadcrumb item before the headline: the last crumb, or the one before a crumb equal to the headline. */
function fromCrumbs(items: string[], headline: string): string | null {
  const crumbs = items.map(cleanLabel).filter((x) => x !== '');
  if (crumbs.length < 2) return null;
  let last = crumbs[crumbs.length - 1]!;
  if (sameText(last, headline) || headline.startsWith(last)) {
    crumbs.pop();
    if (crumbs.length < 2) return null; // only "Home" is left
    last = crumbs[crumbs.length - 1]!;
  }
  return last.split(/\s+/).length <= TAG_MAX_WORDS && last.length <= TAG_MAX_WEIGHT ? last : null;
}

/**
 * A tag found above the headline at `h`, or null. Never the site's name (what the copyright
 * line names, or the masthead over a date-first header) nor a row of toolbar words.
 */
export function findTag(scored: readonly Scored[], h: number, headline: string): TagResult | null {
  const t = tagAbove(scored, h, headline);
  if (!t || isToolbarText(t.text) || notALabel(t.text)) return null;
  const page = pageFacts(scored);
  if (t.rule === 'kicker' && (namedInCopyright(page, t.index) || (datelineBetween(scored, t.index, h) && atTop(scored, t.index, 3)))) return null;
  return t;
}

// A host name ("stackoverflow.com") is the site, not its section.
const HOST = /^(?:https?:\/\/)?(?:[\p{L}\d-]+\.)+\p{L}{2,}\/?$/u;
// …or a name built on one with a generic top-level domain ("The Example.com Blog"; not "Node.js").
const HOST_IN = /[\p{L}\d-]{2,}\.(?:com|org|net|info)\b(?!\.)/u;
// "a member", "of the week": a sentence's fragment, not a label (labels start with a capital
// or are a single lower-case word).
const FRAGMENT = /^(?:a|an|the|of|to|in|on|for|and|or|by|with|from)\s/u;

/**
 * Text that stands where a kicker would but names something else: a button or widget
 * heading of the phrase list ("Join Today", "Responses"), a host name, a pronunciation or
 * note in brackets, a name printed twice by a flattened link ("Jane DoeJane Doe"), a
 * sentence fragment.
 */
export function notALabel(text: string, matcher: BoilerplateMatcher = boilerplateMatcher()): boolean {
  if (matcher.match(text) !== null || matcher.isStop(text)) return true;
  if (HOST.test(text) || HOST_IN.test(text) || /[[\]]/u.test(text) || /^\(/u.test(text) || FRAGMENT.test(text)) return true;
  const half = text.length / 2;
  if (text.length >= 6 && Number.isInteger(half) && text.slice(0, half) === text.slice(half)) return true;
  const words = text.split(/\s+/);
  return words.length >= 2 && words.length % 2 === 0 && words.slice(0, words.length / 2).join(' ') === words.slice(words.length / 2).join(' ');
}

function datelineBetween(scored: readonly Scored[], from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) if (scored[j]!.cls === 'meta') return true;
  return false;
}

function tagAbove(scored: readonly Scored[], h: number, headline: string): TagResult | null {
  // Walk up over placeholders, separators, a dateline and chrome lines ("Updated", "This
  // article is more than 5 years old", a share row) to the block above the headline.
  let i = h - 1;
  let skipped = 0;
  while (i >= 0 && passed(scored[i]!) && skipped < MAX_PASSED && h - i <= MAX_WALK) {
    if (scored[i]!.cls !== 'artifact' && scored[i]!.cls !== 'rule') skipped++;
    i--;
  }
  if (i < 0) return null;
  const s = scored[i]!;
  const b = s.block;

  // A breadcrumb written on one line.
  const parts = b.text.split(CRUMB_SPLIT);
  if (parts.length >= 3 || (parts.length === 2 && b.text.length <= 60 && /[>›»/]/.test(b.text))) {
    const t = fromCrumbs(parts, headline);
    return t ? { text: t, index: i, rule: 'breadcrumb' } : null;
  }
  // A breadcrumb as a list whose last entry is the headline: take the entry before it.
  if (b.kind === 'list-item' && sameText(b.text, headline)) {
    const items: string[] = [];
    for (let j = i; j >= 0 && scored[j]!.block.kind === 'list-item' && items.length < 8; j--) items.unshift(scored[j]!.block.text);
    const t = fromCrumbs(items, headline);
    return t ? { text: t, index: i - 1, rule: 'breadcrumb' } : null;
  }
  // A short list right above the headline is a breadcrumb ("• Home • Articles"); a long one is a menu.
  if (b.kind === 'list-item') {
    // The list this entry belongs to: a blank line starts another one.
    let first = i;
    // (Plain text only: Markdown puts a blank line between every two blocks.)
    const plain = b.linkShare === null;
    while (first > 0 && !(plain && scored[first]!.block.gapBefore) && scored[first - 1]!.block.kind === 'list-item' && i - first < 4) first--;
    // Three entries make a trail when it starts at home ("Home / News / Politics") or names
    // sections; otherwise they are the story's topic links, of which none is the section.
    const items = i - first + 1;
    // Section names recur in the page's menus; a story's topic links do not.
    const sections = [first, first + 1, i].filter((k) => scored[k]!.cls === 'boiler' || scored[k]!.repeats > 1).length;
    if (items >= 4 || (items === 3 && scored[first]!.cls !== 'boiler' && sections < 2)) return null;
    if (s.cls === 'boiler' || s.cls === 'prose' || s.cls === 'meta' || !labelShaped(s)) return null;
    return { text: cleanLabel(b.text), index: i, rule: 'breadcrumb' };
  }
  if (b.kind === 'code' || b.kind === 'table') return null;
  if (s.cls === 'boiler' || s.cls === 'meta' || s.cls === 'prose') return null;
  if (s.cls === 'link' && s.words > 3) return null;
  if (b.kind === 'heading' && b.level === 1) return null;
  // Section names repeat in the page's menus; that does not make the kicker any less one.
  if (!labelShaped(s)) return null;
  // The tail of a menu: a run of three or more short entries with no blank line between.
  // Two ("Blog" / "Insights") are a section and its subsection, the kicker being the last.
  let run = 0;
  for (let j = i; j > 0 && run < 3; j--) {
    const cur = scored[j]!, above = scored[j - 1]!;
    if (cur.block.gapBefore || above.cls === 'artifact' || above.cls === 'rule') break;
    if ((above.cls === 'short' || above.cls === 'link') && above.block.kind !== 'heading') run++;
    else break;
  }
  if (run >= 2 && !repeatsMenuEntry(scored, i)) return null;
  return { text: withoutStatus(cleanLabel(b.text)), index: i, rule: 'kicker' };
}

// How far up a menu is searched for the entry a kicker repeats.
const MENU_SPAN = 40;

/**
 * The line at `i` ends a menu but names one of that menu's own entries again: the page
 * prints the current section under its navigation ("News Sport Life … Videos" then "Life").
 * A menu lists each entry once, so the repeat is the kicker, not one more entry.
 */
function repeatsMenuEntry(scored: readonly Scored[], i: number): boolean {
  const text = cleanLabel(scored[i]!.block.text);
  for (let j = i - 1; j >= 0 && i - j <= MENU_SPAN; j--) {
    if (scored[j + 1]!.block.gapBefore) return false;
    if (sameText(cleanLabel(scored[j]!.block.text), text)) return true;
  }
  return false;
}

/** A "Filed to: money" / "From the section US & Canada" line near the headline, or null. */
export function findSectionLine(scored: readonly Scored[], h: number, bodyStart: number, matcher: BoilerplateMatcher): TagResult | null {
  const lo = Math.max(0, h - 3), hi = Math.min(scored.length - 1, Math.max(h + 8, bodyStart + 2));
  for (let i = lo; i <= hi; i++) {
    const label = matcher.sectionLabel(scored[i]!.block.text);
    if (label) return { text: cleanLabel(label), index: i, rule: 'section' };
  }
  return null;
}

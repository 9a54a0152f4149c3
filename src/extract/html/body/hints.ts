// What an element's class, id and role say about it. Pure functions of the attributes.
import {
  CHROME_ROLES, CHROME_TAGS, HIDDEN_CLASS, MAYBE_WORDS, NEGATIVE_WORDS, POSITIVE_WORDS, UNLIKELY_WORDS,
} from './constants.js';
import type { DomElement } from './dom.js';
import { memoByString } from '../../../memo.js';

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A matcher for class/id words at the start of a token. A word written "ad$" must be the whole
 * token (so "ad" never matches "address"); others are prefixes ("comment" matches "comments",
 * "commentList").
 */
export function wordMatcher(words: readonly string[]): RegExp {
  const exact = words.filter((w) => w.endsWith('$')).map((w) => escape(w.slice(0, -1)));
  const prefix = words.filter((w) => !w.endsWith('$')).map(escape);
  const alts: string[] = [];
  if (prefix.length) alts.push(`(?:${prefix.join('|')})`);
  if (exact.length) alts.push(`(?:${exact.join('|')})(?![a-z0-9])`);
  return new RegExp(`(?:^|[^a-z0-9])(?:${alts.join('|')})`);
}

// Short or ambiguous words are whole-token only.
const EXACT = new Set(['ad', 'ads', 'adv', 'tool', 'foot', 'bio', 'meta', 'media', 'card', 'print', 'nav', 'main', 'page', 'post', 'text', 'extra', 'and', 'rss', 'tags', 'hidden', 'login', 'menu', 'cta']);
const mark = (words: readonly string[]) => words.map((w) => (EXACT.has(w) ? `${w}$` : w));

const UNLIKELY = wordMatcher(mark(UNLIKELY_WORDS));
const MAYBE = wordMatcher(mark(MAYBE_WORDS));
const POSITIVE = wordMatcher(mark(POSITIVE_WORDS));
const NEGATIVE = wordMatcher(mark(NEGATIVE_WORDS));

// Pages repeat the same few class lists hundreds of times: each is weighed once.
const MEMO_LIMIT = 20_000;
const memo = <T>(fn: (s: string) => T) => memoByString(fn, MEMO_LIMIT);

/**
 * Utility classes of CSS frameworks style text, they do not name content: "text-center",
 * "md:text-lg", "text-gray-700" put the word "text" on every kind of box of a Tailwind or
 * Bootstrap page, newsletter pitches and footers included.
 */
const TEXT_UTILITY = /^(?:[a-z0-9-]+:)*!?text-(?:left|right|center|justify|start|end|xs|sm|base|md|lg|\d?xl|black|white|transparent|current|inherit|muted|primary|secondary|tertiary|success|danger|warning|info|light|dark|body|reset|nowrap|wrap|break|truncate|uppercase|lowercase|capitalize|balance|pretty|[a-z]+-\d{2,3}(?:\/\d+)?|\[[^\]]*\])$/;

/** A lower-cased class list without its text utility classes. */
const withoutUtilities = memo((classes: string): string =>
  classes.includes('text-') ? classes.split(/\s+/).filter((c) => !TEXT_UTILITY.test(c)).join(' ') : classes);

const attrWeight = memo((v: string) => {
  const s = v.toLowerCase();
  return (NEGATIVE.test(s) ? -25 : 0) + (POSITIVE.test(s) ? 25 : 0);
});
const classAttrWeight = memo((v: string) => attrWeight(withoutUtilities(v.toLowerCase())));

/** +25 for content words, −25 for boilerplate words (both may apply), on class and id separately. */
export function classWeight(el: DomElement): number {
  const { class: c, id } = el.attribs;
  return (c ? classAttrWeight(c) : 0) + (id ? attrWeight(id) : 0);
}

// The word matchers' words hold no space, so what a matcher finds in "class id" is what it finds
// in the class or in the id: each attribute is weighed on its own (no joined string to build).
const POSITIVE_BIT = 1, NEGATIVE_BIT = 2, UNLIKELY_BIT = 4;
const wordBits = (s: string) => (POSITIVE.test(s) ? POSITIVE_BIT : 0) | (NEGATIVE.test(s) ? NEGATIVE_BIT : 0) | (UNLIKELY.test(s) ? UNLIKELY_BIT : 0);
const classBits = memo((c: string) => wordBits(withoutUtilities(c.toLowerCase())));
const idBits = memo((id: string) => wordBits(id.toLowerCase()));

/** Named only in content words (no boilerplate word in class or id). */
export function isContentNamed(el: DomElement): boolean {
  const { class: c, id } = el.attribs;
  const bits = (c ? classBits(c) : 0) | (id ? idBits(id) : 0);
  return (bits & POSITIVE_BIT) !== 0 && (bits & (NEGATIVE_BIT | UNLIKELY_BIT)) === 0;
}

const unlikely = memo((hint: string) => UNLIKELY.test(hint) && !MAYBE.test(hint));

/** Named like a box beside the article (comments, related, share, menus) and not like content. */
export function isUnlikelyByName(hint: string): boolean {
  return hint !== '' && unlikely(hint);
}

/** A landmark element or ARIA role that holds site chrome. */
export function isChrome(el: DomElement, tag: string): boolean {
  if (CHROME_TAGS.has(tag)) return true;
  const role = el.attribs.role;
  return role !== undefined && CHROME_ROLES.has(role.toLowerCase().trim());
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * Not shown to a reader: the hidden attribute, an inline display:none/visibility:hidden, aria-hidden,
 * or a framework's hidden / screen-reader-only class.
 */
export function isHidden(el: DomElement): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  if (a.style && HIDDEN_STYLE.test(a.style)) return true;
  if (a['aria-hidden'] === 'true') return true;
  return a.class !== undefined && HIDDEN_CLASS.test(a.class);
}

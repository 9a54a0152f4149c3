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

/**
 * Caption and credit containers: their text describes a picture we drop. Prefixes, like the other
 * matchers ("captionText", "credits").
 */
const CAPTION = /(?:^|[^a-z0-9])(?:caption|cptn|credit|photo-?credit|image-?credit|img-?credit|wp-caption-text|media-credit|copyright-?image)/;

// What a class or id value says, as bits, weighed once per distinct value. No matcher's word
// holds a space, so a matcher finds a word in "class id" exactly when it finds one in the class
// or in the id: an element's facts are its class's and its id's side by side, and no joined
// string is built or hashed per element.
/** Tests on the lower-cased value, the vocabulary of hints. */
const HINT_UNLIKELY = 1, HINT_MAYBE = 2, HINT_CAPTION = 4;
/** Tests on the value without its text utility classes: what content words weigh. */
const POSITIVE_BIT = 8, NEGATIVE_BIT = 16, UNLIKELY_BIT = 32;
/** The class names a framework's hidden or screen-reader-only utility (HIDDEN_CLASS, class only). */
const HIDDEN_BIT = 64;
/** An element's facts: the class's bits, and the id's shifted above them. */
const ID_SHIFT = 7;
const ONE = (1 << ID_SHIFT) - 1;

/** The bits of a lower-cased value, and of the same without its utility classes (often the same text). */
function factsOf(lower: string, words: string): number {
  const unlikely = UNLIKELY.test(lower);
  return (unlikely ? HINT_UNLIKELY : 0) | (MAYBE.test(lower) ? HINT_MAYBE : 0) | (CAPTION.test(lower) ? HINT_CAPTION : 0)
    | (POSITIVE.test(words) ? POSITIVE_BIT : 0) | (NEGATIVE.test(words) ? NEGATIVE_BIT : 0)
    | ((words === lower ? unlikely : UNLIKELY.test(words)) ? UNLIKELY_BIT : 0);
}
const classFacts = memo((c: string) => {
  const lower = c.toLowerCase();
  return factsOf(lower, withoutUtilities(lower)) | (HIDDEN_CLASS.test(c) ? HIDDEN_BIT : 0);
});
const idFacts = memo((id: string) => {
  const lower = id.toLowerCase();
  return factsOf(lower, lower);
});

/** What the element's class and id say (see the predicates below); compute once, ask many. */
export function nameFacts(el: DomElement): number {
  const { class: c, id } = el.attribs;
  return (c ? classFacts(c) : 0) | (id ? idFacts(id) << ID_SHIFT : 0);
}

/** The facts of class and id together ("class id" as one text). */
const together = (facts: number) => (facts | (facts >>> ID_SHIFT)) & ONE;
const weightOne = (bits: number) => (bits & NEGATIVE_BIT ? -25 : 0) + (bits & POSITIVE_BIT ? 25 : 0);

/** +25 for content words, −25 for boilerplate words (both may apply), on class and id separately. */
export const weightOf = (facts: number): number => weightOne(facts & ONE) + weightOne(facts >>> ID_SHIFT);

export function classWeight(el: DomElement): number {
  return weightOf(nameFacts(el));
}

/** Named only in content words (no boilerplate word in class or id). */
export function contentNamed(facts: number): boolean {
  const t = together(facts);
  return (t & POSITIVE_BIT) !== 0 && (t & (NEGATIVE_BIT | UNLIKELY_BIT)) === 0;
}

export const isContentNamed = (el: DomElement): boolean => contentNamed(nameFacts(el));

/** Named like a box beside the article (comments, related, share, menus) and not like content. */
export function unlikelyNamed(facts: number): boolean {
  const t = together(facts);
  return (t & HINT_UNLIKELY) !== 0 && (t & HINT_MAYBE) === 0;
}

/** Named like a caption or a picture credit. */
export const captionNamed = (facts: number): boolean => (together(facts) & HINT_CAPTION) !== 0;

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
export function isHidden(el: DomElement, facts = nameFacts(el)): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  if (a.style && HIDDEN_STYLE.test(a.style)) return true;
  if (a['aria-hidden'] === 'true') return true;
  return (facts & HIDDEN_BIT) !== 0;
}

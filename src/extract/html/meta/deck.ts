// Deck: the standfirst shown with the headline, or null. We walk the lines just below the
// headline, look past bylines, dates, share bars and captions, and take the first prose line
// only if the layout says it belongs to the headline (a deck-classed block, a sub-heading set
// right after the headline, or the page's own description shown in the article header) and
// not to the story (a block among the body paragraphs is the first paragraph, whatever the
// meta description says).
import { classId, isElement, type AnyNode, type Element } from './dom.js';
import { containsText, sameText, similarity, wordLength } from './compare.js';
import { commonAncestor, inLongList, startsStory } from './layout.js';
import { isBoilerplate, isBylineText, isDateText, isFlag } from './labels.js';
import { ldString } from './jsonld.js';
import { metaAll } from './metatags.js';
import type { PageContext } from './context.js';
import type { HeadlineResult } from './headline.js';

export interface DeckResult { text: string; rule: string }

/** Class/id words of standfirsts, in the CSS vocabulary of many CMSs and languages. */
const DECK_CLASS = /(?:^|[\s_-])(?:dek|deck|standfirst|stand-first|sub-?title|sub-?head(?:line)?|subline|strap(?:line)?|synopsis|kurztext|teaser-?text|chapo|chapeau|bajada|entradilla|sottotitolo|occhiello|anrisstext|perex|lead-?in|dachzeile|article-?summary|post-?excerpt|entry-?summary|(?:article|story|post|entry|hero|header|headline)[-_]+(?:description|summary|excerpt))(?:$|[\s_-]|__)|(?:__|-)(?:dek|deck|standfirst|subtitle|subheadline|subline)(?:$|[\s_-])/;
/** The story's own container: a line inside it is running text unless a deck class says otherwise. */
const BODY_CLASS = /(?:^|[\s_-])(?:body|article-?body|story-?body|post-?body|entry-?content|post-?content|article-?content|content-?body|body-?text|text-?body|body_txt|richtext|rich-text|article-?text|story-?text|paragraph)(?:$|[\s_-])/;
/** Weaker words: a summary or intro box can also be the story's first paragraph. */
const WEAK_DECK_CLASS = /(?:^|[\s_-])(?:summary|intro|introduction|lede|lead|excerpt|description|abstract|teaser|sub-?heading|sub-?header)(?:$|[\s_-]|__)/;
/** Blocks that are never a deck: captions, credits, bylines, share bars, promos. */
const NOT_DECK_CLASS = /(?:^|[\s_-])(?:caption|credit|photo-?credit)|(?:^|\s|__)(?:byline|author|date|time|share|social|newsletter|subscribe|promo|related|ad|advert|sponsor|comment|tags?|keywords|disclaimer|disclosure|paywall)(?:$|[\s_-])/;

/** A meta line (date, byline, reading time) by its own class; its container may hold the deck too. */
const META_CLASS = /(?:^|[\s_-])(?:meta|metadata|dateline)(?:$|[\s_-])/;

/** How many lines below the headline the deck may start (bylines and share bars come first). */
const WINDOW = 8;
const MAX_WORDS = 80;

function descriptions(ctx: PageContext): string[] {
  const out = metaAll(ctx.meta, 'og:description', 'description', 'twitter:description', 'dc.description', 'dcterms.abstract');
  for (const a of ctx.articles.slice(0, 1)) {
    for (const k of ['description', 'alternativeHeadline', 'abstract']) {
      const v = ldString(a[k]);
      if (v && !out.includes(v)) out.push(v);
    }
  }
  return out;
}

/** The page's description says (about) this text. */
function matchesDescription(text: string, descs: readonly string[]): boolean {
  return descs.some((d) => sameText(d, text) || similarity(d, text) >= 0.85
    || (wordLength(text) >= 6 && containsText(d, text)) || (wordLength(d) >= 6 && containsText(text, d)));
}

function classBelow(el: Element, stop: Element, re: RegExp, depth: number): boolean {
  let n: AnyNode | null = el;
  for (let d = 0; d < depth && n && isElement(n) && n !== stop; d++, n = n.parent) if (re.test(classId(n))) return true;
  return false;
}

/** The element that follows the headline in its container (empty and hidden ones skipped). */
function nextAfter(ctx: PageContext, el: Element): Element | null {
  for (let n: AnyNode | null = el; n && isElement(n); n = n.parent) {
    for (let s = n.next; s; s = s.next) {
      if (!isElement(s) || ctx.scan.hidden.has(s)) continue;
      const a = ctx.scan.start.get(s), b = ctx.scan.end.get(s);
      if (a !== undefined && b !== undefined && b > a) return s;
    }
    // Only climb out of wrappers that hold nothing but the headline.
    const p: AnyNode | null = n.parent;
    if (!p || !isElement(p) || p.children.filter(isElement).length > 1) return null;
  }
  return null;
}

/**
 * A date shown inline right after the deck's last sentence ("…its recovery?Monday, 6 January
 * 2020") belongs to the meta line, not the deck. Only a date glued to the closing punctuation
 * is cut, so a deck that ends by naming a date keeps it.
 */
function withoutGluedDate(t: string): string {
  const m = /[.!?…。！？](?=\S)/u.exec(t.slice(Math.max(0, t.length - 60)));
  if (!m) return t;
  const cut = Math.max(0, t.length - 60) + m.index + 1;
  const tail = t.slice(cut);
  return isDateText(tail) ? t.slice(0, cut) : t;
}

/** The lines of a block that starts at line i, joined, when it has a few short ones. */
function wholeBlock(ctx: PageContext, i: number, block: Element): string | null {
  const a = ctx.scan.start.get(block), b = ctx.scan.end.get(block);
  if (a === undefined || b === undefined || a !== i || b - a < 2 || b - a > 4) return null;
  const text = ctx.scan.lines.slice(a, b).map((l) => l.text).join(' ');
  return wordLength(text) <= MAX_WORDS ? text : null;
}

/** Element children that show text. */
const shownChildren = (ctx: PageContext, el: Element) => el.children.filter((c) => {
  if (!isElement(c) || ctx.scan.hidden.has(c)) return false;
  const a = ctx.scan.start.get(c), b = ctx.scan.end.get(c);
  return a !== undefined && b !== undefined && b > a;
}).length;

const within = (el: Element, container: Element | null) => {
  for (let n: AnyNode | null = el; n && isElement(n); n = n.parent) if (n === container) return true;
  return false;
};

export function extractDeck(ctx: PageContext, head: HeadlineResult | null, known: { byline?: string | null; tag?: string | null } = {}): DeckResult | null {
  if (!head?.lines || !head.el) return null;
  // A subtitle set inside the headline element (<h1>Title <small>Subtitle</small></h1>).
  const sub = head.inside?.after;
  if (sub && wordLength(sub) >= 3 && wordLength(sub) <= MAX_WORDS) return { text: sub, rule: 'headline-subtitle' };
  const L = ctx.scan.lines;
  const descs = descriptions(ctx);
  const next = nextAfter(ctx, head.el);
  for (let i = head.lines.end; i < Math.min(L.length, head.lines.end + WINDOW); i++) {
    const line = L[i]!;
    // A deck broken over lines (<br>, block spans) reads as one.
    const joined = wholeBlock(ctx, i, line.block);
    const t = joined ?? line.text;
    const words = wordLength(t);
    // Captions, credits, bylines, dates, share bars and labels sit between headline and deck.
    if (line.inFigure || line.linkShare >= 0.6 || isDateText(t) || isFlag(t) || isBoilerplate(t) || isBylineText(t)) continue;
    if (known.byline && containsText(t, known.byline) && words <= wordLength(known.byline) + 6) continue;
    if (known.tag && sameText(t, known.tag)) continue;
    const ca = commonAncestor(line.block, head.el);
    if (!ca) return null;
    // The block's own class word decides first: a "strapline" inside a byline row is a deck.
    const strongSelf = DECK_CLASS.test(classId(line.block));
    if (!strongSelf && (classBelow(line.block, ca.lca, NOT_DECK_CLASS, 2) || META_CLASS.test(classId(line.block)))) continue;
    if (words < 3 || (words < 4 && !/[.!?。！？]$/u.test(t))) continue;
    // A key-points list or a long passage is not a standfirst, and nothing after it is.
    if (words > MAX_WORDS || (inLongList(line.block, 1) && line.block.name !== 'p')) return null;
    // The headline again (a display copy with other line breaks, or a part of it).
    if (similarity(t, head.text) >= 0.8 || containsText(head.text, t)) continue;

    const body = startsStory(ctx, i, line.block) || classBelow(line.block, ca.lca, BODY_CLASS, 3);
    const strong = strongSelf || classBelow(line.block, ca.lca, DECK_CLASS, 3);
    const weak = !strong && classBelow(line.block, ca.lca, WEAK_DECK_CLASS, 2);
    const heading = /^h[2-6]$/.test(line.block.name);
    const adjacent = within(line.block, next);
    const described = matchesDescription(t, descs);
    const near = ca.up <= 3;
    const pick = (rule: string): DeckResult => ({ text: withoutGluedDate(t), rule });
    if (strong) return pick('dek-class');
    if (weak && near && (!body || (heading && words >= 5))) return pick('dek-class');
    // Medium-style pages set title, subtitle and story in one container: a sub-heading right
    // after the headline is still the subtitle.
    if (heading && adjacent) return pick('subheading');
    if (!body && near && heading) return pick('subheading');
    if (!body && near && described) return pick('meta:description');
    // A title block of two: the headline and one sentence under it, alone in their container.
    if (!body && adjacent && ca.up === 1 && words >= 5 && shownChildren(ctx, ca.lca) === 2) return pick('title-block');
    // The story has started: nothing further down is a deck. Other lines (notices, author
    // blurbs) are looked past.
    if (body || words >= 25) return null;
    if (joined) i = (ctx.scan.end.get(line.block) ?? i + 1) - 1;
  }
  return null;
}

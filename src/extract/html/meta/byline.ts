// Byline: the author names as the page credits them. JSON-LD authors (people, not the
// publisher), then the author meta tags, then the visible byline (rel=author, itemprop=author,
// byline/author classes). Never a date, a URL or the publication's own name.
import { toIsoDate } from '../../../normalize/date.js';
import { hasAncestor, textOf, type Element } from './dom.js';
import { wordLength } from './compare.js';
import { ldString, typesOf, type LdNode } from './jsonld.js';
import { metaAll } from './metatags.js';
import { isSiteName } from './site-name.js';
import { BYLINE_PREFIX, isBylineText } from './labels.js';
import type { HeadlineResult } from './headline.js';
import { shown, type PageContext } from './context.js';

export interface BylineResult { text: string; rule: string }

/** Class/id words of visible bylines. */
const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|by-?line|author|authors|author-?name|byline-?name|contributor|writer|article-?author|post-?author|entry-?author)(?:$|[\s_-])/;
const MAX_WORDS = 14;

/** Words that join a name to the date or place after it ("on", "at", "Published", "Updated"). */
const TAIL_JOINERS = /(?:\s+(?:on|at|am|le|el|il|den|am|um|op|em|в|published|posted|updated|last updated|veröffentlicht|publié|publicado|pubblicato)|\s*[|•·,;@/\-–—:])+\s*$/iu;

/** Cut a trailing date or time off a byline: "Drew Dietsch October 2, 2016", "Kim @ 12:00 am". */
function cutTrailingDate(s: string): string {
  const time = /\s*\d{1,2}[:.h]\d{2}\b/.exec(s);
  if (time && time.index > 0) s = s.slice(0, time.index);
  // The shortest tail that still reads as a date (toIsoDate finds dates anywhere in a string, so
  // "Dietsch October 2, 2016" reads as one too; the shortest tail starts at the month).
  const starts = [...s.matchAll(/(?:^|\s)(?=\S)/g)].map((m) => m.index! + m[0].length).reverse();
  for (const k of starts) {
    if (k === 0) break;
    const rest = s.slice(k);
    if (/\d/.test(rest) && toIsoDate(rest) !== null) { s = s.slice(0, k); break; }
  }
  // A day number left behind by "15 December 2016".
  return s.replace(/\s+\d{1,2}\.?$/u, '').replace(TAIL_JOINERS, '').trim();
}

/** A byline string cleaned of its "By" and of a trailing date or "Updated" stamp. */
export function cleanByline(raw: string): string | null {
  let s = raw.replace(/\s+/g, ' ').trim();
  // "ByTravis Haney" (the "By" glued to the name by markup).
  s = s.replace(/^(?:By|by)(?=\p{Lu}\p{Ll})/u, '');
  s = s.replace(BYLINE_PREFIX, '');
  s = cutTrailingDate(s);
  // "Pete Evans · CBC News", "Saibal Dasgupta / TNN": the name comes first.
  const parts = s.split(/\s+[|•·/]\s+|\s*[|•·]\s*/u);
  if (parts.length > 1 && wordLength(parts[0]!) >= 2 && wordLength(parts[0]!) <= 5) s = parts[0]!;
  s = s.replace(/^[\s|•·,;:\-–—]+|[\s|•·,;:\-–—]+$/gu, '').trim();
  // What is left is a date, not a name ("March 3, 2020").
  if (toIsoDate(s) !== null && wordLength(s) <= 5) return null;
  if (s === '' || /^https?:\/\//i.test(s) || (/@\w+\.\w+/.test(s) && wordLength(s) <= 1)) return null;
  if (!/\p{L}/u.test(s) || /[*=<>{}]/.test(s)) return null;
  // Names do not start with a digit, and a short rest with digits is what is left of a date.
  if (/^\d/.test(s) || (/\d/.test(s) && wordLength(s) <= 3)) return null;
  if (wordLength(s) > MAX_WORDS || s.length > 120) return null;
  return s;
}

function ldAuthors(ctx: PageContext): string[] {
  const names: string[] = [];
  const art = ctx.articles[0];
  if (!art) return names;
  const raw = art['author'] ?? art['creator'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  for (const a of list) {
    if (a && typeof a === 'object' && typesOf(a as LdNode).some((t) => t === 'organization' || t === 'newsmediaorganization')) continue;
    const n = ldString(a);
    if (n && !/^https?:/i.test(n) && !names.includes(n)) names.push(n);
  }
  return names;
}

/** Names joined the way bylines read: "A", "A and B", "A, B and C". */
const joinNames = (names: string[]) => names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** A "By Ann Lee · March 3" line just below (or above) the headline. */
function byLineNearHeadline(ctx: PageContext, head: HeadlineResult | null | undefined, sites: readonly string[]): BylineResult | null {
  if (!head?.lines) return null;
  const L = ctx.scan.lines;
  const from = Math.max(0, head.lines.start - 3), to = Math.min(L.length, head.lines.end + 8);
  for (let i = from; i < to; i++) {
    if (i >= head.lines.start && i < head.lines.end) continue;
    const t = L[i]!.text;
    if (t.length > 160 || L[i]!.inFigure || !isBylineText(t)) continue;
    const v = cleanByline(t);
    // Names start with a capital in scripts that have them ("By the time…" is a sentence).
    if (v && !/^\p{Ll}/u.test(v) && !isSiteName(v, sites)) return { text: v, rule: 'by-line' };
  }
  return null;
}

export function extractByline(ctx: PageContext, head?: HeadlineResult | null): BylineResult | null {
  const sites = ctx.siteNames;
  const ok = (s: string | null): s is string => !!s && !isSiteName(s, sites);
  const fromLd = ldAuthors(ctx).map(cleanByline).filter(ok);
  if (fromLd.length) return { text: joinNames(fromLd), rule: 'json-ld' };
  for (const v of metaAll(ctx.meta, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'cxenseparse:author')) {
    const c = cleanByline(v);
    if (ok(c)) return { text: c, rule: 'meta:author' };
  }
  const visible = (els: Element[]) => els.filter((el) => shown(ctx, el) && !hasAncestor(el, (a) => a.name === 'footer' || a.name === 'nav' || a.name === 'aside', 8));
  const authorProp = ctx.scan.itemprop.filter((el) => /(?:^|\s)(?:author|creator)(?:\s|$)/.test(el.attribs['itemprop'] ?? '') && el.name !== 'meta' && el.name !== 'link');
  const nameInAuthor = ctx.scan.itemprop.filter((el) => /(?:^|\s)name(?:\s|$)/.test(el.attribs['itemprop'] ?? '') && el.name !== 'meta'
    && hasAncestor(el, (a) => authorProp.includes(a), 4));
  const fromEls = (els: Element[], rule: string): BylineResult | null => {
    const names: string[] = [];
    for (const el of els.slice(0, 6)) {
      const c = cleanByline(textOf(el));
      if (ok(c) && !names.includes(c)) names.push(c);
    }
    return names.length ? { text: joinNames(names), rule } : null;
  };
  return fromEls(visible(nameInAuthor), 'itemprop')
    ?? fromEls(visible(authorProp), 'itemprop')
    ?? fromEls(visible(ctx.scan.relAuthor), 'rel-author')
    ?? byLineNearHeadline(ctx, head, sites)
    ?? firstBylineClass(ctx, visible);
}

/** The first visible byline-classed element whose text reads as names (checked lazily: pages hold many). */
function firstBylineClass(ctx: PageContext, visible: (els: Element[]) => Element[]): BylineResult | null {
  let tried = 0;
  for (const c of ctx.scan.classed) {
    if (!BYLINE_CLASS.test(c.words) || !visible([c.el]).length) continue;
    // A comment form's "Name" field or a commenter's name is not the article's byline.
    if (hasAncestor(c.el, (a) => a.name === 'form' || /comment|respond|reply/.test(`${a.attribs['class'] ?? ''} ${a.attribs['id'] ?? ''}`.toLowerCase()), 12)) continue;
    if (++tried > 8) break;
    const t = textOf(c.el);
    if (t.length > 150) continue;
    const v = cleanByline(t);
    if (v && !isSiteName(v, ctx.siteNames)) return { text: v, rule: 'byline-class' };
  }
  return null;
}

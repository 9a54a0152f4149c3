// Byline: the author names as the page credits them. JSON-LD authors (people, not the
// publisher), then the author meta tags, then the visible byline (rel=author, itemprop=author,
// byline/author classes). Never a date, a URL or the publication's own name.
import { toIsoDate } from '../../../normalize/date.js';
import { hasAncestor, textOf, type Element } from './dom.js';
import { wordLength } from './compare.js';
import { ldString, typesOf, type LdNode } from './jsonld.js';
import { metaAll } from './metatags.js';
import { isSiteName } from './site-name.js';
import { shown, type PageContext } from './context.js';

export interface BylineResult { text: string; rule: string }

/** "By", "Von", "Par", … before the names (multilingual, as data would be: short and closed). */
const BY_PREFIX = /^(?:by|from|words by|written by|posted by|author|authors|von|par|por|di|de|door|av|af|przez|от|автор|автори|yazan|tekst)\s*[:\-–—]?\s+/i;
/** Class/id words of visible bylines. */
const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|by-?line|author|authors|author-?name|byline-?name|contributor|writer|article-?author|post-?author|entry-?author)(?:$|[\s_-])/;
const MAX_WORDS = 14;

/** A byline string cleaned of its "By" and of a trailing date or "Updated" stamp. */
export function cleanByline(raw: string): string | null {
  let s = raw.replace(/\s+/g, ' ').trim();
  s = s.replace(BY_PREFIX, '');
  if (toIsoDate(s) !== null) return null;
  // "Jane Doe | Jan 3, 2020", "Jane Doe, Updated 5:00 PM"
  s = s.replace(/\s*(?:[|•·,]|\s[-–—]\s)\s*(?:updated|published|posted|last updated)?\s*[^|•·]*\d{4}.*$/i, '');
  s = s.replace(/\s*[|•·,;]+\s*$/, '').trim();
  if (s === '' || /^https?:\/\//i.test(s) || /@\w+\.\w+/.test(s) && wordLength(s) <= 1) return null;
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

export function extractByline(ctx: PageContext): BylineResult | null {
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
    ?? firstBylineClass(ctx, visible);
}

/** The first visible byline-classed element whose text reads as names (checked lazily: pages hold many). */
function firstBylineClass(ctx: PageContext, visible: (els: Element[]) => Element[]): BylineResult | null {
  let tried = 0;
  for (const c of ctx.scan.classed) {
    if (!BYLINE_CLASS.test(c.words) || !visible([c.el]).length) continue;
    if (++tried > 8) break;
    const t = textOf(c.el);
    if (t.length > 150) continue;
    const v = cleanByline(t);
    if (v && !isSiteName(v, ctx.siteNames)) return { text: v, rule: 'byline-class' };
  }
  return null;
}

// Publication date, returned raw (normalization reads it into ISO 8601). Structured data first:
// JSON-LD datePublished, then the meta tags publishers fill for social cards and news indexes,
// then the page's own <time> elements. Modification dates are never taken for publication dates.
import { toIsoDate } from '../../../normalize/date.js';
import { attr, hasAncestor, textOf } from './dom.js';
import { ldString } from './jsonld.js';
import { metaFirst } from './metatags.js';
import { shown, tagged, type PageContext } from './context.js';
import { wordLength } from './compare.js';
import type { HeadlineResult } from './headline.js';

export interface DateResult { text: string; rule: string }

/** Meta keys that carry the publication date, strongest first. */
const META_KEYS = [
  'article:published_time', 'og:article:published_time', 'article:published', 'datepublished',
  'publishdate', 'publish-date', 'publish_date', 'published_time', 'pubdate', 'parsely-pub-date',
  'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created',
  'date', 'og:pubdate', 'article.published', 'cxenseparse:recs:publishtime', 'originalpublicationdate',
];

/** Class words of elements that show the article's own date. */
const DATE_CLASS = /(?:^|[\s_-])(?:published|pubdate|publish-?date|post-?date|entry-?date|article-?date|date-?published|dateline|timestamp)(?:$|[\s_-])/;
const MODIFIED = /(?:^|[\s_-])(?:updated|modified|last-?updated)(?:$|[\s_-])/;

const readable = (s: string | null | undefined): s is string => !!s && toIsoDate(s) !== null;

export function extractPublished(ctx: PageContext, head?: HeadlineResult | null): DateResult | null {
  for (const a of ctx.articles) {
    const v = ldString(a['datePublished']);
    if (readable(v)) return { text: v, rule: 'json-ld' };
  }
  for (const k of META_KEYS) {
    const v = metaFirst(ctx.meta, k)?.value;
    if (readable(v)) return { text: v, rule: `meta:${k}` };
  }
  // Microdata on visible elements.
  for (const el of ctx.scan.itemprop.filter((e) => /(?:^|\s)datePublished(?:\s|$)/.test(e.attribs['itemprop'] ?? ''))) {
    const v = attr(el, 'datetime') ?? attr(el, 'content') ?? textOf(el);
    if (readable(v)) return { text: v, rule: 'itemprop' };
  }
  // <time pubdate>, then <time> in a date-classed element, then the first <time> that is not
  // an "updated" stamp.
  const times = tagged(ctx, 'time').filter((t) => shown(ctx, t) || attr(t, 'datetime'));
  const pick = (test: (t: (typeof times)[number]) => boolean) => times.find((t) => test(t) && readable(attr(t, 'datetime') ?? textOf(t)));
  const t = pick((t) => t.attribs['pubdate'] !== undefined)
    ?? pick((t) => hasAncestor(t, (a) => DATE_CLASS.test(`${a.attribs['class'] ?? ''} ${a.attribs['id'] ?? ''}`.toLowerCase()), 3))
    ?? pick((t) => !hasAncestor(t, (a) => MODIFIED.test(`${a.attribs['class'] ?? ''} ${a.attribs['id'] ?? ''}`.toLowerCase()), 3));
  if (t) return { text: attr(t, 'datetime') ?? textOf(t), rule: 'time' };
  for (const a of ctx.articles) {
    const v = ldString(a['dateCreated']);
    if (readable(v)) return { text: v, rule: 'json-ld:dateCreated' };
  }
  // A visible date-classed element without <time>.
  for (const { el, words } of ctx.scan.classed.filter((c) => DATE_CLASS.test(c.words)).slice(0, 20)) {
    if (MODIFIED.test(words) || !shown(ctx, el)) continue;
    const v = textOf(el);
    if (v.length <= 80 && readable(v)) return { text: v, rule: 'date-class' };
  }
  return dateNearHeadline(ctx, head);
}

/** "Updated …", "Modified …" in any of a few languages: a later date than publication. */
const UPDATED_WORD = /\b(?:updated?|modified|last updated|aktualisiert|mis à jour|actualizado|atualizado|aggiornato)\b/iu;

/**
 * A short date line shown around the headline ("Published March 9, 2017", "Jan 18, 2019",
 * "Licat on June 5, 2023"), for pages without date markup. A line that only gives the update
 * time is taken last.
 */
function dateNearHeadline(ctx: PageContext, head: HeadlineResult | null | undefined): DateResult | null {
  if (!head?.lines) return null;
  const L = ctx.scan.lines;
  let updated: DateResult | null = null;
  for (let i = Math.max(0, head.lines.start - 4); i < Math.min(L.length, head.lines.end + 10); i++) {
    if (i >= head.lines.start && i < head.lines.end) continue;
    const t = L[i]!.text;
    if (t.length > 120 || wordLength(t) > 16 || L[i]!.inFigure || !readable(t)) continue;
    // "Published … Updated …" on one line: the part before the update.
    const cut = UPDATED_WORD.exec(t);
    if (cut && cut.index > 0 && readable(t.slice(0, cut.index))) return { text: t.slice(0, cut.index).trim(), rule: 'date-line' };
    if (cut) { updated ??= { text: t, rule: 'date-line' }; continue; }
    return { text: t, rule: 'date-line' };
  }
  return updated;
}

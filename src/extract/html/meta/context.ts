// Everything the field extractors read, gathered once per page: one walk over the tree (visible
// lines and an element index), meta tags, JSON-LD, site names. Read-only afterwards.
import type { CheerioAPI } from 'cheerio/slim';
import { articleNodes, ldString, pageNodes, readJsonLd, typesOf, type LdNode } from './jsonld.js';
import { metaFirst, readMetaTags, type MetaTags } from './metatags.js';
import { scanPage, type PageScan } from './scan.js';
import { hostName } from './site-name.js';
import { sameText, wordLength } from './compare.js';
import type { Element } from './dom.js';

export interface PageContext {
  $: CheerioAPI;
  scan: PageScan;
  meta: MetaTags;
  ld: LdNode[];
  /** Article-typed JSON-LD nodes, the page's own first. */
  articles: LdNode[];
  /** WebPage-typed JSON-LD nodes. */
  pages: LdNode[];
  /** Names the publication goes by (og:site_name, JSON-LD publisher, host name). */
  siteNames: string[];
  /** The <title> text. */
  title: string | null;
}

export function buildContext($: CheerioAPI): PageContext {
  const scan = scanPage($.root()[0]!);
  const tags = (name: string) => scan.byTag.get(name) ?? [];
  const meta = readMetaTags(tags('meta'));
  const ld = readJsonLd(tags('script'));
  const articles = articleNodes(ld);
  const pages = pageNodes(ld);
  const titleEl = tags('title').find((t) => !t.parent || (t.parent as Element).name !== 'svg');
  const title = titleEl ? titleEl.children.map((c) => (c.type === 'text' ? c.data : '')).join('').replace(/\s+/g, ' ').trim() || null : null;
  const canonical = tags('link').find((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.attribs['rel'] ?? ''))?.attribs['href'] ?? null;
  const ctx = { $, scan, meta, ld, articles, pages, title, siteNames: [] as string[] };
  // A "site name" that is the page title (misused application-name) or a sentence is no name.
  const titles = [title, metaFirst(meta, 'og:title')?.value].filter((t): t is string => !!t);
  ctx.siteNames = siteNamesOf(meta, ld, articles, canonical ?? metaFirst(meta, 'og:url')?.value ?? null)
    .filter((n) => wordLength(n) <= 6 && !titles.some((t) => sameText(t, n)));
  return ctx;
}

/** Elements of a tag, from the one walk. */
export const tagged = (ctx: PageContext, name: string): Element[] => ctx.scan.byTag.get(name) ?? [];

/** Shown to a reader (not hidden, not inside something hidden). */
export const shown = (ctx: PageContext, el: Element): boolean => !ctx.scan.hidden.has(el);

function siteNamesOf(meta: MetaTags, ld: LdNode[], articles: LdNode[], url: string | null): string[] {
  const names: string[] = [];
  const add = (s: string | null | undefined) => {
    const v = s?.trim();
    if (v && v.length <= 80 && !names.includes(v)) names.push(v);
  };
  add(metaFirst(meta, 'og:site_name')?.value);
  add(metaFirst(meta, 'application-name')?.value);
  add(metaFirst(meta, 'apple-mobile-web-app-title')?.value);
  add(metaFirst(meta, 'al:ios:app_name', 'al:android:app_name')?.value);
  for (const a of articles.slice(0, 1)) add(ldString(a['publisher']));
  for (const n of ld) {
    const t = typesOf(n);
    if (t.includes('website') || t.includes('newsmediaorganization')) add(ldString(n['name']));
  }
  // Twitter handles ("@nytimes") spell the site name without spaces, which is how we compare.
  const handle = metaFirst(meta, 'twitter:site')?.value;
  if (handle) add(handle.replace(/^@/, ''));
  add(hostName(url));
  return names;
}

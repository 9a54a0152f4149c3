// schema.org JSON-LD: every <script type="application/ld+json"> parsed (broken ones repaired or
// skipped), flattened into a list of typed nodes (@graph, arrays and nested objects included),
// and the article node picked out. Nothing here throws on a weird page.
import type { Element } from './dom.js';
import { decodeEntities, normalizeInline } from '../../../normalize/text.js';

export type LdNode = Record<string, unknown>;

/** Article-like types whose headline/author/date describe the page's own story. */
const ARTICLE_TYPE = /^(?:\w*article|blogposting|socialmediaposting|liveblogposting|posting|report|review|recipe|howto|creativework|newsarticle|qapage|discussionforumposting)$/i;
/** Weaker: the page itself, whose name is often the headline with a site suffix. */
const PAGE_TYPE = /^(?:webpage|itempage|aboutpage|medicalwebpage)$/i;

// Enough to read real pages; a pathological document cannot make us walk forever.
const MAX_NODES = 2000;
const MAX_DEPTH = 12;

/** All typed objects of the page's JSON-LD, in document order. */
export function readJsonLd(scripts: readonly Element[]): LdNode[] {
  const out: LdNode[] = [];
  for (const el of scripts) {
    const type = (el.attribs['type'] ?? '').toLowerCase();
    if (!type.includes('ld+json')) continue;
    const raw = el.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
    const data = parseLoose(raw);
    if (data !== undefined) collect(data, out, 0);
    if (out.length >= MAX_NODES) break;
  }
  return out;
}

/**
 * JSON.parse, then a second try after the usual breakage of hand-written JSON-LD: HTML comment
 * or CDATA wrappers, raw newlines/tabs inside strings, trailing commas. Undefined when hopeless.
 */
export function parseLoose(raw: string): unknown {
  const text = raw.trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch { /* repaired below */ }
  const fixed = text
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .replace(/[\u0000-\u001f]+/g, ' ')
    .replace(/,\s*([}\]])/g, '$1')
    .replace(/;\s*$/, '');
  try {
    return JSON.parse(fixed);
  } catch {
    return undefined;
  }
}

function collect(v: unknown, out: LdNode[], depth: number): void {
  if (depth > MAX_DEPTH || out.length >= MAX_NODES || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) collect(x, out, depth + 1);
    return;
  }
  const o = v as LdNode;
  if (o['@type'] !== undefined) out.push(o);
  for (const [k, x] of Object.entries(o)) {
    if (k === '@context') continue;
    if (x !== null && typeof x === 'object') collect(x, out, depth + 1);
  }
}

/** The node's types, lower-cased, without a schema.org prefix. */
export function typesOf(n: LdNode): string[] {
  const t = n['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, '').toLowerCase());
}

export const isArticleNode = (n: LdNode) => typesOf(n).some((t) => ARTICLE_TYPE.test(t));
export const isPageNode = (n: LdNode) => typesOf(n).some((t) => PAGE_TYPE.test(t));

/** A plain string from a JSON-LD value: a string, {@value}, {name}, or the first of a list. */
export function ldString(v: unknown): string | null {
  if (typeof v === 'string') {
    const s = normalizeInline(v.includes('&') ? decodeEntities(v) : v);
    return s === '' ? null : s;
  }
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = ldString(x);
      if (s) return s;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    const o = v as LdNode;
    return ldString(o['@value'] ?? o['name']);
  }
  return null;
}

/** Every string of a value that may be a list (keywords, articleSection, author). */
export function ldStrings(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of list) {
    const s = ldString(x);
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

/**
 * The node describing the page's own article: the first article-typed node, preferring one
 * that carries a headline. Pages embed related stories too, but their own comes first in
 * every layout we have seen, and the headline extractor double-checks it against the <h1>.
 */
export function articleNodes(nodes: readonly LdNode[]): LdNode[] {
  const arts = nodes.filter(isArticleNode);
  const withHead = arts.filter((n) => ldString(n['headline']) || ldString(n['name']));
  return withHead.length ? withHead : arts;
}

export function pageNodes(nodes: readonly LdNode[]): LdNode[] {
  return nodes.filter(isPageNode);
}

/** Page types that say "this is a list of things", not one article. */
const LISTING_TYPE = /^(?:collectionpage|searchresultspage|profilepage|itemlist)$/;

/**
 * The structured data declares a listing page and no article: a section front, a search
 * result, an author page. (Article pages often embed an ItemList of related stories, so the
 * listing only counts when no article node exists.)
 */
export function declaresListing(nodes: readonly LdNode[]): boolean {
  return !nodes.some(isArticleNode) && nodes.some((n) => typesOf(n).some((t) => LISTING_TYPE.test(t)));
}

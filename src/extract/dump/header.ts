// Metadata that a dump states outright rather than shows: Markdown front matter, a leading
// JSON block, or the "Title: … / URL Source: … / Published Time: …" header lines some
// scrapers write before the content. Each is a *format*, recognised by its shape and its
// keys, never by where a file came from.
import type { MetaField } from '../../types.js';

/** Fields stated by a header, and which kind of header said so (for provenance). */
export interface DocMeta {
  fields: Partial<Record<MetaField, string>>;
  /** Provenance label, e.g. "md:front-matter", "md:json-header", "text:header". */
  source: string;
}

// Header keys → fields, lower-cased with spaces/underscores/dashes removed.
const KEYS: Record<string, MetaField> = {
  title: 'headline', headline: 'headline', name: 'headline',
  subtitle: 'deck', subheadline: 'deck', description: 'deck', summary: 'deck', excerpt: 'deck',
  deck: 'deck', dek: 'deck', standfirst: 'deck', lede: 'deck', abstract: 'deck',
  section: 'tag', category: 'tag', categories: 'tag', tags: 'tag', tag: 'tag', kicker: 'tag', topic: 'tag', topics: 'tag', articlesection: 'tag',
  author: 'byline', authors: 'byline', byline: 'byline', creator: 'byline', by: 'byline', writer: 'byline',
  date: 'published', published: 'published', publishedtime: 'published', publishdate: 'published', pubdate: 'published',
  publishedat: 'published', datepublished: 'published', created: 'published', createdat: 'published', time: 'published',
  lang: 'lang', language: 'lang', locale: 'lang', inlanguage: 'lang',
  url: 'url', urlsource: 'url', source: 'url', canonical: 'url', canonicalurl: 'url', permalink: 'url', link: 'url', sourceurl: 'url',
};

// When several keys give one field, the more specific wins: "section" over "tags",
// "subtitle" over "description", "published" over "date".
const PRIORITY: Record<string, number> = {
  section: 5, kicker: 5, articlesection: 5, category: 4, categories: 3, tag: 2, tags: 2, topic: 2, topics: 1,
  subtitle: 5, subheadline: 5, deck: 5, dek: 5, standfirst: 5, description: 3, summary: 2, excerpt: 2, lede: 2, abstract: 1,
  headline: 5, title: 4, name: 1,
  published: 5, publishedtime: 5, datepublished: 5, publishdate: 5, pubdate: 4, publishedat: 4, date: 3, created: 2, createdat: 2, time: 1,
  canonical: 5, canonicalurl: 5, url: 4, urlsource: 4, permalink: 3, sourceurl: 3, source: 2, link: 1,
};

export const normalizeKey = (k: string): string => k.toLowerCase().replace(/[\s_-]+/g, '');

/** A header value as one string: lists become their first item (tags) or a joined list (authors). */
function valueToString(field: MetaField, v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (Array.isArray(v)) {
    const items = v.map((x) => valueToString(field, x)).filter((x): x is string => x !== null);
    if (items.length === 0) return null;
    // One tag is the section label; several authors are one byline.
    return field === 'byline' ? items.join(', ') : items[0]!;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return valueToString(field, o.name ?? o.title ?? o.value ?? o.url ?? null);
  }
  return null;
}

/** Map a parsed key/value object (front matter, JSON header) onto fields. */
export function fieldsFromObject(obj: Record<string, unknown>): Partial<Record<MetaField, string>> {
  const out: Partial<Record<MetaField, string>> = {};
  const rank: Partial<Record<MetaField, number>> = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = normalizeKey(k);
    const field = KEYS[key];
    if (!field) continue;
    const value = valueToString(field, v);
    if (value === null) continue;
    const p = PRIORITY[key] ?? 0;
    if (rank[field] === undefined || p > rank[field]!) { out[field] = value; rank[field] = p; }
  }
  return out;
}

// "Title: …", "URL Source: …", "Published Time: …", then "Markdown Content:" or a blank run.
const HEADER_LINE = /^([A-Za-z][A-Za-z _-]{1,30}):[ \t]*(.*)$/;
const CONTENT_MARKER = /^(?:markdown|text|html)?\s*content:\s*$/i;

/**
 * Leading "Key: value" header lines with known keys (at least two, one of them a title or
 * URL), up to a "Markdown Content:" marker or the first line that is not a header.
 * Returns the fields and the number of lines consumed, or null when the text has no header.
 */
export function parseHeaderLines(lines: readonly string[]): { meta: DocMeta; consumed: number } | null {
  const obj: Record<string, unknown> = {};
  let known = 0, i = 0, last = 0;
  for (; i < lines.length && i < 40; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (CONTENT_MARKER.test(line)) { last = i + 1; break; }
    const m = HEADER_LINE.exec(line);
    if (!m || !KEYS[normalizeKey(m[1]!)]) break;
    obj[m[1]!] = m[2]!;
    known++;
    last = i + 1;
  }
  const fields = fieldsFromObject(obj);
  if (known < 2 || (fields.headline === undefined && fields.url === undefined)) return null;
  return { meta: { fields, source: 'text:header' }, consumed: last };
}

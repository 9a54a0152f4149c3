// Extraction (raw values from one format extractor) → Article (the normalized row).
import type { Article, Extraction, Format } from '../types.js';
import { contentHash } from './hash.js';
import { wordCount } from './count.js';
import { toIsoDate } from './date.js';
import { decodeEntities, joinParagraphs, normalizeField } from './text.js';

export interface ArticleContext {
  source: string;
  format: Format;
  /** Text that never went through an HTML parser may still carry entities. */
  decodeEntities: boolean;
}

/** "EN_us" → "en-US"; anything that is not a language tag → null. */
export function normalizeLang(lang: string | null): string | null {
  const v = normalizeField(lang)?.replace(/_/g, '-');
  if (!v || !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(v)) return null;
  const [primary, ...rest] = v.split('-');
  return [primary!.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p.length === 4 ? p[0]!.toUpperCase() + p.slice(1).toLowerCase() : p.toLowerCase()))].join('-');
}

export function normalizeUrl(url: string | null): string | null {
  const v = normalizeField(url);
  if (!v) return null;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function toArticle(x: Extraction, ctx: ArticleContext): Article {
  const dec = (s: string | null) => (s !== null && ctx.decodeEntities ? decodeEntities(s) : s);
  const headline = normalizeField(dec(x.headline));
  const body = joinParagraphs(x.body.map((b) => dec(b) ?? ''));
  const published = normalizeField(x.published);
  return {
    id: null,
    source: ctx.source,
    format: ctx.format,
    url: normalizeUrl(x.url),
    tag: normalizeField(dec(x.tag)),
    headline,
    deck: normalizeField(dec(x.deck)),
    byline: normalizeField(dec(x.byline)),
    published: toIsoDate(published),
    lang: normalizeLang(x.lang),
    body,
    word_count: wordCount(body),
    content_hash: contentHash(headline, body),
    ingested_at: null,
    provenance: x.provenance,
  };
}

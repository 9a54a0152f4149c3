// Article ⇄ SQL row. The only difference is provenance: an object in TypeScript, JSON text in SQL.
import { ARTICLE_COLUMNS, FORMATS, type Article, type Format, type Provenance } from '../types.js';

/** The row as SQLite returns it (SELECT of ROW_COLUMNS): Article with provenance as JSON text. */
export type ArticleRow = Omit<Article, 'id' | 'format' | 'ingested_at' | 'provenance'> & {
  id: number;
  format: string;
  ingested_at: string;
  provenance: string;
};

/** The column list every read uses, in ARTICLE_COLUMNS order (updated_at is internal). */
export const ROW_COLUMNS = ARTICLE_COLUMNS.join(', ');

/**
 * Provenance as stored: keys sorted, so the same provenance always gives the same text and a
 * re-ingest whose extractor merely listed fields in another order is not reported as "updated".
 */
export function provenanceJson(p: Provenance | null | undefined): string {
  const src = (p ?? {}) as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(src).sort()) if (src[k] !== undefined) sorted[k] = src[k];
  return JSON.stringify(sorted);
}

function parseProvenance(text: string): Provenance {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Provenance) : {};
  } catch {
    return {};
  }
}

const asFormat = (f: string): Format => ((FORMATS as readonly string[]).includes(f) ? (f as Format) : 'text');

export function rowToArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    source: r.source,
    format: asFormat(r.format),
    url: r.url,
    tag: r.tag,
    headline: r.headline,
    deck: r.deck,
    byline: r.byline,
    published: r.published,
    lang: r.lang,
    body: r.body,
    word_count: r.word_count,
    content_hash: r.content_hash,
    ingested_at: r.ingested_at,
    provenance: parseProvenance(r.provenance),
  };
}

/** Named parameters for the write statements (better-sqlite3 binds `@name`). */
export type ArticleParams = Omit<ArticleRow, 'id' | 'ingested_at'>;

export function articleParams(a: Article): ArticleParams {
  return {
    source: a.source,
    format: a.format,
    url: a.url ?? null,
    tag: a.tag ?? null,
    headline: a.headline ?? null,
    deck: a.deck ?? null,
    byline: a.byline ?? null,
    published: a.published ?? null,
    lang: a.lang ?? null,
    body: a.body,
    word_count: a.word_count,
    content_hash: a.content_hash,
    provenance: provenanceJson(a.provenance),
  };
}

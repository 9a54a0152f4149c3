// The one record type: its keys are the JSON keys the CLI prints and the column names in SQLite.

export const FORMATS = ['html', 'text', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** Fields an extractor can fill; every one may be unknown (null). */
export const META_FIELDS = ['tag', 'headline', 'deck', 'byline', 'published', 'url', 'lang'] as const;
export type MetaField = (typeof META_FIELDS)[number];

/** Which rule chose each field, e.g. { headline: "h1", deck: "text:line-3" }. */
export type Provenance = Partial<Record<MetaField | 'body', string>>;

/**
 * What a format extractor returns: raw field values (not yet normalized) and the body as an
 * ordered list of blocks (paragraphs, headings, list items, quotes), one string each.
 */
export interface Extraction {
  tag: string | null;
  headline: string | null;
  deck: string | null;
  byline: string | null;
  /** As found on the page; normalization turns it into ISO 8601 when it can. */
  published: string | null;
  url: string | null;
  lang: string | null;
  body: string[];
  provenance: Provenance;
  /** Set by the extractor when it knows the page is not an article (listing, gallery). */
  notArticle?: boolean;
}

export type Mode = 'precision' | 'balanced' | 'recall';

/** User rules (`--rules FILE`): teach lede a site without code. */
export interface Rules {
  /** Extra boilerplate phrases (matched like the built-in list: whole short lines/blocks). */
  boilerplate?: string[];
  /** CSS selectors removed from HTML before body scoring. */
  remove?: string[];
  /** Per-field CSS selectors tried first on HTML (first match wins). */
  selectors?: Partial<Record<MetaField | 'body', string[]>>;
}

export interface ExtractOptions {
  mode: Mode;
  rules: Rules;
  /** Tag to use when the page shows none (e.g. the parent folder's name); null = off. */
  fallbackTag: string | null;
}

export const DEFAULT_EXTRACT_OPTIONS: ExtractOptions = { mode: 'balanced', rules: {}, fallbackTag: null };

export type Status = 'ok' | 'no_body' | 'error';

/** One article row; the JSON keys printed by the CLI are exactly these column names. */
export interface Article {
  id: number | null;
  source: string;
  format: Format;
  url: string | null;
  tag: string | null;
  headline: string | null;
  deck: string | null;
  byline: string | null;
  published: string | null;
  lang: string | null;
  body: string;
  word_count: number;
  content_hash: string;
  ingested_at: string | null;
  provenance: Provenance;
}

export const ARTICLE_COLUMNS = [
  'id', 'source', 'format', 'url', 'tag', 'headline', 'deck', 'byline', 'published', 'lang',
  'body', 'word_count', 'content_hash', 'ingested_at', 'provenance',
] as const satisfies readonly (keyof Article)[];

/** What `lede extract` prints per input: the article keys plus status and error. */
export interface ExtractResult extends Omit<Article, 'format'> {
  /** null only when the input could not be read or decoded at all. */
  format: Format | null;
  status: Status;
  error: string | null;
}

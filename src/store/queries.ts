// Read queries: filtered listing and the counts behind `lede stats`.
import type Database from 'better-sqlite3';
import type { Article, Format } from '../types.js';
import { QueryError } from './errors.js';
import { ROW_COLUMNS, rowToArticle, type ArticleRow } from './rows.js';

export interface ListOptions {
  /** At most this many rows; unset = all. */
  limit?: number;
  offset?: number;
  /** Exact tag, ignoring ASCII case ("politics" finds "Politics"). */
  tag?: string;
  format?: Format;
  /** A language or its primary subtag: "en" finds "en" and "en-GB". */
  lang?: string;
  /** Published on or after this ISO 8601 date/time; undated articles are left out. */
  since?: string;
  /** By id (= ingest order): 'asc' (default, stable for paging with offset) or 'desc' (newest first). */
  order?: 'asc' | 'desc';
}

export interface StatsBucket {
  /** The tag/format/lang value; null groups the rows that have none. */
  key: string | null;
  count: number;
}

export interface Stats {
  total: number;
  byTag: StatsBucket[];
  byFormat: StatsBucket[];
  byLang: StatsBucket[];
  /** Sum of word_count over all articles. */
  words: number;
}

/** Published dates are ISO 8601 text, so "since" is a string comparison, which needs an ISO prefix. */
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

const FILTERS = {
  tag: 'tag = @tag COLLATE NOCASE',
  format: 'format = @format',
  lang: "(lang = @lang COLLATE NOCASE OR substr(lang, 1, length(@lang) + 1) = (@lang || '-') COLLATE NOCASE)",
  since: 'published >= @since',
} as const;
type Filter = keyof typeof FILTERS;

function checkCount(name: string, v: number | undefined): void {
  if (v !== undefined && (!Number.isInteger(v) || v < 0)) throw new QueryError(`${name} must be a whole number ≥ 0, not ${v}`);
}

/** Builds the statement for one combination of filters; the caller caches it by that combination. */
export function listSql(filters: readonly Filter[], order: 'asc' | 'desc'): string {
  const where = filters.length ? `WHERE ${filters.map((f) => FILTERS[f]).join(' AND ')}` : '';
  return `SELECT ${ROW_COLUMNS} FROM articles ${where} ORDER BY id ${order === 'desc' ? 'DESC' : 'ASC'} LIMIT @limit OFFSET @offset`;
}

export class Queries {
  /** Prepared statements per filter combination (at most 2⁴ × 2), built on first use. */
  private readonly listCache = new Map<string, Database.Statement<[Record<string, unknown>], ArticleRow>>();
  private readonly total: Database.Statement<[], { total: number; words: number }>;
  private readonly countAll: Database.Statement<[], number>;
  private readonly groups: Record<'tag' | 'format' | 'lang', Database.Statement<[], StatsBucket>>;

  constructor(private readonly db: Database.Database) {
    this.total = db.prepare('SELECT count(*) AS total, coalesce(sum(word_count), 0) AS words FROM articles');
    this.countAll = db.prepare<[], number>('SELECT count(*) FROM articles').pluck();
    const group = (col: string) =>
      db.prepare<[], StatsBucket>(`SELECT ${col} AS key, count(*) AS count FROM articles GROUP BY ${col} ORDER BY count DESC, key IS NULL, key`);
    this.groups = { tag: group('tag'), format: group('format'), lang: group('lang') };
  }

  list(opts: ListOptions = {}): Article[] {
    checkCount('limit', opts.limit);
    checkCount('offset', opts.offset);
    if (opts.since !== undefined && !ISO_DATE.test(opts.since)) {
      throw new QueryError(`since must be an ISO 8601 date such as 2024-05-01, not ${JSON.stringify(opts.since)}`);
    }
    const filters = (Object.keys(FILTERS) as Filter[]).filter((f) => opts[f] !== undefined && opts[f] !== null);
    const order = opts.order === 'desc' ? 'desc' : 'asc';
    const key = `${filters.join(',')}|${order}`;
    let stmt = this.listCache.get(key);
    if (!stmt) {
      stmt = this.db.prepare(listSql(filters, order));
      this.listCache.set(key, stmt);
    }
    const params: Record<string, unknown> = { limit: opts.limit ?? -1, offset: opts.offset ?? 0 };
    for (const f of filters) params[f] = opts[f];
    return stmt.all(params).map(rowToArticle);
  }

  stats(): Stats {
    const { total, words } = this.total.get()!;
    return {
      total,
      byTag: this.groups.tag.all(),
      byFormat: this.groups.format.all(),
      byLang: this.groups.lang.all(),
      words,
    };
  }

  count(): number {
    return this.countAll.get()!;
  }
}

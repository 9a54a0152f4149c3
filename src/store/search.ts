// Full-text search over headline, deck and body: FTS5 MATCH ranked by weighted bm25, with a
// one-line snippet around the hits.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Article } from '../types.js';
import { QueryError, reasonOf, StoreError } from './errors.js';
import { ROW_COLUMNS, rowToArticle, type ArticleRow } from './rows.js';

export interface SearchHit {
  article: Article;
  /** FTS5's bm25 score: more negative is a better match; hits come best first. */
  rank: number;
  /** The snippet with the caller's marks around each hit. */
  snippet: string;
  /** The same snippet as pieces, so a caller can mark hits in a way stored text cannot forge. */
  parts: SnippetPart[];
}

export interface SnippetPart {
  text: string;
  /** A matching term, as FTS5 marked it. */
  hit: boolean;
}

export interface SearchOptions {
  limit?: number;
  /** Strings put around each matching term in the snippet. */
  mark?: [string, string];
}

export const DEFAULT_SEARCH_LIMIT = 20;
const DEFAULT_MARK: [string, string] = ['[', ']'];

/**
 * bm25 column weights (headline, deck, body): a term in the headline says far more about what an
 * article is about than the same term somewhere in a long body.
 */
export const RANK_WEIGHTS = [10, 4, 1] as const;

/** Tokens of context a snippet shows; FTS5 caps it at 64. */
const SNIPPET_TOKENS = 20;

// FTS5 writes its marks into the text, so a row holding the mark characters would pass its own
// characters off as hits (rows from --from-jsonl are stored as given, control characters and
// all). The marks therefore hold 96 random bits drawn afresh for each search, which no stored
// text can anticipate: a column holds a hit exactly when it holds the open mark.
interface Marks { open: string; close: string }
const freshMarks = (): Marks => {
  const nonce = randomBytes(12).toString('hex');
  return { open: `\u0001${nonce}\u0002`, close: `\u0002${nonce}\u0001` };
};

// Ranked in a subquery that reads only rowid and score, then the columns, highlight and snippets
// for the LIMIT rows alone: with everything in one SELECT, SQLite computes every result column of
// every match before sorting, so a word found in most articles built a snippet and read the body
// of each of them (470 ms for "report" on 20,000 rows, 33 ms this way). CROSS JOIN keeps the
// ranked rows outermost, so the second MATCH is a lookup by rowid, not a second scan.
const SEARCH_SQL = `
  SELECT ${ROW_COLUMNS.split(', ').map((c) => 'a.' + c).join(', ')},
         top.score,
         highlight(articles_fts, 0, @open, @close) AS hl_headline,
         snippet(articles_fts, 1, @open, @close, '…', ${SNIPPET_TOKENS}) AS sn_deck,
         snippet(articles_fts, 2, @open, @close, '…', ${SNIPPET_TOKENS}) AS sn_body
  FROM (SELECT rowid AS id, bm25(articles_fts, ${RANK_WEIGHTS.join(', ')}) AS score
        FROM articles_fts WHERE articles_fts MATCH @query
        ORDER BY score, rowid LIMIT @limit) AS top
  CROSS JOIN articles_fts CROSS JOIN articles a
  WHERE articles_fts MATCH @query AND articles_fts.rowid = top.id AND a.id = top.id
  ORDER BY top.score, top.id`;

type SearchRow = ArticleRow & { score: number; hl_headline: string | null; sn_deck: string | null; sn_body: string | null };

/**
 * What makes a query an FTS5 expression: quotes, parentheses, `*` (prefix), `^` (initial token),
 * `{` `}` (column sets), a `+` standing alone (phrase join), `name:` right after a word that could be
 * a column, and the keywords AND OR NOT NEAR in capitals. A query with none of them is plain words as
 * people type them ("de Blasio's plan", "covid-19", "U.S. C++ 5:30pm"), where FTS5 would choke on the
 * apostrophe, hyphen, dots, pluses or colon; those are searched as quoted words instead, every word
 * required. Anything with syntax goes to FTS5 as written, and its errors are the user's to see
 * (with a hint): raw FTS5 stays available for whoever writes it.
 */
const FTS_SYNTAX = /["()*^{}]|(?:^|\s)\+(?:\s|$)|(?:^|[\s(])[A-Za-z_][A-Za-z0-9_]*\s*:|(?:^|\s)(?:AND|OR|NOT|NEAR)(?:\s|\(|$)/;

/** `de Blasio's` → `"de" "Blasio's"`: every word required, punctuation left to the tokenizer. */
export function toMatchExpression(query: string): string {
  if (FTS_SYNTAX.test(query)) return query;
  return query.trim().split(/\s+/).map((w) => `"${w}"`).join(' ');
}

const HINT = 'hint: quote words with "…" to search them as text; AND OR NOT need terms on both sides, NEAR(a b) its terms in parentheses, * ends a word';

/** FTS5's complaint about a query → one line saying what is wrong and what to do. */
export function queryErrorMessage(query: string, reason: string): string {
  const why = reason.replace(/^fts5: /, '');
  const column = /^no such column: (.*)$/.exec(why);
  const hint = column ? `hint: the columns are headline, deck and body; write "${column[1]}:…" in quotes to search it as text` : HINT;
  return `search: bad query syntax in ${JSON.stringify(query)}: ${why} (${hint})`;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A column as FTS5 marked it → plain text and hits, whitespace collapsed. */
function splitMarks(marked: string, marks: Marks): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, hit: boolean) => { if (text !== '') parts.push({ text, hit }); };
  const [before, ...rest] = collapse(marked).split(marks.open);
  push(before!, false);
  for (const piece of rest) {
    const end = piece.indexOf(marks.close);
    if (end < 0) push(piece, true);
    else {
      push(piece.slice(0, end), true);
      push(piece.slice(end + marks.close.length), false);
    }
  }
  return parts;
}

/** The body snippet when the body matched, else the headline, else the deck; else the body's start. */
export function pickSnippet(row: Pick<SearchRow, 'hl_headline' | 'sn_deck' | 'sn_body'>, marks: Marks): SnippetPart[] {
  const candidates = [row.sn_body, row.hl_headline, row.sn_deck];
  const chosen = candidates.find((s) => s?.includes(marks.open)) ?? row.sn_body ?? row.hl_headline ?? '';
  return splitMarks(chosen, marks);
}

const joinParts = (parts: SnippetPart[], mark: [string, string]) => parts.map((p) => (p.hit ? mark[0] + p.text + mark[1] : p.text)).join('');

export class Searcher {
  private readonly stmt: Database.Statement<[Record<string, unknown>], SearchRow>;

  constructor(private readonly db: Database.Database) {
    this.stmt = db.prepare(SEARCH_SQL);
  }

  search(query: string, opts: SearchOptions = {}): SearchHit[] {
    if (query.trim() === '') throw new QueryError('empty search query: give one or more words to look for');
    const limit = opts.limit ?? DEFAULT_SEARCH_LIMIT;
    if (!Number.isInteger(limit) || limit < 1) throw new QueryError(`search limit must be a whole number ≥ 1, not ${limit}`);
    const mark = opts.mark ?? DEFAULT_MARK;
    let rows: SearchRow[];
    const marks = freshMarks();
    try {
      rows = this.stmt.all({ query: toMatchExpression(query), limit, ...marks });
    } catch (err) {
      // SQLITE_ERROR is what FTS5 raises for the query text (syntax, unknown column); anything else
      // (locked, corrupt, I/O) is the database's fault, not the query's.
      if ((err as { code?: string }).code === 'SQLITE_ERROR') {
        throw new QueryError(queryErrorMessage(query, reasonOf(err)));
      }
      throw new StoreError(`cannot search database "${this.db.name}": ${reasonOf(err)}`);
    }
    return rows.map((r) => {
      const parts = pickSnippet(r, marks);
      return { article: rowToArticle(r), rank: r.score, snippet: joinParts(parts, mark), parts };
    });
  }
}

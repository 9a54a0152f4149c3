// How records look on stdout: JSON Lines with the column names as keys (in column order), CSV
// for spreadsheets, and a short human view for `show`. Stored text is whatever the inputs held
// (file names, --from-jsonl rows, another program's writes): the JSON goes through jsonText and
// every human view through terminalText, so no control character reaches a terminal.
import type { ChalkInstance } from 'chalk';
import type { SourceRow } from '../store/index.js';
import { ARTICLE_COLUMNS, META_FIELDS, type Article, type ExtractResult } from '../types.js';
import { jsonText, terminalText } from './terminal.js';

/** The row's columns; `lede show --json` adds the files that hold the article as `sources`. */
export function articleJson(a: Article, sources?: SourceRow[]): string {
  const o: Record<string, unknown> = {};
  for (const k of ARTICLE_COLUMNS) o[k] = a[k];
  if (sources) o.sources = sources.map(sourceObject);
  return jsonText(o);
}

const SOURCE_KEYS = ['path', 'status', 'error', 'article_id', 'size', 'mtime_ms', 'sha256', 'first_seen', 'last_seen'] as const;

function sourceObject(s: SourceRow): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const k of SOURCE_KEYS) o[k] = s[k];
  return o;
}

export const sourceJson = (s: SourceRow): string => jsonText(sourceObject(s));

const mtimeText = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString());

/** `lede list --sources`: path, status, article id, size, mtime, last seen — tab-separated. */
export function sourceLine(s: SourceRow): string {
  return [terminalText(s.path), s.status, s.article_id ?? '-', s.size ?? '-', mtimeText(s.mtime_ms), terminalText(s.last_seen)].join('\t');
}

export function resultJson(r: ExtractResult): string {
  const o: Record<string, unknown> = {};
  for (const k of ARTICLE_COLUMNS) o[k] = r[k];
  o.status = r.status;
  o.error = r.error;
  return jsonText(o);
}

/** RFC 4180: quote every field that needs it, double the quotes inside. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvHeader = (): string => ARTICLE_COLUMNS.join(',');
/**
 * A CSV line is data, kept verbatim for a file or a pipe; on a terminal (`forTerminal`) each field
 * is escaped as the other human views are (newlines in a body included: a screen, not a parser).
 */
export const csvRow = (a: Article, forTerminal = false): string =>
  ARTICLE_COLUMNS.map((k) => csvField(a[k])).map((f) => (forTerminal ? terminalText(f, { multiline: true }) : f)).join(',');

/** One line per article for `list`: id, date, tag, headline — tab-separated so `cut` works. */
export function listLine(a: Article): string {
  const t = (s: string | null | undefined, none: string) => (s == null ? none : terminalText(s));
  return [a.id, t(a.published?.slice(0, 10), '-'), t(a.tag, '-'), t(a.headline, '(no headline)')].join('\t');
}

/** `lede show`: the fields, where each came from, then the body. */
export function showText(a: Article, c: ChalkInstance, sources: SourceRow[] = []): string {
  const out: string[] = [];
  const t = (s: string) => terminalText(s);
  if (a.tag) out.push(c.cyan(t(a.tag.toUpperCase())));
  out.push(c.bold(a.headline == null ? '(no headline)' : t(a.headline)));
  if (a.deck) out.push(c.italic(t(a.deck)));
  out.push('');
  const meta: [string, string | number | null][] = [
    ['id', a.id], ['byline', a.byline], ['published', a.published], ['url', a.url], ['lang', a.lang],
    ['source', a.source], ['format', a.format], ['words', a.word_count], ['hash', a.content_hash], ['ingested', a.ingested_at],
  ];
  for (const [k, v] of meta) if (v !== null && v !== '') out.push(`${c.dim(k.padEnd(10))}${t(String(v))}`);
  const prov = [...META_FIELDS, 'body' as const].filter((f) => a.provenance[f]).map((f) => `${f}=${t(a.provenance[f]!)}`);
  if (prov.length) out.push(`${c.dim('found by'.padEnd(10))}${prov.join(', ')}`);
  // Every file that holds this article, the one it was first stored from included.
  sources.forEach((s, i) => out.push(`${c.dim((i === 0 ? 'sources' : '').padEnd(10))}${t(s.path)}${s.size !== null ? ` (${s.size} bytes, seen ${t(s.last_seen)})` : ''}`));
  out.push('', terminalText(a.body, { multiline: true }));
  return out.join('\n');
}

// The read-only commands over an existing database: list, show, search, export, stats.
import { createWriteStream, existsSync, openSync } from 'node:fs';
import { reasonOf } from '../../input/discover.js';
import { openStore, StoreError, type ListOptions, type SnippetPart, type SourceListOptions, type Store } from '../../store/index.js';
import { UsageError } from '../../errors.js';
import { EXIT, type CommandContext } from '../context.js';
import { articleJson, csvHeader, csvRow, listLine, showText, sourceJson, sourceLine } from '../format.js';
import { Output } from '../io.js';
import { jsonText, terminalText } from '../terminal.js';

/** Reading commands never create a database: a missing file is a mistake worth naming. */
export function openExisting(db: string): Store {
  if (db !== ':memory:' && !existsSync(db)) throw new StoreError(`${db}: no such database (run \`lede ingest\` first, or pass --db FILE)`);
  return openStore(db, { readonly: true });
}

async function withStore(db: string, fn: (store: Store) => Promise<number>): Promise<number> {
  const store = openExisting(db);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

export function listCommand(db: string, opts: ListOptions & { json: boolean }, ctx: CommandContext): Promise<number> {
  return withStore(db, async (store) => {
    for (const a of store.list(opts)) {
      await ctx.out.line(opts.json ? articleJson(a) : listLine(a));
      if (ctx.out.closed) break;
    }
    return EXIT.ok;
  });
}

export function parseId(raw: string): number {
  if (!/^\d+$/.test(raw)) throw new UsageError(`not an article id: ${JSON.stringify(raw)} (ids are whole numbers; see \`lede list\`)`);
  return Number(raw);
}

export function showCommand(db: string, rawId: string, opts: { json: boolean }, ctx: CommandContext): Promise<number> {
  const id = parseId(rawId);
  return withStore(db, async (store) => {
    const a = store.get(id);
    if (!a) {
      ctx.reporter.failure(`article ${id}`, `not found in ${db}`);
      return EXIT.someFailed;
    }
    const sources = store.sourcesOf(id);
    await ctx.out.line(opts.json ? articleJson(a, sources) : showText(a, ctx.color, sources));
    return EXIT.ok;
  });
}

/** `lede list --sources`: every input file the database has seen, by path. */
export function listSourcesCommand(db: string, opts: SourceListOptions & { json: boolean }, ctx: CommandContext): Promise<number> {
  return withStore(db, async (store) => {
    for (const s of store.listSources(opts)) {
      await ctx.out.line(opts.json ? sourceJson(s) : sourceLine(s));
      if (ctx.out.closed) break;
    }
    return EXIT.ok;
  });
}

export function searchCommand(db: string, query: string, opts: { json: boolean; limit: number }, ctx: CommandContext): Promise<number> {
  return withStore(db, async (store) => {
    // Bold on a colour terminal, brackets elsewhere. The snippet comes as pieces, each escaped on
    // its own, so the only control codes shown are these marks, and only around real hits.
    const bold = !opts.json && ctx.io.stdoutIsTTY && ctx.color.level > 0;
    const missing = store.unindexed();
    if (missing > 0) ctx.reporter.warn(`${missing} articles are not in the search index yet (an ingest is running, or was stopped); indexing them first`);
    const hits = store.search(query, { limit: opts.limit, mark: ['[', ']'] });
    for (const h of hits) {
      if (opts.json) {
        const row = JSON.parse(articleJson(h.article)) as Record<string, unknown>;
        await ctx.out.line(jsonText({ ...row, rank: h.rank, snippet: h.snippet }));
      } else {
        const headline = h.article.headline == null ? '(no headline)' : terminalText(h.article.headline);
        await ctx.out.line(`${h.article.id}\t${headline}\n\t${markedSnippet(h.parts, bold ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'])}`);
      }
      if (ctx.out.closed) break;
    }
    if (hits.length === 0) ctx.reporter.warn(`no matches for ${JSON.stringify(query)}`);
    return EXIT.ok;
  });
}

/** A snippet's pieces → escaped text with the given marks around the hits. */
export function markedSnippet(parts: readonly SnippetPart[], mark: [string, string]): string {
  return parts.map((p) => (p.hit ? mark[0] + terminalText(p.text) + mark[1] : terminalText(p.text))).join('');
}

function openForWriting(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (err) {
    throw new UsageError(`cannot write ${path}: ${reasonOf(err)}`);
  }
}

export function exportCommand(db: string, opts: { format: 'jsonl' | 'csv'; output: string | undefined }, ctx: CommandContext): Promise<number> {
  return withStore(db, async (store) => {
    const out = opts.output ? new Output(createWriteStream('', { fd: openForWriting(opts.output) })) : ctx.out;
    // CSV is data, verbatim in a file or pipe; only on a terminal are its fields escaped.
    const toTerminal = !opts.output && ctx.io.stdoutIsTTY;
    if (opts.format === 'csv') await out.line(csvHeader());
    let n = 0;
    for (const a of store.all()) {
      await out.line(opts.format === 'csv' ? csvRow(a, toTerminal) : articleJson(a));
      n++;
      if (out.closed) break;
    }
    if (opts.output) {
      await out.end();
      ctx.reporter.info(`wrote ${n} articles to ${opts.output}`);
    }
    return EXIT.ok;
  });
}

export function statsCommand(db: string, opts: { json: boolean }, ctx: CommandContext): Promise<number> {
  return withStore(db, async (store) => {
    const s = { ...store.stats(), sources: store.sourceStats() };
    if (opts.json) {
      await ctx.out.line(jsonText(s));
      return EXIT.ok;
    }
    const src = s.sources;
    const lines = [
      `${ctx.color.bold('articles')} ${s.total} (${s.words} words)`,
      `${ctx.color.bold('sources')}  ${src.total} files: ${src.ok} with an article, ${src.noBody} without a body, ${src.failed} failed; ${src.sharedArticles} articles held by more than one file`,
    ];
    const group = (title: string, rows: { key: string | null; count: number }[]) => {
      lines.push('', ctx.color.bold(title));
      for (const r of rows) lines.push(`${String(r.count).padStart(8)}  ${r.key === null ? '(none)' : terminalText(r.key)}`);
    };
    group('by format', s.byFormat);
    group('by lang', s.byLang);
    group('by tag', s.byTag);
    await ctx.out.line(lines.join('\n'));
    return EXIT.ok;
  });
}

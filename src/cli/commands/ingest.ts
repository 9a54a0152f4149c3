// `lede ingest`: extract and store, in batched transactions. A batch is written whole or not at
// all, so a crash never leaves a half-written row; re-running skips the files already stored and
// unchanged without reading them. Interrupted (Ctrl-C, SIGTERM), it stores what is already
// extracted and stops cleanly.
import { openStore, type Entry, type SaveResult, type SourceInfo, type Store } from '../../store/index.js';
import type { Article, ExtractResult } from '../../types.js';
import { EXIT, type CommandContext } from '../context.js';
import { articleJson } from '../format.js';
import { collectInputs, processInputs, type InputSpec, type Processed } from '../inputs.js';
import { watchInterrupts } from '../interrupt.js';
import { account, emptyTally, type Tally } from '../reporter.js';
import { resumePolicy, settingsFingerprint, type ResumeMode } from '../resume.js';
import { BatchWriter } from '../writer.js';

export interface IngestOptions {
  db: string;
  json: boolean;
  /** skip unchanged files unread (default), verify their bytes, or extract everything again. */
  resume?: ResumeMode;
  /** Defer the full-text index to the end in a bulk run (default); false indexes every batch. */
  deferIndex?: boolean;
}

/** Only successful results are stored, and those always know their format. */
export function toArticle(r: ExtractResult): Article {
  const { status: _s, error: _e, format, ...article } = r;
  if (format === null) throw new Error(`internal: stored result without a format (${r.source})`);
  return { ...article, format };
}

/** Count what the store did with an entry, name it with -v, print the row with --json. */
export function afterWrite(store: Store, tally: Tally, ctx: CommandContext, json: boolean) {
  return async (entry: Entry, res: SaveResult | null): Promise<void> => {
    let id: number | null = null;
    if (res) {
      tally[res.outcome]++;
      if (res.duplicate) tally.duplicate++;
      id = res.id;
      ctx.reporter.info(`${res.outcome} ${entry.kind === 'article' ? entry.article.source : ''} (id ${res.id}${res.duplicate ? ', already stored from another file' : ''})`);
    } else if (entry.kind === 'seen') {
      id = store.source(entry.path)?.article_id ?? null;
    }
    if (json && id !== null) {
      const row = store.get(id);
      if (row) await ctx.out.line(articleJson(row));
    }
  };
}

/** The store's entry for one processed input, after counting and reporting it; null if nothing to record. */
export function entryOf(p: Processed, settings: string | null, tally: Tally, ctx: CommandContext): Entry | null {
  if (p.unchanged) {
    tally.files++;
    if (p.result === null && p.file === null) tally.skipped++;
    if (p.unchanged.status === 'no_body') {
      tally.noBody++;
      ctx.reporter.failure(p.path!, `${p.unchanged.error ?? 'no article body found'} (unchanged since the last run); not stored`);
    } else {
      tally.unchanged++;
      ctx.reporter.info(`unchanged ${p.path} (id ${p.unchanged.article_id}${p.file ? ', same bytes' : ', not read'})`);
    }
    return { kind: 'seen', path: p.path!, file: p.file ?? {} };
  }
  const r = p.result!;
  const ok = account(r, tally, ctx.reporter, 'not stored');
  const source: SourceInfo | null = p.path === null ? null : {
    path: p.path, status: r.status, error: r.error, settings,
    file: p.file ?? { size: null, mtime_ms: null, sha256: null },
  };
  if (ok) return { kind: 'article', article: toArticle(r), source };
  return source ? { kind: 'failed', source } : null;
}

export async function ingestCommand(spec: InputSpec, opts: IngestOptions, ctx: CommandContext): Promise<number> {
  const paths = await collectInputs(spec, ctx.io);
  ctx.reporter.countInputs(paths, spec.extensions);
  const store: Store = openStore(opts.db); // StoreError → exit 3 in main
  const tally: Tally = emptyTally();
  const settings = settingsFingerprint(spec);
  const writer = new BatchWriter(store, afterWrite(store, tally, ctx, opts.json), opts.deferIndex === false ? Infinity : undefined);

  let leftToIndex = 0;
  const interrupt = watchInterrupts();
  const results = processInputs(paths, spec, ctx.io, resumePolicy(store, settings, opts.resume ?? 'skip'));
  try {
    // Waiting on the next result or a signal, whichever comes first: a signal must not wait for
    // a slow document to finish.
    for (;;) {
      const next = await interrupt.orStop(results.next());
      if (next === null || next.done) break;
      const entry = entryOf(next.value, settings, tally, ctx);
      if (entry) await writer.add(entry);
      ctx.reporter.progress(tally);
    }
    await writer.flush();
    if (!interrupt.signal) {
      const t0 = performance.now();
      let indexed = 0;
      for (const p of writer.index()) {
        indexed = p.done;
        ctx.reporter.indexProgress(p);
        // Lets a signal in between chunks: what is indexed stays indexed, a search does the rest.
        await new Promise((r) => setImmediate(r));
        if (interrupt.signal) break;
      }
      if (indexed > 0) ctx.reporter.info(`indexed ${indexed} articles for search in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    }
  } finally {
    interrupt.dispose();
    if (interrupt.signal) {
      try {
        leftToIndex = store.unindexed();
      } catch {
        // Only for the message below.
      }
    }
    store.close();
    // After a signal the generator may be waiting on a document; closing it would wait too. The
    // launcher exits right after, which ends the workers.
    if (!interrupt.signal) await results.return(undefined);
  }
  ctx.reporter.summary(tally, 'ingest');
  if (interrupt.signal) {
    ctx.reporter.clearProgress();
    const index = leftToIndex > 0 ? ` (${leftToIndex} of the stored articles are not indexed for search yet: the next run or search indexes them)` : '';
    ctx.io.stderr.write(`lede: interrupted by ${interrupt.signal}: what was read is stored${index}; run the same command again to store the rest\n`);
    return interrupt.exitCode();
  }
  return tally.failed + tally.noBody > 0 ? EXIT.someFailed : EXIT.ok;
}

// `lede ingest`: extract and store, in batched transactions. A batch is written whole or not at
// all, so a crash never leaves a half-written row; re-running skips what is already stored.
// Interrupted (Ctrl-C, SIGTERM), it stores what is already extracted and stops cleanly.
import { BATCH_SIZE } from '../../settings.js';
import { openStore, type Store } from '../../store/index.js';
import type { Article, ExtractResult } from '../../types.js';
import { EXIT, type CommandContext } from '../context.js';
import { articleJson } from '../format.js';
import { collectInputs, extractInputs, type InputSpec } from '../inputs.js';
import { watchInterrupts } from '../interrupt.js';
import { account, emptyTally, type Tally } from '../reporter.js';

export interface IngestOptions {
  db: string;
  json: boolean;
}

/** Only successful results are stored, and those always know their format. */
function toArticle(r: ExtractResult): Article {
  const { status: _s, error: _e, format, ...article } = r;
  if (format === null) throw new Error(`internal: stored result without a format (${r.source})`);
  return { ...article, format };
}

export async function ingestCommand(spec: InputSpec, opts: IngestOptions, ctx: CommandContext): Promise<number> {
  const paths = await collectInputs(spec, ctx.io);
  const store: Store = openStore(opts.db); // StoreError → exit 3 in main
  const tally: Tally = emptyTally();
  let batch: ExtractResult[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const outcomes = store.saveBatch(batch.map(toArticle));
    for (let i = 0; i < batch.length; i++) {
      const { outcome, id } = outcomes[i]!;
      tally[outcome]++;
      ctx.reporter.info(`${outcome} ${batch[i]!.source} (id ${id})`);
      if (opts.json) {
        const row = store.get(id);
        if (row) await ctx.out.line(articleJson(row));
      }
    }
    batch = [];
  };

  const interrupt = watchInterrupts();
  const results = extractInputs(paths, spec, ctx.io);
  try {
    // Waiting on the next result or a signal, whichever comes first: a signal must not wait for
    // a slow document to finish.
    const stopped = interrupt.received.then(() => null);
    for (;;) {
      const next = await Promise.race([results.next(), stopped]);
      if (next === null || next.done) break;
      const r = next.value;
      if (account(r, tally, ctx.reporter, 'not stored')) {
        batch.push(r);
        if (batch.length >= BATCH_SIZE) await flush();
      }
      ctx.reporter.progress(tally);
    }
    await flush();
  } finally {
    interrupt.dispose();
    store.close();
    // After a signal the generator may be waiting on a document; closing it would wait too. The
    // launcher exits right after, which ends the workers.
    if (!interrupt.signal) await results.return(undefined);
  }
  ctx.reporter.summary(tally, 'ingest');
  if (interrupt.signal) {
    ctx.reporter.clearProgress();
    ctx.io.stderr.write(`lede: interrupted by ${interrupt.signal}: what was read is stored; run the same command again to store the rest\n`);
    return interrupt.exitCode();
  }
  return tally.failed + tally.noBody > 0 ? EXIT.someFailed : EXIT.ok;
}

// `lede ingest`: extract and store, in batched transactions. A batch is written whole or not at
// all, so a crash never leaves a half-written row; re-running skips what is already stored.
import { BATCH_SIZE } from '../../settings.js';
import { openStore, type Store } from '../../store/index.js';
import type { Article, ExtractResult } from '../../types.js';
import { EXIT, type CommandContext } from '../context.js';
import { articleJson } from '../format.js';
import { collectInputs, extractInputs, type InputSpec } from '../inputs.js';
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

  try {
    for await (const r of extractInputs(paths, spec, ctx.io)) {
      if (account(r, tally, ctx.reporter, 'not stored')) {
        batch.push(r);
        if (batch.length >= BATCH_SIZE) await flush();
      }
      ctx.reporter.progress(tally);
    }
    await flush();
  } finally {
    store.close();
  }
  ctx.reporter.summary(tally, 'ingest');
  return tally.failed + tally.noBody > 0 ? EXIT.someFailed : EXIT.ok;
}

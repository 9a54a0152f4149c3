// `lede merge A.db B.db … --db ALL.db`: combine shard databases (docs/SCALE.md). Every shard is
// opened and checked before anything is written, so a foreign or newer file stops the merge with
// one line and no change. Then each shard's files are replayed, in the order its run met them,
// through the same batched writer as an ingest: the same article in two shards is one row with
// every source, and the search index is built once at the end (bulk), like one run over all files.
import { realpathSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import { openStore, StoreError, type Store } from '../../store/index.js';
import { openShard, type Shard } from '../../store/merge.js';
import { EXIT, type CommandContext } from '../context.js';
import { watchInterrupts } from '../interrupt.js';
import { emptyTally, type Tally } from '../reporter.js';
import { BatchWriter } from '../writer.js';
import { afterWrite } from './ingest.js';

const sameFile = (a: string, b: string): boolean => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

export async function mergeCommand(shardPaths: string[], opts: { db: string }, ctx: CommandContext): Promise<number> {
  if (shardPaths.length === 0) throw new UsageError('merge needs at least one shard database: lede merge A.db B.db --db ALL.db');
  const self = shardPaths.find((p) => sameFile(p, opts.db));
  if (self !== undefined) throw new UsageError(`"${self}" is the target database (--db); merge other databases into it`);
  const shards: Shard[] = [];
  let store: Store | null = null;
  const interrupt = watchInterrupts();
  const tally: Tally = emptyTally();
  try {
    for (const p of shardPaths) {
      try {
        shards.push(openShard(p));
      } catch (err) {
        if (err instanceof StoreError) throw new StoreError(`cannot merge "${p}": ${err.message.replace(/^cannot (open|read) database "[^"]*": /, '')}`);
        throw err;
      }
    }
    store = openStore(opts.db);
    const writer = new BatchWriter(store, afterWrite(store, tally, ctx, false));
    for (const shard of shards) {
      ctx.reporter.info(`merging ${shard.path}: ${shard.counts.articles} articles, ${shard.counts.sources} sources`);
      for (const entry of shard.entries()) {
        tally.files++;
        if (entry.kind === 'failed') {
          if (entry.source.status === 'error') tally.failed++;
          else tally.noBody++;
        }
        await writer.add(entry);
        ctx.reporter.progress(tally);
        if (interrupt.signal) break;
      }
      if (interrupt.signal) break;
    }
    await writer.flush();
    if (!interrupt.signal) for (const p of writer.index()) ctx.reporter.indexProgress(p);
  } finally {
    interrupt.dispose();
    for (const s of shards) s.close();
    store?.close();
  }
  ctx.reporter.summary(tally, 'ingest');
  if (interrupt.signal) {
    ctx.io.stderr.write(`lede: interrupted by ${interrupt.signal}: the batches written are kept; run the same merge again to finish (rows already merged come back unchanged)\n`);
    return interrupt.exitCode();
  }
  // Failed files were failures of the shards' runs, already reported there: the merge itself did
  // what it was asked.
  return EXIT.ok;
}

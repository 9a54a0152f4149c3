// `lede ingest --from-jsonl FILE|-`: store the rows `lede extract` printed, e.g. on other machines
// (docs/SCALE.md). Each line is checked (src/cli/jsonl.ts); a bad one is named `FILE:LINE: reason`
// and the run goes on, so the good rows are stored and the exit code says something failed. Rows
// are written in line order through the same batched writer as a folder ingest, so the same lines
// give the same database (ids included), and each file a line names becomes a source, as if
// ingested here (without size, mtime and byte hash: the JSON does not carry them, so a later
// direct ingest of those files reads them once).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { reasonOf } from '../../input/discover.js';
import { openStore, type Store } from '../../store/index.js';
import { EXIT, type CommandContext } from '../context.js';
import { watchInterrupts } from '../interrupt.js';
import { parseExtractLine } from '../jsonl.js';
import { terminalText } from '../terminal.js';
import { emptyTally, type Tally } from '../reporter.js';
import { BatchWriter } from '../writer.js';
import { UsageError } from '../../errors.js';
import { afterWrite, entryOf } from './ingest.js';

export interface JsonlIngestOptions {
  db: string;
  json: boolean;
  deferIndex?: boolean;
}

function openLines(file: string, ctx: CommandContext): Promise<NodeJS.ReadableStream> {
  if (file === '-') return Promise.resolve(ctx.io.stdin);
  // Opened before the database, so a missing file is a usage error and leaves no empty database.
  return new Promise((resolve, reject) => {
    const s = createReadStream(file);
    s.once('ready', () => resolve(s));
    s.once('error', (err) => reject(new UsageError(`cannot read --from-jsonl ${file}: ${reasonOf(err)}`)));
  });
}

export async function ingestJsonlCommand(file: string, opts: JsonlIngestOptions, ctx: CommandContext): Promise<number> {
  const input = await openLines(file, ctx);
  const name = file === '-' ? 'stdin' : file;
  const store: Store = openStore(opts.db); // StoreError → exit 3 in main
  const tally: Tally = emptyTally();
  const writer = new BatchWriter(store, afterWrite(store, tally, ctx, opts.json), opts.deferIndex === false ? Infinity : undefined);
  const interrupt = watchInterrupts();
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let lineNo = 0;
  let readError: string | null = null;
  try {
    for (;;) {
      let next: IteratorResult<string> | null;
      try {
        next = await interrupt.orStop(lines.next());
      } catch (err) {
        readError = reasonOf(err);
        break;
      }
      if (next === null || next.done) break;
      lineNo++;
      if (next.value.trim() === '') continue; // a blank line (a trailing one, or between shards cat'ed together)
      const parsed = parseExtractLine(next.value);
      if (!parsed.ok) {
        tally.files++;
        tally.failed++;
        ctx.reporter.failure(`${name}:${lineNo}`, parsed.reason);
        continue;
      }
      const r = parsed.result;
      const entry = entryOf({ result: r, path: r.source === '-' ? null : r.source, file: null, unchanged: null }, null, tally, ctx);
      if (entry) await writer.add(entry);
      ctx.reporter.progress(tally);
    }
    await writer.flush();
    if (!interrupt.signal) for (const p of writer.index()) ctx.reporter.indexProgress(p);
  } finally {
    interrupt.dispose();
    store.close();
  }
  ctx.reporter.summary(tally, 'ingest');
  if (readError !== null) {
    ctx.io.stderr.write(`lede: ${terminalText(`${name}: read failed after line ${lineNo}: ${readError}`)}; the lines before it are stored\n`);
    return EXIT.someFailed;
  }
  if (interrupt.signal) {
    ctx.io.stderr.write(`lede: interrupted by ${interrupt.signal}: the lines read are stored; run the same command again to store the rest (stored rows come back unchanged)\n`);
    return interrupt.exitCode();
  }
  return tally.failed + tally.noBody > 0 ? EXIT.someFailed : EXIT.ok;
}

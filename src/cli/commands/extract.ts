// `lede extract`: no database, one JSON line per input with status and error — the building
// block for shell pipelines. Also what `lede ingest --dry-run` prints.
import { EXIT, type CommandContext } from '../context.js';
import { collectInputs, processInputs, type InputSpec } from '../inputs.js';
import { resultJson } from '../format.js';
import { account, emptyTally } from '../reporter.js';

export async function extractCommand(spec: InputSpec, ctx: CommandContext): Promise<number> {
  const paths = await collectInputs(spec, ctx.io);
  ctx.reporter.countInputs(paths, spec.extensions);
  const tally = emptyTally();
  for await (const p of processInputs(paths, spec, ctx.io)) {
    const r = p.result!;
    if (account(r, tally, ctx.reporter)) ctx.reporter.info(`ok ${r.source} (${r.format}, ${r.word_count} words)`);
    await ctx.out.line(resultJson(r));
    if (ctx.out.closed) break; // the reader went away (`| head`): stop quietly
    ctx.reporter.progress(tally);
  }
  ctx.reporter.summary(tally, 'extract');
  if (ctx.out.closed) return EXIT.ok;
  return tally.failed + tally.noBody > 0 ? EXIT.someFailed : EXIT.ok;
}

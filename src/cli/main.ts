// The command table. Parsing and defaults live here; each command is a function of typed
// options and a context, so tests can run them in-process with their own streams.
import { availableParallelism } from 'node:os';
import { Command, CommanderError, Option } from 'commander';
import { StoreError, QueryError, SOURCE_STATUSES, type SourceStatus } from '../store/index.js';
import { UsageError } from '../errors.js';
import { DEFAULT_EXTENSIONS, reasonOf } from '../input/discover.js';
import { DEFAULT_DB, EXTRACT_TIMEOUT_MS } from '../settings.js';
import { FORMATS, type ExtractOptions, type Format, type Mode } from '../types.js';
import { EXIT, type CommandContext } from './context.js';
import { chalkFor, Output, processIo, type Io } from './io.js';
import { Reporter, type Verbosity } from './reporter.js';
import { parseRules } from './rules.js';
import { extractCommand } from './commands/extract.js';
import { ingestCommand } from './commands/ingest.js';
import { ingestJsonlCommand } from './commands/ingest-jsonl.js';
import { mergeCommand } from './commands/merge.js';
import { exportCommand, listCommand, listSourcesCommand, searchCommand, showCommand, statsCommand } from './commands/read.js';
import type { InputSpec } from './inputs.js';
import { VERSION } from '../version.js';
import { addExamples } from './help.js';
import { versionText } from './version-text.js';
import { terminalText } from './terminal.js';


const EXAMPLES = `
Examples:
  lede ingest scraped/                      store every article under scraped/ in ./lede.db
  lede ingest page.html --json              store one page and print its row
  curl -s https://example.com/a | lede extract -        one article from stdin, as JSON
  find scraped -name '*.html' -print0 | lede ingest --files-from - -0
  lede extract dumps/ | jq -r .headline     headlines of a folder of dumps, no database
  lede search 'sanctuary AND city' --limit 5
  lede export --format csv > articles.csv

Exit codes: 0 all inputs stored or unchanged, 1 some inputs failed (named on stderr),
            2 usage error, 3 the database cannot be opened or written.`;

interface GlobalOpts { quiet?: boolean; verbose?: boolean; color: boolean; db?: string }

interface InputOpts {
  filesFrom?: string;
  null?: boolean;
  format: 'auto' | Format;
  ext?: string;
  rules?: string;
  precision?: boolean;
  recall?: boolean;
  tagFromFolder?: boolean;
  jobs?: number;
  timeout?: number;
}

const defaultJobs = () => Math.max(1, Math.min(availableParallelism(), 8));

function inputOptions(cmd: Command): Command {
  return cmd
    .argument('[inputs...]', 'files, folders (walked recursively) or - for stdin')
    .option('--files-from <file>', 'read input paths from FILE (- for stdin), one per line')
    .option('-0, --null', 'with --files-from: paths are NUL-separated (find -print0)')
    .addOption(new Option('--format <format>', 'input format').choices(['auto', ...FORMATS]).default('auto'))
    .option('--ext <list>', `extensions taken from folders (default ${DEFAULT_EXTENSIONS.join(',')}, each also .gz)`)
    .option('--rules <file>', 'JSON rules: extra boilerplate phrases and CSS selectors')
    .option('--precision', 'prefer leaving text out over letting boilerplate in')
    .option('--recall', 'prefer keeping text over losing any of the article')
    .option('--tag-from-folder', "use the parent folder's name as the tag when a page shows none")
    .option('-j, --jobs <n>', `extraction threads (default: ${defaultJobs()}, the number of CPUs)`, positiveInt('--jobs'))
    .option('--timeout <seconds>', `give up on a document after this long (default ${EXTRACT_TIMEOUT_MS / 1000}; batch runs)`, positiveNumber('--timeout'));
}

function parseExtensions(list: string | undefined): readonly string[] {
  if (list === undefined) return DEFAULT_EXTENSIONS;
  const exts = list.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean).map((e) => (e.startsWith('.') ? e : `.${e}`));
  if (exts.length === 0) throw new UsageError('--ext needs at least one extension');
  return exts;
}

function inputSpec(inputs: string[], o: InputOpts): InputSpec {
  if (o.precision && o.recall) throw new UsageError('--precision and --recall cannot be used together');
  const mode: Mode = o.precision ? 'precision' : o.recall ? 'recall' : 'balanced';
  const extract: ExtractOptions = { mode, rules: o.rules ? parseRules(o.rules) : {}, fallbackTag: null };
  return {
    inputs,
    filesFrom: o.filesFrom,
    nul: Boolean(o.null),
    format: o.format === 'auto' ? undefined : o.format,
    extensions: parseExtensions(o.ext),
    tagFromFolder: Boolean(o.tagFromFolder),
    extract,
    jobs: o.jobs ?? defaultJobs(),
    timeoutMs: o.timeout !== undefined ? o.timeout * 1000 : EXTRACT_TIMEOUT_MS,
  };
}

function positiveNumber(name: string) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!/^\d*\.?\d+$/.test(raw) || !(n > 0)) throw new UsageError(`${name} needs a number > 0, got ${JSON.stringify(raw)}`);
    return n;
  };
}

function positiveInt(name: string) {
  return (raw: string): number => {
    if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`${name} needs a whole number ≥ 1, got ${JSON.stringify(raw)}`);
    return Number(raw);
  };
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  let ctx: CommandContext | undefined;
  const errColor = chalkFor(io.stderrIsTTY, io.env, !argv.includes('--no-color'));

  const program = new Command('lede')
    .description('Ingest scraped news articles (HTML, text and Markdown dumps) into SQLite: tag, headline, deck, body and more.')
    .version(VERSION, '-V, --version', 'print the version of lede, SQLite and FTS5')
    .option('-q, --quiet', 'only errors on stderr')
    .option('-v, --verbose', 'a line per file on stderr')
    .option('--no-color', 'no colours (also NO_COLOR=1)')
    .option('--db <file>', `SQLite database (default $LEDE_DB or ./${DEFAULT_DB})`)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // commander quotes the offending argument, which can hold anything a shell can pass.
      outputError: (s, write) => write(errColor.red(terminalText(s, { multiline: true }))),
    });

  const context = (cmd: Command): { ctx: CommandContext; g: GlobalOpts } => {
    const g = cmd.optsWithGlobals() as GlobalOpts;
    const verbosity: Verbosity = g.quiet ? 'quiet' : g.verbose ? 'verbose' : 'normal';
    const stderrColor = chalkFor(io.stderrIsTTY, io.env, g.color);
    ctx = {
      io,
      out: new Output(io.stdout),
      reporter: new Reporter(io.stderr, stderrColor, verbosity, io.stderrIsTTY),
      color: chalkFor(io.stdoutIsTTY, io.env, g.color),
    };
    return { ctx, g };
  };
  const dbPath = (g: GlobalOpts) => g.db ?? (io.env.LEDE_DB || DEFAULT_DB);

  // A terminal on stdin and nothing to read: the user needs help, not a hang.
  const needsInput = (cmd: Command, inputs: string[], o: InputOpts): boolean => {
    if (inputs.length === 0 && o.filesFrom === undefined && io.stdinIsTTY) {
      io.stderr.write(cmd.helpInformation());
      exitCode = EXIT.usage;
      return true;
    }
    return false;
  };
  const withStdinDefault = (inputs: string[], o: InputOpts) => (inputs.length === 0 && o.filesFrom === undefined ? ['-'] : inputs);

  inputOptions(program.command('ingest').description('extract articles and store them in the database'))
    .option('--json', 'also print each stored row as JSON Lines on stdout')
    .option('-n, --dry-run', 'extract and print JSON Lines, write nothing')
    .option('--verify', 'read and hash files whose size and mtime are unchanged instead of skipping them unread')
    .option('--force', 'extract every file again, changed or not')
    .option('--index-as-you-go', 'index every batch for search as it is stored, so other programs can search new rows during a big run (slower)')
    .option('--from-jsonl <file>', 'store the JSON Lines `lede extract` printed (FILE, or - for stdin) instead of reading inputs')
    .action(async (inputs: string[], o: InputOpts & { json?: boolean; dryRun?: boolean; verify?: boolean; force?: boolean; indexAsYouGo?: boolean; fromJsonl?: string }, cmd: Command) => {
      if (o.fromJsonl !== undefined) {
        const { ctx, g } = context(cmd);
        if (inputs.length > 0 || o.filesFrom !== undefined) throw new UsageError('--from-jsonl reads rows, not files: give no inputs and no --files-from with it');
        const clash = (['dryRun', 'verify', 'force'] as const).find((k) => o[k]);
        if (clash) throw new UsageError(`--${clash === 'dryRun' ? 'dry-run' : clash} cannot be used with --from-jsonl`);
        exitCode = await ingestJsonlCommand(o.fromJsonl, { db: dbPath(g), json: Boolean(o.json), deferIndex: !o.indexAsYouGo }, ctx);
        return;
      }
      if (needsInput(cmd, inputs, o)) return;
      const { ctx, g } = context(cmd);
      if (o.verify && o.force) throw new UsageError('--verify and --force cannot be used together (--force re-reads everything anyway)');
      const spec = inputSpec(withStdinDefault(inputs, o), o);
      const resume = o.force ? 'force' : o.verify ? 'verify' : 'skip';
      exitCode = o.dryRun ? await extractCommand(spec, ctx) : await ingestCommand(spec, { db: dbPath(g), json: Boolean(o.json), resume, deferIndex: !o.indexAsYouGo }, ctx);
    });

  inputOptions(program.command('extract').description('print extracted articles as JSON Lines (no database)'))
    .action(async (inputs: string[], o: InputOpts, cmd: Command) => {
      if (needsInput(cmd, inputs, o)) return;
      const { ctx } = context(cmd);
      exitCode = await extractCommand(inputSpec(withStdinDefault(inputs, o), o), ctx);
    });

  program.command('merge').description('combine shard databases into --db: duplicates folded, sources kept, search index rebuilt')
    .argument('<shards...>', 'lede databases (e.g. made on other machines)')
    .action(async (shards: string[], _o: unknown, cmd: Command) => {
      const { ctx, g } = context(cmd);
      exitCode = await mergeCommand(shards, { db: dbPath(g) }, ctx);
    });

  program.command('list').description('list stored articles in ingest order (id, date, tag, headline)')
    .option('--limit <n>', 'at most N rows', positiveInt('--limit'), 50)
    .option('--offset <n>', 'skip N rows', (v) => (v === '0' ? 0 : positiveInt('--offset')(v)), 0)
    .option('--tag <tag>', 'only this tag')
    .addOption(new Option('--format <format>', 'only this input format').choices([...FORMATS]))
    .option('--lang <lang>', 'only this language (en also matches en-GB)')
    .option('--since <date>', 'only articles published on or after DATE (ISO 8601)')
    .addOption(new Option('--order <order>', 'by id: asc (oldest first) or desc (newest first)').choices(['asc', 'desc']).default('asc'))
    .option('--json', 'JSON Lines')
    .option('--sources', 'list input files instead of articles: path, status, article id, size, mtime, last seen')
    .addOption(new Option('--status <status>', 'with --sources: only files with this status').choices([...SOURCE_STATUSES]))
    .action(async (o: { limit: number; offset: number; tag?: string; format?: Format; lang?: string; since?: string; order: 'asc' | 'desc'; json?: boolean; sources?: boolean; status?: SourceStatus }, cmd: Command) => {
      const { ctx, g } = context(cmd);
      if (o.sources) {
        const articleOnly = (['tag', 'format', 'lang', 'since'] as const).filter((k) => o[k] !== undefined);
        if (articleOnly.length) throw new UsageError(`--${articleOnly[0]} filters articles; it cannot be used with --sources`);
        exitCode = await listSourcesCommand(dbPath(g), { limit: o.limit, offset: o.offset, status: o.status, json: Boolean(o.json) }, ctx);
        return;
      }
      if (o.status) throw new UsageError('--status needs --sources');
      exitCode = await listCommand(dbPath(g), { ...o, json: Boolean(o.json) }, ctx);
    });

  program.command('show').description('show one article, with where each field came from')
    .argument('<id>', 'article id (see lede list)')
    .option('--json', 'the row as JSON')
    .action(async (id: string, o: { json?: boolean }, cmd: Command) => {
      const { ctx, g } = context(cmd);
      exitCode = await showCommand(dbPath(g), id, { json: Boolean(o.json) }, ctx);
    });

  program.command('search').description('full-text search (SQLite FTS5 syntax), best matches first')
    .argument('<query...>', 'words, "phrases", AND/OR/NOT, prefix*')
    .option('--limit <n>', 'at most N hits', positiveInt('--limit'), 20)
    .option('--json', 'JSON Lines with rank and snippet')
    .action(async (words: string[], o: { limit: number; json?: boolean }, cmd: Command) => {
      const { ctx, g } = context(cmd);
      exitCode = await searchCommand(dbPath(g), words.join(' '), { limit: o.limit, json: Boolean(o.json) }, ctx);
    });

  program.command('export').description('write every stored article as JSON Lines or CSV')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .action(async (o: { format: 'jsonl' | 'csv'; output?: string }, cmd: Command) => {
      const { ctx, g } = context(cmd);
      exitCode = await exportCommand(dbPath(g), { format: o.format, output: o.output }, ctx);
    });

  program.command('stats').description('counts by tag, format and language')
    .option('--json', 'as JSON')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const { ctx, g } = context(cmd);
      exitCode = await statsCommand(dbPath(g), { json: Boolean(o.json) }, ctx);
    });

  addExamples(program);
  for (const cmd of program.commands) {
    cmd.exitOverride().configureOutput(program.configureOutput()).showHelpAfterError('(run with --help for usage)');
  }

  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT.usage;
  }

  // Handled here rather than by commander: the SQLite versions need a connection, which no other
  // run should pay for before it needs one.
  if (argv[0] === '-V' || argv[0] === '--version') {
    io.stdout.write(`${versionText()}\n`);
    return EXIT.ok;
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    ctx?.reporter.stop();
    ctx?.reporter.clearProgress();
    const fail = (msg: string, code: number) => { io.stderr.write(`${errColor.red('lede:')} ${terminalText(msg, { multiline: true })}\n`); return code; };
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.usage; // commander already printed the message
    }
    if (err instanceof UsageError) return fail(err.message, EXIT.usage);
    if (err instanceof QueryError) return fail(err.message, EXIT.usage);
    if (err instanceof StoreError) return fail(err.message, EXIT.database);
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') return exitCode;
    return fail(`internal error: ${(err as Error).stack ?? reasonOf(err)}\nPlease report this with the input that caused it.`, 70);
  }
}

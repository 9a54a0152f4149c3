// `npm run bench`: the figures of issue 8's Benchmark section, each printed beside its target and
// beside a baseline measured in the same run (these machines are shared and noisy: absolute
// numbers drift, ratios hold). Whole processes are timed, start-up included, as users run them.
//
//   HTML: `lede ingest` of every corpus page into a fresh database, against Readability.js +
//     linkedom extracting the same pages (no database), and against the parse-only ceiling
//     (htmlparser2 parseDocument over the same pages, one worker per core).
//   Scale: N synthetic ~3 KB text dumps (bench/synth-dumps.ts, every file distinct) into a fresh
//     database: files/s and peak RSS, against N/10 of them and against reading the files alone;
//     the same command again on the unchanged folder (speed-up, rows changed); every input
//     accounted for in `sources`; search latency on the big database.
//   Pathological documents (issue 9, bench/pathological.ts): a 100k-link line, a 60k-row table,
//     50k reference links, as Markdown and as a text dump, each through `lede extract`, against
//     the same document at a tenth of the size (linear time: about 10× less work, start-up aside).
//
// Options: --files N (scale run size, default 100000), --skip-scale, --skip-html, --skip-pathological, --rounds R (best
// of R for the HTML runs, default 3), --cpu-prof DIR (profile every lede run: one .cpuprofile per
// thread, workers included), --keep (leave the work folder for inspection).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { pathologicalCases } from './pathological.js';
import { loadSourceArticles, writeSyntheticDumps } from './synth-dumps.js';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const BIN = join(ROOT, 'bin', 'lede.js');
const RSS_HOOK = join(ROOT, 'bench', 'rss-hook.mjs');

interface Run { seconds: number; rssMB: number; status: number | null; stdout: string; stderr: string }

let cpuProfDir: string | undefined;

/** Run node (with the peak-RSS hook) to completion; wall time measured here. */
function runNode(args: string[], opts: { stdout?: boolean; profile?: boolean } = {}): Run {
  const rssFile = join(tmpdir(), `lede-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const prof = opts.profile && cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfDir] : [];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...prof, '--import', RSS_HOOK, ...args], {
    encoding: 'utf8', maxBuffer: 1 << 28,
    stdio: ['ignore', opts.stdout ? 'pipe' : 'ignore', 'pipe'],
    env: { ...process.env, LEDE_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
  });
  const seconds = (performance.now() - t0) / 1000;
  const rssMB = existsSync(rssFile) ? (Number(readFileSync(rssFile, 'utf8')) * 1024) / 1e6 : NaN;
  rmSync(rssFile, { force: true });
  if (r.status !== 0) process.stderr.write(`bench: \`${args.map((a) => a.replace(ROOT + '/', '')).join(' ')}\` exited ${r.status}: ${(r.stderr ?? '').slice(0, 300)}\n`);
  return { seconds, rssMB, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const lede = (args: string[], profile = true) => runNode([BIN, ...args], { profile });

const removeDb = (db: string) => { for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true }); };

// ---- output: one line per figure, with its baseline and target ----

interface Figure { what: string; value: string; baseline: string; target: string; met: boolean | null }
const figures: Figure[] = [];
const notes: string[] = [];

function figure(what: string, value: string, baseline: string, target: string, met: boolean | null): void {
  figures.push({ what, value, baseline, target, met });
}

const fmt = (x: number, d = 0) => Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : 'n/a';
const rate = (n: number, r: Run) => n / r.seconds;

function render(): string {
  const head: Figure = { what: 'figure', value: 'lede', baseline: 'baseline (same run)', target: 'target', met: null };
  const rows = [head, ...figures];
  const w = (k: keyof Omit<Figure, 'met'>) => Math.max(...rows.map((r) => r[k].length));
  const line = (r: Figure, verdict: string) =>
    `${r.what.padEnd(w('what'))}  ${r.value.padStart(w('value'))}  ${r.baseline.padEnd(w('baseline'))}  ${r.target.padEnd(w('target'))}  ${verdict}`;
  return [line(head, 'met'), ...figures.map((f) => line(f, f.met === null ? '' : f.met ? 'yes' : 'NO'))].join('\n');
}

/** Best of n rounds, the baselines interleaved with lede so a busy spell hits all of them alike. */
function rounds(n: number, runs: Record<string, () => Run>): Record<string, Run> {
  const best: Record<string, Run> = {};
  for (let i = 0; i < n; i++) {
    for (const [name, f] of Object.entries(runs)) {
      const r = f();
      if (r.status === 0 && (!best[name] || r.seconds < best[name].seconds)) best[name] = r;
      else if (!best[name]) best[name] = r;
    }
  }
  return best;
}

// ---- HTML ----

function htmlSection(work: string, cpus: number, nRounds: number): void {
  const dir = join(CORPUS, 'html');
  if (!existsSync(dir)) {
    notes.push('HTML figures skipped: ../shared/corpus/html not found');
    return;
  }
  const pages = readdirSync(dir).filter((f) => /\.html?$/i.test(f)).sort().map((f) => join(dir, f));
  const list = join(work, 'html.txt');
  writeFileSync(list, pages.join('\n') + '\n');
  const bytes = pages.reduce((s, p) => s + statSync(p).size, 0);
  notes.push(`HTML: ${pages.length} pages of ../shared/corpus/html, mean ${fmt(bytes / pages.length / 1024)} KiB; best of ${nRounds} rounds`);
  let k = 0;
  const best = rounds(nRounds, {
    readability: () => runNode([join(ROOT, 'bench', 'readability-run.mjs'), list]),
    ceiling: () => runNode([join(ROOT, 'bench', 'parse-ceiling.mjs'), list, String(cpus)]),
    lede: () => {
      const db = join(work, `html-${k++}.db`);
      const r = lede(['ingest', '-q', '--files-from', list, '--db', db]);
      removeDb(db);
      return r;
    },
  });
  const n = pages.length;
  const ledeRate = rate(n, best.lede!);
  const readRate = rate(n, best.readability!);
  const ceilRate = rate(n, best.ceiling!);
  figure('HTML pages/s, fresh DB, end to end', fmt(ledeRate, 1), `Readability.js+linkedom ${fmt(readRate, 1)}`, '≥ 250', ledeRate >= 250);
  figure('  lede ÷ Readability.js (extraction only)', `${fmt(ledeRate / readRate, 2)}×`, '1×', '≥ 7×', ledeRate / readRate >= 7);
  figure(`  share of parse-only ceiling (${cpus} workers)`, `${fmt((100 * ledeRate) / ceilRate, 1)} %`, `htmlparser2 ${fmt(ceilRate, 1)} pages/s`, '≥ 35 %', ledeRate / ceilRate >= 0.35);
  figure('  peak RSS, HTML ingest', `${fmt(best.lede!.rssMB)} MB`, `Readability.js ${fmt(best.readability!.rssMB)} MB`, '', null);
}

// ---- scale ----

/** Rows that differ between the database before a run (attached as `old`) and after it. */
function rowsChanged(dbPath: string, before: string): { articles: number; sources: number } {
  const db = new Database(dbPath, { readonly: true });
  try {
    db.prepare('ATTACH DATABASE ? AS old').run(before);
    const diff = (table: string, cols: string) => db.prepare(
      `SELECT (SELECT count(*) FROM (SELECT ${cols} FROM main.${table} EXCEPT SELECT ${cols} FROM old.${table}))
            + (SELECT count(*) FROM (SELECT ${cols} FROM old.${table} EXCEPT SELECT ${cols} FROM main.${table}))`).pluck().get() as number;
    // last_seen moves on every run by design: it says when the file was last seen.
    const sourceCols = 'path, size, mtime_ms, sha256, article_id, status, error, settings, first_seen';
    return { articles: diff('articles', '*'), sources: diff('sources', sourceCols) };
  } finally {
    db.close();
  }
}

function census(dbPath: string): { articles: number; sources: number; ok: number; noBody: number; error: number; ftsRows: number } {
  const db = new Database(dbPath, { readonly: true });
  try {
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      articles: one('SELECT count(*) FROM articles'),
      sources: one('SELECT count(*) FROM sources'),
      ok: one("SELECT count(*) FROM sources WHERE status = 'ok'"),
      noBody: one("SELECT count(*) FROM sources WHERE status = 'no_body'"),
      error: one("SELECT count(*) FROM sources WHERE status = 'error'"),
      // Search must work after the run: every article findable through the index.
      ftsRows: one("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'report'"),
    };
  } finally {
    db.close();
  }
}

const SEARCH_QUERIES = ['economy', 'mobile phones', 'election campaign', 'box office', 'Chancellor Gordon Brown', 'broadband', 'champions league', 'interest rates'];

function scaleSection(work: string, n: number): void {
  const textDir = join(CORPUS, 'text');
  if (!existsSync(textDir)) {
    notes.push('scale figures skipped: ../shared/corpus/text not found');
    return;
  }
  const articles = loadSourceArticles(textDir);
  const small = Math.max(100, Math.floor(n / 10));
  const t0 = performance.now();
  writeSyntheticDumps(join(work, 'big'), articles, n);
  writeSyntheticDumps(join(work, 'small'), articles, small);
  const bigBytes = readdirSync(join(work, 'big')).reduce((s, d) => s + readdirSync(join(work, 'big', d)).reduce((t, f) => t + statSync(join(work, 'big', d, f)).size, 0), 0);
  notes.push(`scale: ${fmt(n)} synthetic dumps from ${articles.length} corpus/text articles, mean ${fmt(bigBytes / n / 1024, 1)} KiB, written in ${fmt((performance.now() - t0) / 1000, 1)} s`);

  const listBig = join(work, 'big.txt');
  writeFileSync(listBig, readdirSync(join(work, 'big')).sort().flatMap((d) => readdirSync(join(work, 'big', d)).sort().map((f) => join(work, 'big', d, f))).join('\n') + '\n');
  const floor = runNode([join(ROOT, 'bench', 'read-floor.mjs'), listBig]);
  const bigDb = join(work, 'big.db');
  const smallDb = join(work, 'small.db');
  const s = lede(['ingest', '-q', join(work, 'small'), '--db', smallDb]);
  const b = lede(['ingest', '-q', join(work, 'big'), '--db', bigDb]);
  const before = join(work, 'big-before.db');
  copyFileSync(bigDb, before);
  for (const side of ['-wal', '-shm']) if (existsSync(bigDb + side)) copyFileSync(bigDb + side, before + side);
  const again = lede(['ingest', '-q', join(work, 'big'), '--db', bigDb]);

  const bigRate = rate(n, b);
  const smallRate = rate(small, s);
  figure(`${fmt(n)} dumps, fresh DB: files/s`, fmt(bigRate), `read+decode alone ${fmt(rate(n, floor))}`, '≥ 3,000', bigRate >= 3000);
  figure(`  peak RSS (${fmt(n)} files, workers included)`, `${fmt(b.rssMB)} MB`, `${fmt(small)} files ${fmt(s.rssMB)} MB`, '≤ 250 MB', b.rssMB <= 250);
  const drift = bigRate / smallRate - 1;
  figure(`  throughput ${fmt(n)} vs ${fmt(small)} files`, `${drift >= 0 ? '+' : ''}${fmt(100 * drift, 1)} %`, `${fmt(small)} files ${fmt(smallRate)} files/s`, 'within 15 %', Math.abs(drift) <= 0.15);
  const speedup = b.seconds / again.seconds;
  figure('re-run, unchanged folder: speed-up', `${fmt(speedup, 1)}×`, `first run ${fmt(b.seconds, 1)} s`, '≥ 20×', speedup >= 20);
  const changed = rowsChanged(bigDb, before);
  figure('  rows changed by the re-run', fmt(changed.articles + changed.sources), `${fmt(changed.articles)} articles, ${fmt(changed.sources)} sources`, '0', changed.articles + changed.sources === 0);
  const c = census(bigDb);
  figure(`inputs accounted for (${fmt(n)} distinct files)`, fmt(c.sources), `${fmt(c.articles)} articles; ok ${fmt(c.ok)}, no body ${fmt(c.noBody)}, error ${fmt(c.error)}`, fmt(n), c.sources === n && c.ok + c.noBody + c.error === n);
  // Every dump's body holds the word "report": the index must find every article by it.
  notes.push(`search index after the run: "report" finds ${fmt(c.ftsRows)} of ${fmt(c.articles)} articles`);

  const lat = runNode([join(ROOT, 'bench', 'search-latency.mjs'), bigDb, ...SEARCH_QUERIES], { stdout: true });
  const per = JSON.parse(lat.stdout || '[]') as { query: string; hits: number; medianMs: number }[];
  const medians = per.map((p) => p.medianMs).sort((x, y) => x - y);
  const median = medians[Math.floor(medians.length / 2)] ?? NaN;
  const startup = rounds(3, { version: () => lede(['--version'], false), search: () => lede(['search', '--db', bigDb, '--limit', '10', SEARCH_QUERIES[0]!], false) });
  figure(`search top-10, ${fmt(c.articles)} rows: median ms`, fmt(median, 1), `slowest query ${fmt(medians.at(-1) ?? NaN, 1)} ms`, '< 50 ms', median < 50);
  figure('  whole `lede search` process', `${fmt(startup.search!.seconds * 1000)} ms`, `\`lede --version\` ${fmt(startup.version!.seconds * 1000)} ms`, '', null);
  notes.push(`search: ${per.map((p) => `"${p.query}" ${fmt(p.medianMs, 1)} ms (${p.hits} hits)`).join(', ')}; open + query + close, median of 5 after a warm-up`);
  notes.push(`timings: ${fmt(small)} files ${fmt(s.seconds, 1)} s, ${fmt(n)} files ${fmt(b.seconds, 1)} s, re-run ${fmt(again.seconds, 2)} s, read alone ${fmt(floor.seconds, 1)} s`);
}

// ---- pathological documents ----

type Process = (input: { source: string; bytes: Uint8Array; format?: 'markdown' | 'text' }, options: unknown) => { status: string };

/**
 * The document's own cost, in this process with the built code (a whole `lede extract` adds a
 * start-up of a second or more on a busy machine, which would drown the figure): CPU seconds
 * (this thread and the collector's), which other users of the machine do not inflate as they
 * do wall time; the first, cold run, and the best of 3.
 */
function timeDocument(run: Process, options: unknown, text: string, format: 'markdown' | 'text'): { cold: number; seconds: number; status: string } {
  const bytes = Buffer.from(text);
  let best = Infinity, cold = NaN, status = '';
  for (let i = 0; i < 3; i++) {
    const t = process.cpuUsage();
    status = run({ source: 'bench', bytes, format }, options).status;
    const u = process.cpuUsage(t);
    const s = (u.user + u.system) / 1e6;
    if (i === 0) cold = s;
    best = Math.min(best, s);
  }
  return { cold, seconds: best, status };
}

async function pathologicalSection(work: string): Promise<void> {
  const { processDocument } = (await import(join(ROOT, 'dist', 'pipeline.js'))) as { processDocument: Process };
  const { DEFAULT_EXTRACT_OPTIONS } = (await import(join(ROOT, 'dist', 'types.js'))) as { DEFAULT_EXTRACT_OPTIONS: unknown };
  const full = pathologicalCases(1);
  const tenth = pathologicalCases(0.1);
  full.forEach((c, i) => {
    for (const format of ['markdown', 'text'] as const) {
      const big = timeDocument(processDocument, DEFAULT_EXTRACT_OPTIONS, c[format], format);
      const small = timeDocument(processDocument, DEFAULT_EXTRACT_OPTIONS, tenth[i]![format], format);
      figure(`${c.name}, ${format} (${fmt(c[format].length / 1e6, 1)} MB): CPU s`, `${fmt(big.seconds, 2)} (cold ${fmt(big.cold, 2)})`,
        `a tenth of it ${fmt(small.seconds, 2)} s (${fmt(big.seconds / small.seconds, 1)}×)`, '< 2 s', big.status === 'ok' && big.cold < 2);
    }
  });
  // The same through the CLI once, start-up included, as a user sees it.
  const path = join(work, 'pathological-table.md');
  writeFileSync(path, full[1]!.markdown);
  const cli = runNode([BIN, 'extract', '--format', 'markdown', path], { stdout: true, profile: true });
  const version = lede(['--version'], false);
  notes.push(`pathological: extraction of one document in-process (built code), CPU seconds, best of 3 and the first (cold) run, which must be under 2 s; the article must come out (status ok); \`lede extract\` of the ${full[1]!.name} ${fmt(cli.seconds, 2)} s whole, \`lede --version\` ${fmt(version.seconds, 2)} s`);
}

/** The RSS hook must see memory a worker thread allocates: one worker holding ~200 MB. */
function checkRssHook(): void {
  const code = `const { Worker } = require('node:worker_threads');
    const w = new Worker("const b = Buffer.alloc(200e6, 1); require('node:worker_threads').parentPort.postMessage(b[1e8]);", { eval: true });
    w.on('message', () => w.terminate());`;
  const r = runNode(['-e', code]);
  if (!(r.rssMB >= 200)) throw new Error(`bench/rss-hook.mjs saw ${fmt(r.rssMB)} MB for a worker holding 200 MB: peak RSS figures would be wrong`);
  notes.push(`peak RSS: the whole process (worker threads included; a worker holding 200 MB reads ${fmt(r.rssMB)} MB)`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    files: { type: 'string', default: '100000' }, 'skip-scale': { type: 'boolean' }, 'skip-html': { type: 'boolean' },
    'skip-pathological': { type: 'boolean' }, rounds: { type: 'string', default: '3' }, 'cpu-prof': { type: 'string' }, keep: { type: 'boolean' },
  } });
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('run `npm run build` first (npm run bench does)');
  const n = Number(values.files);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--files must be a whole number ≥ 1, not ${values.files}`);
  if (values['cpu-prof']) mkdirSync((cpuProfDir = resolve(values['cpu-prof'])), { recursive: true });
  const cpus = availableParallelism();
  const work = mkdtempSync(join(tmpdir(), 'lede-bench-'));
  const started = performance.now();
  try {
    checkRssHook();
    if (!values['skip-html']) htmlSection(work, cpus, Math.max(1, Number(values.rounds)));
    if (!values['skip-pathological']) await pathologicalSection(work);
    if (!values['skip-scale']) scaleSection(work, n);
  } finally {
    if (values.keep) process.stderr.write(`bench: work folder kept: ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
  const met = figures.filter((f) => f.met !== null);
  process.stdout.write([
    `lede bench — ${cpus} CPUs, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${fmt((performance.now() - started) / 1000)} s`,
    '', render(), '',
    `${met.filter((f) => f.met).length} of ${met.length} targets met`,
    ...notes.map((s) => `- ${s}`),
  ].join('\n') + '\n');
}

await main();

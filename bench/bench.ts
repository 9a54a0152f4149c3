// `npm run bench`: speed and memory of the built CLI, each as a ratio against a baseline run in
// the same session on the same files (these machines are shared and noisy; absolute numbers
// drift, ratios hold). Baselines:
//   - read+decode floor: a Node process that only reads and decodes every file;
//   - Readability.js + linkedom on the same HTML (the usual open-source choice);
//   - lede itself with one extraction thread, for the --jobs speed-up;
//   - a small run of the same shape, for memory staying flat as the batch grows.
// Options: --files N (synthetic scale run size, default 20000), --skip-scale.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CORPUS, ROOT, corpusAvailable } from './eval-lib.js';

const BIN = join(ROOT, 'bin', 'lede.js');
const RSS_HOOK = join(ROOT, 'bench', 'rss-hook.mjs');

interface Run { seconds: number; rssMiB: number; status: number | null; stderr: string }

/** Run node with a hook that reports the process's peak RSS; wall time measured here. */
function runNode(args: string[], env: Record<string, string> = {}): Run {
  const rssFile = join(tmpdir(), `lede-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, ...args], {
    encoding: 'utf8', env: { ...process.env, LEDE_BENCH_RSS_FILE: rssFile, NO_COLOR: '1', ...env }, maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - t0) / 1000;
  const rssMiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  rmSync(rssFile, { force: true });
  return { seconds, rssMiB, status: r.status, stderr: r.stderr };
}

/** Best of n: the least disturbed run is the closest to the code's own cost. */
function best(n: number, f: () => Run): Run {
  let b: Run | undefined;
  for (let i = 0; i < n; i++) {
    const r = f();
    if (!b || r.seconds < b.seconds) b = r;
  }
  return b!;
}

const fmt = (x: number, d = 2) => x.toFixed(d);
const row = (label: string, files: number, r: Run) =>
  `${label.padEnd(44)}${fmt(files / r.seconds, 1).padStart(9)} files/s ${fmt(r.rssMiB, 0).padStart(6)} MiB peak`;

function corpusFiles(): { dir: string; html: string[]; all: string[] } {
  if (corpusAvailable()) {
    const dirs = ['html', 'dumps', 'mddumps', 'text'];
    const all = dirs.flatMap((d) => readdirSync(join(CORPUS, d)).map((f) => join(CORPUS, d, f)));
    return { dir: CORPUS, html: all.filter((f) => f.endsWith('.html')), all };
  }
  process.stderr.write('bench: ../shared/corpus not found; measuring on samples/ only\n');
  const dir = join(ROOT, 'samples');
  const all = readdirSync(dir).map((f) => join(dir, f));
  return { dir, html: all.filter((f) => f.endsWith('.html')), all };
}

// Synthetic but realistic-shaped articles, each unique so every one is a new row.
function writeSynthetic(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  const words = 'council harbor budget vote residents mayor plan school river transit report energy court market'.split(' ');
  for (let i = 0; i < n; i++) {
    const w = (k: number) => words[(i * 7 + k * 13) % words.length];
    const paras = Array.from({ length: 8 }, (_, p) => `Paragraph ${p + 1} of article ${i} says the ${w(p)} and the ${w(p + 1)} met on day ${i % 28 + 1}, and officials said the ${w(p + 2)} would be reviewed again next month by the ${w(p + 3)} committee.`);
    const sub = join(dir, String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    if (i % 2 === 0) {
      writeFileSync(join(sub, `a${i}.html`), `<!doctype html><html lang="en"><head><title>Article ${i} on the ${w(0)} | Example News</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Article ${i} on the ${w(0)}</h1>${paras.map((p) => `<p>${p}</p>`).join('')}</article><footer>Contact Us · © Example News</footer></body></html>`);
    } else {
      writeFileSync(join(sub, `a${i}.txt`), `Article ${i} on the ${w(0)}\n\n${paras.join('\n\n')}\n\nContact Us\n`);
    }
  }
}

function main(): void {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '20000' }, 'skip-scale': { type: 'boolean' } } });
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('run `npm run build` first (npm run bench does)');
  const work = mkdtempSync(join(tmpdir(), 'lede-bench-'));
  const { html, all } = corpusFiles();
  const list = join(work, 'all.txt');
  writeFileSync(list, all.join('\n'));
  const htmlList = join(work, 'html.txt');
  writeFileSync(htmlList, html.join('\n'));
  const cpus = availableParallelism();
  const out: string[] = [`lede bench — ${all.length} corpus files (${html.length} HTML), ${cpus} CPUs, Node ${process.version}`, ''];

  // 1. Throughput against the read+decode floor.
  const floor = best(3, () => runNode([join(ROOT, 'bench', 'read-floor.mjs'), list]));
  const ingest = best(3, () => {
    const db = join(work, `ingest-${Math.random()}.db`);
    const r = runNode([BIN, 'ingest', '-q', '--files-from', list, '--db', db]);
    rmSync(db, { force: true }); rmSync(`${db}-wal`, { force: true }); rmSync(`${db}-shm`, { force: true });
    return r;
  });
  out.push(row('baseline: read + decode only', all.length, floor));
  out.push(row(`lede ingest (all formats, -j ${cpus})`, all.length, ingest));
  out.push(`  → lede ingest runs at ${fmt(floor.seconds / ingest.seconds, 3)}× the read+decode floor's rate`, '');

  // 2. HTML extraction against Readability.js (both single-threaded, both printing results).
  const readability = best(3, () => runNode([join(ROOT, 'bench', 'readability-run.mjs'), htmlList]));
  const ledeHtml1 = best(3, () => runNode([BIN, 'extract', '-q', '-j', '1', '--files-from', htmlList]));
  out.push(row('baseline: Readability.js + linkedom (1 thread)', html.length, readability));
  out.push(row('lede extract, HTML (-j 1)', html.length, ledeHtml1));
  out.push(`  → lede is ${fmt(readability.seconds / ledeHtml1.seconds)}× Readability.js's speed, at ${fmt(ledeHtml1.rssMiB / readability.rssMiB)}× its peak memory`, '');

  // 3. Threads.
  const ledeAllN = best(3, () => runNode([BIN, 'extract', '-q', '-j', String(cpus), '--files-from', list]));
  const ledeAll1 = best(3, () => runNode([BIN, 'extract', '-q', '-j', '1', '--files-from', list]));
  out.push(row('lede extract, all formats (-j 1)', all.length, ledeAll1));
  out.push(row(`lede extract, all formats (-j ${cpus})`, all.length, ledeAllN));
  out.push(`  → ${cpus} threads run ${fmt(ledeAll1.seconds / ledeAllN.seconds)}× as fast as one`, '');

  // 4. Scale: memory must not grow with the number of files.
  if (!values['skip-scale']) {
    const n = Number(values.files);
    const small = Math.max(200, Math.floor(n / 10));
    writeSynthetic(join(work, 'small'), small);
    writeSynthetic(join(work, 'big'), n);
    const s = runNode([BIN, 'ingest', '-q', join(work, 'small'), '--db', join(work, 'small.db')]);
    const b = runNode([BIN, 'ingest', '-q', join(work, 'big'), '--db', join(work, 'big.db')]);
    const again = runNode([BIN, 'ingest', '-q', join(work, 'big'), '--db', join(work, 'big.db')]);
    out.push(row(`ingest ${small} synthetic files`, small, s));
    out.push(row(`ingest ${n} synthetic files`, n, b));
    out.push(row(`re-ingest the same ${n} (all unchanged)`, n, again));
    out.push(`  → ${fmt(n / small, 0)}× the files: ${fmt((n / b.seconds) / (small / s.seconds))}× the rate, ${fmt(b.rssMiB / s.rssMiB)}× the peak memory`);
    for (const r of [s, b, again]) if (r.status !== 0) out.push(`  (a scale run exited ${r.status}: ${r.stderr.slice(0, 200)})`);
  }
  rmSync(work, { recursive: true, force: true });
  process.stdout.write(out.join('\n') + '\n');
}

main();
